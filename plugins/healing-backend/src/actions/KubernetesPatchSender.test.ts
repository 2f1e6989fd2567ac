import { mockServices } from '@backstage/backend-test-utils';
import {
  ClusterDefinition,
  ClusterHandle,
} from '@cloud-native-platform/plugin-cloud-native-node';
import {
  ClusterObject,
  DEFAULT_HEALING_BUDGETS,
  HealingPlan,
  objectsView,
  planEviction,
  planRestart,
  planScale,
  readHealingPolicies,
  runHealingPipeline,
} from '@cloud-native-platform/plugin-healing-common';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ActionExecutor } from './ActionExecutor';
import { sendKubernetesPatch } from './KubernetesPatchSender';

const TOKEN = 'sa-token-for-the-healing-engine';

interface Received {
  method?: string;
  url?: string;
  contentType?: string;
  authorization?: string;
  body: unknown;
}

/** An API server that records each request and answers with `answer`. */
async function fakeApiServer(answer: { status: number; body: unknown }) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      received.push({
        method: req.method,
        url: req.url,
        contentType: req.headers['content-type'],
        authorization: req.headers.authorization,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'),
      });
      res.writeHead(answer.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const cluster: ClusterDefinition = {
    name: 'live',
    role: 'production',
    labels: {},
    // A path prefix, as behind a proxy: requests must keep it.
    source: {
      type: 'kubernetes',
      url: `http://127.0.0.1:${port}/k8s/`,
      authProvider: 'serviceAccount',
      serviceAccountToken: TOKEN,
      skipTLSVerify: false,
    },
    origin: 'test',
  };
  return {
    received,
    cluster,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

const web: ClusterObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', uid: 'web' },
  spec: { replicas: 2, template: { metadata: {} } },
};
const pod: ClusterObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'web-1',
    namespace: 'shop',
    ownerReferences: [
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'web' },
    ],
  },
  status: { phase: 'Running' },
};
const view = objectsView([web, pod]);
const now = new Date('2026-11-26T10:00:00Z');

function planOf(
  result: { ok: true; plan: HealingPlan } | { ok: false; reason: string },
) {
  if (!result.ok) throw new Error(result.reason);
  return result.plan;
}

describe('sendKubernetesPatch', () => {
  it('sends restart, scale and eviction with their method, path, content type and the token', async () => {
    const api = await fakeApiServer({ status: 200, body: { kind: 'Status' } });
    try {
      const context = { view, workload: web, now };
      await sendKubernetesPatch(
        api.cluster,
        planOf(planRestart(context)).patch,
      );
      await sendKubernetesPatch(
        api.cluster,
        planOf(planScale(context, { step: 2, max: 10 })).patch,
      );
      await sendKubernetesPatch(
        api.cluster,
        planOf(planEviction(context)).patch,
      );
      expect(api.received.map(r => [r.method, r.url, r.contentType])).toEqual([
        [
          'PATCH',
          '/k8s/apis/apps/v1/namespaces/shop/deployments/web',
          'application/merge-patch+json',
        ],
        [
          'PATCH',
          '/k8s/apis/apps/v1/namespaces/shop/deployments/web/scale',
          'application/merge-patch+json',
        ],
        [
          'POST',
          '/k8s/api/v1/namespaces/shop/pods/web-1/eviction',
          'application/json',
        ],
      ]);
      expect(
        api.received.every(r => r.authorization === `Bearer ${TOKEN}`),
      ).toBe(true);
      expect(
        (api.received[0].body as any).spec.template.metadata.annotations,
      ).toHaveProperty(
        ['kubectl.kubernetes.io/restartedAt'],
        now.toISOString(),
      );
      expect(api.received[1].body).toEqual({ spec: { replicas: 4 } });
      expect(api.received[2].body).toMatchObject({
        kind: 'Eviction',
        metadata: { name: 'web-1', namespace: 'shop' },
      });
    } finally {
      await api.close();
    }
  });

  it('fails the attempt with the API server’s message on a 4xx', async () => {
    const message =
      "Cannot evict pod as it would violate the pod's disruption budget.";
    const api = await fakeApiServer({
      status: 429,
      body: { kind: 'Status', status: 'Failure', message, code: 429 },
    });
    try {
      const executor = new ActionExecutor(mockServices.logger.mock());
      const handle = { definition: api.cluster } as ClusterHandle;
      const { attempt } = await runHealingPipeline(
        {
          id: 'a',
          now,
          alert: {
            fingerprint: 'f',
            name: 'PodUnhealthy',
            status: 'firing',
            startsAt: now.toISOString(),
            labels: {},
            annotations: {},
          },
          target: {
            cluster: 'live',
            namespace: 'shop',
            kind: 'Deployment',
            name: 'web',
          },
          view,
          workload: web,
          cluster: { state: 'ready', kinds: [] },
          neighbours: [],
          policies: readHealingPolicies([
            { name: 'evict', action: 'evict', mode: 'enforce', threshold: 0 },
          ]),
          killSwitch: false,
          budgets: DEFAULT_HEALING_BUDGETS,
          history: [],
        },
        { apply: plan => executor.apply(handle, plan) },
      );
      expect(attempt.status).toBe('failed');
      expect(attempt.reason).toBe(
        `the action failed: POST /api/v1/namespaces/shop/pods/web-1/eviction on cluster live: 429 ${message}`,
      );
      expect(api.received).toHaveLength(1);
    } finally {
      await api.close();
    }
  });
});
