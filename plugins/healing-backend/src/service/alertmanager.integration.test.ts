import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
// The real auth services, so Alertmanager's static token is checked as in
// production.
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  describeWithTestAlertmanager,
  startTestAlertmanager,
  startTestPrometheus,
  TestAlertmanager,
  TestPrometheus,
} from '@cloud-native-platform/plugin-cloud-native-node/testUtils';
import { HealingAttempt } from '@cloud-native-platform/plugin-healing-common';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { KnexHealingStore } from '../database/KnexHealingStore';
import { healingPlugin } from '../plugin';
import { demoConfig } from './__testUtils__/demoConfig';

// Three real servers on two shared cores: generous, though a run takes
// about 15 seconds.
jest.setTimeout(90_000);

// Built from parts so no scanner takes the fixture for a real secret.
const TOKEN = ['alertmanager', 'integration', 'test', '0123456789'].join('-');
/** A pod of risk-service in examples/clusters/prod-east-b. */
const POD = 'risk-service-bbffd545bd-9xlqz';

/**
 * kube-state-metrics as far as the rule reads it: the pod's container
 * restarting, waiting in CrashLoopBackOff while `crashLooping` holds.
 */
function startExporter() {
  const state = { crashLooping: true, restarts: 4 };
  const server = http.createServer((_req, res) => {
    if (state.crashLooping) state.restarts += 1;
    const labels = `cluster="prod-east-b",namespace="trading",pod="${POD}",container="risk-service"`;
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
    res.end(
      [
        '# TYPE kube_pod_container_status_restarts_total counter',
        `kube_pod_container_status_restarts_total{${labels}} ${state.restarts}`,
        '# TYPE kube_pod_container_status_waiting_reason gauge',
        `kube_pod_container_status_waiting_reason{${labels},reason="CrashLoopBackOff"} ${
          state.crashLooping ? 1 : 0
        }`,
        '',
      ].join('\n'),
    );
  });
  return new Promise<{ state: typeof state; target: string; stop(): void }>(
    resolve =>
      server.listen(0, '127.0.0.1', () =>
        resolve({
          state,
          target: `127.0.0.1:${(server.address() as AddressInfo).port}`,
          stop: () => {
            server.closeAllConnections();
            server.close();
          },
        }),
      ),
  );
}

/** KubePodCrashLooping as kube-prometheus writes it, without its delays. */
const RULES = `groups:
  - name: kubernetes-apps
    rules:
      - alert: KubePodCrashLooping
        expr: max by (cluster, namespace, pod, container) (kube_pod_container_status_waiting_reason{reason="CrashLoopBackOff"}) >= 1
        labels:
          severity: critical
        annotations:
          summary: Pod {{ $labels.namespace }}/{{ $labels.pod }} is crash looping
`;

/** Alertmanager 0.25 routing every alert to the healing webhook at once. */
function alertmanagerConfig(webhook: string) {
  return `route:
  receiver: healing
  group_by: [alertname, cluster, namespace]
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: healing
    webhook_configs:
      - url: ${webhook}
        send_resolved: true
        http_config:
          authorization:
            type: Bearer
            credentials: ${TOKEN}
`;
}

async function eventually<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describeWithTestAlertmanager(
  'Prometheus → Alertmanager 0.25 → POST /api/healing/alerts',
  () => {
    let dir: string;
    let exporter: Awaited<ReturnType<typeof startExporter>> | undefined;
    let prometheus: TestPrometheus | undefined;
    let alertmanager: TestAlertmanager | undefined;

    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'healing-alertmanager-'));
    });

    afterAll(async () => {
      await prometheus?.stop();
      await alertmanager?.stop();
      exporter?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('turns a real crash-loop alert into an attempt on risk-service, and its resolved notification closes the alert', async () => {
      const knex = await databases.init('SQLITE_3');
      const demo = demoConfig();
      const { server } = await startTestBackend({
        features: [
          healingPlugin,
          catalogServiceMock.factory(),
          authServiceFactory,
          httpAuthServiceFactory,
          permissionsServiceFactory,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              ...demo,
              backend: {
                baseUrl: 'http://localhost:7007',
                auth: {
                  externalAccess: [
                    {
                      type: 'static',
                      options: { token: TOKEN, subject: 'alertmanager' },
                      accessRestrictions: [
                        {
                          plugin: 'healing',
                          permission: 'healing.alert.create',
                        },
                      ],
                    },
                  ],
                },
              },
              permission: { enabled: true },
              // Live alerts only: the replayed history would share the store.
              healing: { ...demo.healing, demo: { replay: false } },
            },
          }),
        ],
      });
      const backendPort = (server.address() as AddressInfo).port;
      const store = await KnexHealingStore.create(
        mockServices.database({ knex }),
      );

      exporter = await startExporter();
      alertmanager = await startTestAlertmanager({
        config: alertmanagerConfig(
          `http://127.0.0.1:${backendPort}/api/healing/alerts`,
        ),
      });
      const rules = path.join(dir, 'rules.yaml');
      fs.writeFileSync(rules, RULES);
      prometheus = await startTestPrometheus({
        scrapeTargets: [exporter.target],
        ruleFiles: [rules],
        alertmanagerUrls: [alertmanager.url],
      });

      const attempt = await eventually<HealingAttempt>(
        'an attempt for the firing alert',
        45_000,
        async () =>
          (
            await store.listAttempts({ cluster: 'prod-east-b' }, 10)
          ).items[0],
      );
      expect(attempt).toMatchObject({
        kind: 'remediation',
        cluster: 'prod-east-b',
        target: {
          cluster: 'prod-east-b',
          namespace: 'trading',
          kind: 'Deployment',
          name: 'risk-service',
          entityRef: 'component:default/risk-service',
        },
        policy: 'risk-service-crash-loop',
        alert: {
          name: 'KubePodCrashLooping',
          status: 'firing',
          labels: expect.objectContaining({
            alertname: 'KubePodCrashLooping',
            cluster: 'prod-east-b',
            namespace: 'trading',
            pod: POD,
            severity: 'critical',
          }),
        },
      });
      // The demo policy allows restart and evict; which one the learned
      // choice draws depends on the attempt id (Alertmanager's fingerprint
      // and the alert's start), but it is one of those, and it says why.
      expect(['restart', 'evict']).toContain(attempt.action);
      expect(attempt.actionChoice?.chosen).toBe(attempt.action);
      // Alertmanager's own fingerprint, not the labels the backend falls
      // back to for senders without one.
      expect(attempt.alert?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
      // The demo clusters have no Prometheus: no confidence, so the
      // enforce policy asks a person.
      expect(attempt.status).toBe('pending-approval');
      expect(await store.alertStatusOf(attempt.id)).toEqual({
        status: 'firing',
      });

      exporter.state.crashLooping = false;
      const resolved = await eventually(
        'the resolved notification',
        45_000,
        async () => {
          const status = await store.alertStatusOf(attempt.id);
          return status?.status === 'resolved' ? status : undefined;
        },
      );
      expect(resolved.endsAt?.getTime()).toBeGreaterThan(
        Date.parse(attempt.alert!.startsAt),
      );
      // One occurrence, one attempt: repeats and the resolved
      // notification add none.
      expect(
        (await store.listAttempts({ cluster: 'prod-east-b' }, 10)).total,
      ).toBe(1);
    });
  },
);
