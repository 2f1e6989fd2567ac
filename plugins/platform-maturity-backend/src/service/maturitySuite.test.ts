import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The test assembles the suite's backends as a portal does, to check what
// the maturity score reads from them over HTTP.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import healingPlugin from '@cloud-native-platform/plugin-healing-backend';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import securityPosturePlugin from '@cloud-native-platform/plugin-security-posture-backend';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import sloPlugin from '@cloud-native-platform/plugin-slo-backend';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import YAML from 'yaml';
// The cluster-topology backend runs beside it, as in a portal: the tests
// wait on its cluster list for the demo clusters to load.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import clusterTopologyPlugin from '@cloud-native-platform/plugin-cluster-topology-backend';
import { platformMaturityPlugin } from '../plugin';
import {
  DEMO_EXAMPLES_DIR,
  demoCatalogEntities,
  demoClusters,
  waitForDemoClusters,
} from '@cloud-native-platform/plugin-cloud-native-node/testUtils';

jest.setTimeout(90_000);

/** The demo's healing block (policies, replay of the incidents) from app-config.yaml. */
function demoHealing() {
  const app = YAML.parse(
    fs.readFileSync(
      path.join(DEMO_EXAMPLES_DIR, '..', 'app-config.yaml'),
      'utf8',
    ),
  );
  return app.healing;
}

/**
 * The maturity score with the whole suite in one backend: the security term
 * is the Security tab's score, the RTO is compared with healing's MTTR, and
 * the snapshot task fills the trend.
 */
describe('maturity with the security-posture and healing backends', () => {
  let server: any;
  const scheduler = mockServices.scheduler.mock();
  const get = (url: string) =>
    request(server)
      .get(url)
      .set('Authorization', mockCredentials.user.header());

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        platformMaturityPlugin,
        clusterTopologyPlugin,
        securityPosturePlugin,
        healingPlugin,
        sloPlugin,
        scheduler.factory,
        catalogServiceMock.factory({ entities: demoCatalogEntities() }),
        mockServices.rootConfig.factory({
          data: {
            cloudNativePlatform: { clusters: demoClusters() },
            healing: demoHealing(),
          },
        }),
      ],
    }));
    await waitForDemoClusters(server);
    // The healing demo replay runs after start-up; wait for its restart.
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const res = await get(
        '/api/healing/stats?entityRef=component:default/risk-service',
      );
      if (res.body.medianMttrSeconds !== undefined) break;
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  });

  it('takes the security term from the Security tab', async () => {
    for (const name of ['trading-engine', 'risk-service']) {
      const ref = `component:default/${name}`;
      const posture = await get(
        `/api/security-posture/report?entityRef=${ref}`,
      );
      expect(posture.status).toBe(200);
      const maturity = await get(`/api/platform-maturity?entityRef=${ref}`);
      expect(maturity.status).toBe(200);
      const security = maturity.body.terms.find(
        (t: any) => t.component === 'security',
      );
      expect(security.integration).toBeCloseTo(posture.body.score / 100, 5);
      expect(security.signals).toEqual([
        `posture score ${posture.body.score}`,
        'as the Security tab reports it',
      ]);
    }
  });

  it("reads the monitoring term's SLOs from the SLO backend", async () => {
    const term = async (name: string) => {
      const res = await get(
        `/api/platform-maturity?entityRef=component:default/${name}`,
      );
      expect(res.status).toBe(200);
      return res.body;
    };
    // No cluster has a Prometheus here: order-gateway's annotated SLO is
    // listed without budget data, which is a finding and earns nothing.
    const slos = await get(
      '/api/slo/objectives?entityRef=component:default/order-gateway',
    );
    expect(slos.body.items.map((s: any) => s.name)).toEqual([
      'order-gateway-availability',
    ]);
    expect(slos.body.items[0].errorBudgetRemaining).toBeNull();
    const gateway = await term('order-gateway');
    expect(gateway.findings.map((f: any) => f.message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          "the entity's 1 SLO(s) have no error-budget data: no cluster's Prometheus has their events.",
        ),
      ]),
    );
    const monitoring = gateway.terms.find(
      (t: any) => t.component === 'monitoring',
    );
    expect(monitoring.signals).not.toContainEqual(
      expect.stringContaining('with budget data'),
    );
  });

  it('compares the declared RTO with the MTTR healing measured', async () => {
    const stats = await get(
      '/api/healing/stats?entityRef=component:default/risk-service&days=30',
    );
    expect(stats.body.medianMttrSeconds).toBe(240);
    const res = await get(
      '/api/platform-maturity?entityRef=component:default/risk-service',
    );
    expect(res.body.dr.rto).toEqual({
      declared: '2m',
      measured: '240s',
      met: false,
      failoverSeconds: 16,
      note: 'RTO 2m declared; healing recovered in 240s (median), slower than the target. A failover has to scale a DR copy up first: about 16s of pod start-up.',
    });
    expect(res.body.dr.findings).toContain(res.body.dr.rto.note);
    // Nothing healed trading-engine: its 15 s RTO stays unmeasured, and says why.
    const engine = await get(
      '/api/platform-maturity?entityRef=component:default/trading-engine',
    );
    expect(engine.body.dr.rto.measured).toBeUndefined();
    expect(engine.body.dr.rto.note).toMatch(
      /^RTO 15s declared; not measured: nothing healed in the last 30 days\./,
    );
  });

  it('stores snapshots the history serves per scope', async () => {
    const task = scheduler.scheduleTask.mock.calls
      .map(([t]) => t)
      .find(t => t.id === 'platform-maturity-snapshots');
    expect(task).toMatchObject({
      scope: 'global',
      frequency: { hours: 1 },
    });
    expect((await get('/api/platform-maturity/history')).body.points).toEqual(
      [],
    );
    await task!.fn(new AbortController().signal);
    await task!.fn(new AbortController().signal);

    const board = await get('/api/platform-maturity/leaderboard');
    const fleet = await get('/api/platform-maturity/history');
    expect(fleet.status).toBe(200);
    expect(fleet.body.scope).toEqual({ type: 'fleet', key: '' });
    expect(fleet.body.days).toBe(30);
    expect(fleet.body.points).toHaveLength(2);
    expect(fleet.body.points[1]).toMatchObject({
      score: board.body.fleet.score,
      entities: board.body.fleet.entities,
    });
    const ready = board.body.entities.filter((e: any) => e.dr === 'ready');
    expect(fleet.body.points[1].drReady).toBe(ready.length);

    const team = await get(
      '/api/platform-maturity/history?team=trading-team&days=7',
    );
    expect(team.body.scope).toEqual({
      type: 'team',
      key: 'group:default/trading-team',
    });
    expect(team.body.points[0].score).toBe(
      board.body.teams.find((t: any) => t.name === 'group:default/trading-team')
        .score,
    );
    const system = await get(
      '/api/platform-maturity/history?system=core-trading',
    );
    expect(system.body.points).toHaveLength(2);
    const entity = await get(
      '/api/platform-maturity/history?entityRef=trading-engine',
    );
    expect(entity.body.scope.key).toBe('component:default/trading-engine');
    expect(entity.body.points[0]).toMatchObject({ entities: 1 });
    expect(entity.body.points[0].score).toBe(
      board.body.entities.find(
        (e: any) => e.entityRef === 'component:default/trading-engine',
      ).score,
    );
  });

  it('scores the demo as the README says', async () => {
    const board = await get('/api/platform-maturity/leaderboard');
    expect(board.status).toBe(200);
    const scores = new Map<string, number>(
      board.body.entities.map((e: { entityRef: string; score: number }) => [
        e.entityRef,
        e.score,
      ]),
    );
    expect(scores.get('component:default/trading-engine')).toBe(92.8);
    expect(scores.get('component:default/flash-sale')).toBe(83.8);
    expect(scores.get('component:default/risk-service')).toBe(46.8);
    // The portal's catalog is examples/catalog; docs-site is this test's own
    // undeployed component, and its 0 weighs on the leaderboard's fleet.
    expect(board.body.fleet).toMatchObject({ entities: 13, score: 43.6 });
    const demo = [...scores]
      .filter(([ref]) => ref !== 'component:default/docs-site')
      .map(([, score]) => score);
    expect(demo).toHaveLength(12);
    const mean = demo.reduce((sum, s) => sum + s, 0) / demo.length;
    expect(Math.round(mean * 10) / 10).toBe(47.2);
  });

  it('answers 400 and 404 for bad history scopes', async () => {
    const cases: Array<[string, number, RegExp]> = [
      ['team=a&system=b', 400, /at most one of/],
      ['days=0', 400, /^days '0' must be a whole number from 1 to 365/],
      ['days=1.5', 400, /days/],
      ['days=366', 400, /days/],
      ['since=2026-01-01', 400, /unknown query parameter since/],
      ['entityRef=group:default/trading-team', 400, /must name a component/],
      ['entityRef=component:', 400, /^entityRef/],
      ['team=nobody', 404, /no group group:default\/nobody/],
      ['team=user:default/nobody', 404, /no user user:default\/nobody/],
      ['team=system:default/core-trading', 400, /must name a group or user/],
      ['system=nowhere', 404, /no system system:default\/nowhere/],
      ['entityRef=nothing', 404, /no component component:default\/nothing/],
    ];
    for (const [query, status, message] of cases) {
      const res = await get(`/api/platform-maturity/history?${query}`);
      expect([query, res.status]).toEqual([query, status]);
      expect(res.body.error.message).toMatch(message);
    }
  });
});

describe('maturity for a user the security-posture API refuses', () => {
  it('leaves the security term not assessed instead of scoring it', async () => {
    // Every permission but the posture report's is allowed.
    const decide = (requests: any[]) =>
      requests.map(r => ({
        result:
          r.permission?.name === 'security-posture.report.read'
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      }));
    const permissions = mockServices.permissions.mock({
      authorize: async requests => decide(requests as any[]) as any,
      authorizeConditional: async requests => decide(requests as any[]) as any,
    });
    const { server } = await startTestBackend({
      features: [
        platformMaturityPlugin,
        clusterTopologyPlugin,
        securityPosturePlugin,
        permissions.factory,
        catalogServiceMock.factory({ entities: demoCatalogEntities() }),
        mockServices.rootConfig.factory({
          data: { cloudNativePlatform: { clusters: demoClusters() } },
        }),
      ],
    });
    await waitForDemoClusters(server);
    const res = await request(server)
      .get('/api/platform-maturity?entityRef=trading-engine')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    const security = res.body.terms.find(
      (t: any) => t.component === 'security',
    );
    expect(security).toMatchObject({ status: 'not-assessed', points: 0 });
    expect(security.signals).toHaveLength(1);
    expect(security.signals[0]).toMatch(/^not assessed: /);
    expect(security.signals[0]).toMatch(/not permitted|403/);
    expect(res.body.findings).toContainEqual(
      expect.objectContaining({
        component: 'security',
        message: expect.stringMatching(
          /^The security posture of this service was not assessed: /,
        ),
      }),
    );
  });
});
