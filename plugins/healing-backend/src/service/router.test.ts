import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { HealingAttempt } from '@cloud-native-platform/plugin-healing-common';
import request from 'supertest';
import { healingPlugin } from '../plugin';
import { DEMO_INCIDENTS } from '../demo/demoScenario';
import { demoConfig } from './__testUtils__/demoConfig';
import { alertmanagerPayload } from './__testUtils__/fleet';

jest.setTimeout(60_000);

const AUTH = mockCredentials.user.header();
/** The Alertmanager: a service principal, as its static token is. */
const SERVICE_AUTH = mockCredentials.service.header();
const riskService = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'risk-service', namespace: 'default' },
  spec: {
    type: 'service',
    owner: 'group:default/trading',
    lifecycle: 'production',
  },
};

/** The demo backend (replayed history on the demo fleet), permissions allowed or denied. */
async function demoBackend(
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
  healing: Record<string, unknown> = {},
) {
  const config = demoConfig();
  const { server } = await startTestBackend({
    features: [
      healingPlugin,
      catalogServiceMock.factory({ entities: [riskService] }),
      mockServices.permissions.factory({ result }),
      mockServices.rootConfig.factory({
        data: { ...config, healing: { ...config.healing, ...healing } },
      }),
    ],
  });
  const get = (url: string) =>
    request(server).get(`/api/healing${url}`).set('Authorization', AUTH);
  const post = (url: string, body?: object) =>
    request(server)
      .post(`/api/healing${url}`)
      .set('Authorization', AUTH)
      .send(body);
  const postAlerts = (body: object) =>
    request(server)
      .post('/api/healing/alerts')
      .set('Authorization', SERVICE_AUTH)
      .send(body);
  const put = (url: string, body: object) =>
    request(server)
      .put(`/api/healing${url}`)
      .set('Authorization', AUTH)
      .send(body);
  const list = async (query: string): Promise<HealingAttempt[]> => {
    const res = await get(`/attempts?${query}`);
    expect(res.status).toBe(200);
    return res.body.items;
  };
  /** Posts one alert and waits for the processor the webhook woke. */
  const alert = async (fingerprint: string, labels: Record<string, string>) => {
    expect(
      (
        await postAlerts(
          alertmanagerPayload([
            { fingerprint, labels, startsAt: new Date().toISOString() },
          ]),
        )
      ).status,
    ).toBe(202);
    for (let i = 0; i < 100; i++) {
      const found = (await list('limit=1000')).find(
        a => a.alert?.fingerprint === fingerprint,
      );
      if (found) return found;
      await new Promise(r => setTimeout(r, 50));
    }
    throw new Error(`no attempt for alert ${fingerprint}`);
  };
  // The replay runs in a start-up hook that may still be going when the
  // backend answers; it stores each incident's attempt once, decided.
  if ((healing.demo as { replay?: boolean } | undefined)?.replay !== false) {
    for (let i = 0; ; i++) {
      const replayed = await list('kind=remediation&limit=1000');
      if (replayed.length >= DEMO_INCIDENTS.length) break;
      if (i === 400) {
        throw new Error(
          `the demo replay stored ${replayed.length} of ${DEMO_INCIDENTS.length} attempts`,
        );
      }
      await new Promise(r => setTimeout(r, 50));
    }
  }
  return { get, post, postAlerts, put, list, alert };
}

const flashSale = {
  alertname: 'FlashSaleLatencyHigh',
  cluster: 'prod-east-a',
  namespace: 'commerce',
  deployment: 'flash-sale',
};

describe('healing router', () => {
  it('lists attempts by every filter and names a bad parameter', async () => {
    const { get, list } = await demoBackend(AuthorizeResult.ALLOW);
    const names = (items: HealingAttempt[]) => items.map(a => a.policy).sort();
    // The demo replays two crash loops of risk-service, an hour and a half apart.
    expect(names(await list('kind=remediation'))).toEqual([
      'flash-sale-surge',
      'prod-east-a-zone-failure',
      'risk-service-crash-loop',
      'risk-service-crash-loop',
    ]);
    expect(names(await list('cluster=prod-east-b&kind=remediation'))).toEqual([
      'risk-service-crash-loop',
      'risk-service-crash-loop',
    ]);
    expect(names(await list('cluster=prod-east-a&namespace=commerce'))).toEqual(
      ['flash-sale-surge'],
    );
    expect(names(await list('action=traffic-shift'))).toEqual([
      'prod-east-a-zone-failure',
    ]);
    expect(names(await list('status=pending-approval'))).toEqual([
      'flash-sale-surge',
    ]);
    expect(names(await list('mode=enforce'))).toEqual([
      'risk-service-crash-loop',
      'risk-service-crash-loop',
    ]);
    expect(
      names(
        await list('entityRef=component:default/risk-service&kind=remediation'),
      ),
    ).toEqual(['risk-service-crash-loop', 'risk-service-crash-loop']);
    expect(
      await list(`since=${new Date(Date.now() + 60_000).toISOString()}`),
    ).toEqual([]);
    const limited = await get('/attempts?kind=remediation&limit=1');
    expect(limited.body.items).toHaveLength(1);
    expect(limited.body.total).toBe(4);

    for (const [query, name] of [
      ['limit=abc', 'limit'],
      ['limit=0', 'limit'],
      ['status=bogus', 'status'],
      ['since=yesterday', 'since'],
      ['colour=red', 'colour'],
    ]) {
      const res = await get(`/attempts?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(name);
    }
    const unknownEntity = await get(
      '/attempts?entityRef=component:default/nope',
    );
    expect(unknownEntity.status).toBe(404);
    expect((await get('/attempts/nope')).status).toBe(404);
    const [one] = await list('mode=enforce');
    expect((await get(`/attempts/${one.id}`)).body).toEqual(one);
  });

  it('serves its OpenAPI spec at /openapi.json and refuses what it does not describe', async () => {
    const { get, put } = await demoBackend(AuthorizeResult.ALLOW);
    const res = await get('/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths).sort()).toEqual(
      [
        'alerts',
        'attempts',
        'attempts/{id}',
        'attempts/{id}/approve',
        'attempts/{id}/reject',
        'kill-switch',
        'stats',
        'status',
      ].map(p => `/api/healing/${p}`),
    );
    const repeated = await get('/attempts?cluster=a&cluster=b');
    expect(repeated.status).toBe(400);
    expect(repeated.body.error.message).toBe(
      'query parameter cluster must be given once',
    );
    const unknown = await get('/status?verbose=1');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe(
      'unknown query parameter verbose; this route takes none',
    );
    const longId = await get(`/attempts/${'a'.repeat(256)}`);
    expect(longId.status).toBe(400);
    expect(longId.body.error.message).toContain('at most 255 characters');
    const notBoolean = await put('/kill-switch', { enabled: 'yes' });
    expect(notBoolean.status).toBe(400);
    expect(notBoolean.body.error.message).toBe(
      'request body field enabled must be boolean',
    );
  });

  it('reports stats in daily buckets and the engine status', async () => {
    const { get, list } = await demoBackend(AuthorizeResult.ALLOW);
    const stats = await get('/stats?days=7&kind=remediation');
    expect(stats.status).toBe(200);
    expect(stats.body.buckets).toHaveLength(7);
    expect(stats.body.buckets[6].bucket).toBe(
      new Date().toISOString().slice(0, 10),
    );
    const total = stats.body.buckets.reduce(
      (s: number, b: any) => s + b.attempts,
      0,
    );
    expect(total).toBe((await list('kind=remediation')).length);
    expect(
      stats.body.buckets.reduce((s: number, b: any) => s + b.succeeded, 0),
    ).toBe(2);
    expect(stats.body.successRate).toBe(1);
    expect(stats.body.medianMttrSeconds).toBe(240);
    expect((await get('/stats?days=0')).status).toBe(400);

    const status = await get('/status');
    expect(status.body).toMatchObject({
      killSwitch: false,
      pendingApprovals: 1,
      policies: [
        { name: 'risk-service-crash-loop', mode: 'enforce', action: 'restart' },
        { name: 'flash-sale-surge', mode: 'approval', action: 'scale' },
        {
          name: 'prod-east-a-zone-failure',
          mode: 'dry-run',
          action: 'traffic-shift',
        },
      ],
    });
  });

  it('refuses approving, rejecting, the kill switch and the webhook without their permissions', async () => {
    const { get, post, put, list } = await demoBackend(AuthorizeResult.DENY);
    // The replayed flash-sale attempt; the permission is asked before its
    // status is looked at, so the refusal does not depend on it.
    const [pending] = await list('cluster=prod-east-a&namespace=commerce');
    for (const res of [
      await post(`/attempts/${pending.id}/approve`),
      await post(`/attempts/${pending.id}/reject`),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(
        `deciding healing attempts in ${pending.cluster}/${pending.target.namespace} needs the healing.attempt.approve permission`,
      );
    }
    const killSwitch = await put('/kill-switch', { enabled: true });
    expect(killSwitch.status).toBe(403);
    expect(killSwitch.body.error.message).toContain(
      'healing.killswitch.update',
    );
    // A signed-in user may never post alerts, whatever the policy says.
    const userAlert = await post('/alerts', alertmanagerPayload([{}]));
    expect(userAlert.status).toBe(403);
    expect(userAlert.body.error.message).toContain('healing.alert.create');
    // An unknown attempt is a 404 before any permission question.
    expect((await post('/attempts/nope/approve')).status).toBe(404);
    // The refused calls changed nothing.
    expect((await get(`/attempts/${pending.id}`)).body).toEqual(pending);
  });

  it('rejects and approves pending attempts once, applying the approved change', async () => {
    const { post, list, alert } = await demoBackend(AuthorizeResult.ALLOW);
    const second = await alert('flash-sale-2', flashSale);
    expect(second.status).toBe('pending-approval');
    expect(
      (await post(`/attempts/${second.id}/reject`, { comment: 42 })).status,
    ).toBe(400);
    const rejected = await post(`/attempts/${second.id}/reject`, {
      comment: 'sale ends in ten minutes',
    });
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      decidedBy: 'user:default/mock',
      reason: 'rejected by user:default/mock: sale ends in ten minutes',
    });
    expect(rejected.body.steps.at(-1)).toMatchObject({
      name: 'approval',
      status: 'failed',
      summary: 'rejected by user:default/mock: sale ends in ten minutes',
    });
    expect((await post(`/attempts/${second.id}/reject`)).status).toBe(409);
    expect((await post(`/attempts/${second.id}/approve`)).status).toBe(409);
    expect((await post('/attempts/nope/approve')).status).toBe(404);

    const [pending] = (await list('status=pending-approval')).filter(
      a => a.policy === 'flash-sale-surge',
    );
    expect(
      (await post(`/attempts/${pending.id}/approve`, { comment: ['x'] }))
        .status,
    ).toBe(400);
    const approved = await post(`/attempts/${pending.id}/approve`, {
      comment: 'capacity checked with the DBA',
    });
    expect(approved.status).toBe(200);
    expect(
      approved.body.steps.find((step: any) => step.name === 'approval'),
    ).toMatchObject({
      status: 'ok',
      summary: 'approved by user:default/mock: capacity checked with the DBA',
    });
    expect(approved.body).toMatchObject({
      status: 'applied',
      decidedBy: 'user:default/mock',
    });
    expect(approved.body.steps.at(-1)).toMatchObject({
      name: 'action',
      status: 'ok',
    });
    expect(approved.body.change.after).toBeDefined();
    expect((await post(`/attempts/${pending.id}/approve`)).status).toBe(409);
    // The applied scale starts the cooldown on flash-sale.
    const third = await alert('flash-sale-3', flashSale);
    expect(third).toMatchObject({ status: 'refused' });
    expect(third.reason).toContain('cooldown');
  });

  it('turns the kill switch on, which then refuses every action', async () => {
    const { get, put, alert } = await demoBackend(AuthorizeResult.ALLOW);
    expect((await put('/kill-switch', { on: true })).status).toBe(400);
    const on = await put('/kill-switch', { enabled: true });
    // The whole engine status, as GET /status answers it.
    expect(on.body).toEqual({
      ...(await get('/status')).body,
      killSwitch: true,
      killSwitchBy: 'user:default/mock',
    });
    expect(on.body.policies.length).toBeGreaterThan(0);
    expect(typeof on.body.pendingApprovals).toBe('number');
    expect((await get('/status')).body.killSwitch).toBe(true);
    const refused = await alert('crash-2', {
      alertname: 'KubePodCrashLooping',
      cluster: 'prod-east-b',
      namespace: 'trading',
      deployment: 'order-gateway',
    });
    expect(refused).toMatchObject({
      status: 'refused',
      policy: 'risk-service-crash-loop',
    });
    expect(refused.reason).toContain('kill switch');
    expect(
      (await put('/kill-switch', { enabled: false })).body.killSwitch,
    ).toBe(false);
  });

  it('keeps a kill switch set in the configuration', async () => {
    const { get, put } = await demoBackend(AuthorizeResult.ALLOW, {
      killSwitch: true,
      demo: { replay: false },
    });
    const res = await put('/kill-switch', { enabled: false });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('healing.killSwitch');
    expect((await get('/status')).body).toMatchObject({
      killSwitch: true,
      killSwitchBy: 'config',
    });
  });
});
