import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
// The cluster-topology backend runs beside it, as in a portal: the tests
// wait on its cluster list for the demo clusters to load.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import clusterTopologyPlugin from '@cloud-native-platform/plugin-cluster-topology-backend';
import { platformMaturityPlugin } from '../plugin';
import {
  demoCatalogEntities,
  demoClusters,
  waitForDemoClusters,
} from '@cloud-native-platform/plugin-cloud-native-node/testUtils';

jest.setTimeout(60_000);

async function startDemo() {
  const { server } = await startTestBackend({
    features: [
      platformMaturityPlugin,
      clusterTopologyPlugin,
      catalogServiceMock.factory({ entities: demoCatalogEntities() }),
      mockServices.rootConfig.factory({
        data: {
          cloudNativePlatform: {
            clusters: demoClusters(),
          },
          healing: {
            policies: [
              {
                name: 'risk-service-crash-loop',
                match: {
                  alertname: 'KubePodCrashLooping',
                  cluster: 'prod-east-b',
                  namespace: 'trading',
                },
                action: 'restart',
                mode: 'enforce',
              },
              {
                name: 'flash-sale-surge',
                match: {
                  alertname: 'FlashSaleLatencyHigh',
                  namespace: 'commerce',
                },
                action: 'scale',
                mode: 'approval',
                scale: { step: 50, max: 5000 },
              },
            ],
          },
        },
      }),
    ],
  });
  return server;
}

/** The clusters are loaded before the tests start (waitForDemoClusters). */
function get(server: any, url: string) {
  return request(server)
    .get(url)
    .set('Authorization', mockCredentials.user.header());
}

describe('GET /api/platform-maturity of the demo fleet', () => {
  let server: any;
  beforeAll(async () => {
    server = await startDemo();
    await waitForDemoClusters(server);
  });

  const score = async (name: string) => {
    const res = await get(
      server,
      `/api/platform-maturity?entityRef=component:default/${name}`,
    );
    expect(res.status).toBe(200);
    return res.body;
  };
  const points = (body: any) =>
    Object.fromEntries(body.terms.map((t: any) => [t.component, t.points]));

  it('scores trading-engine and finds its DR drift', async () => {
    const body = await score('trading-engine');
    // No security-posture backend here: the security term is not assessed
    // (0 of its 20 points) rather than scored by maturity itself;
    // maturitySuite.test.ts takes it from the Security tab (18.8 points).
    expect(body.score).toBe(74);
    expect(points(body)).toEqual({
      mesh: 20,
      monitoring: 20,
      scaling: 14,
      healing: 20,
      security: 0,
    });
    expect(body.formula.securityWeight).toBe(20);
    expect(body.dr.status).toBe('at-risk');
    expect(body.dr.findings).toContain(
      'Deployment trading/trading-engine (prod-east-a): container trading-engine runs registry.example.com/trading/trading-engine:2.3.0 in dr-west but registry.example.com/trading/trading-engine:2.4.1 in prod-east-a.',
    );
    expect(body.dr.findings).toContain(
      'Deployment trading/trading-engine (prod-east-b): dr-west runs 2 replica(s) where prod-east-b needs at least 6.',
    );
    const checksOf = (cluster: string) =>
      body.dr.workloads.find(
        (w: any) => w.name === 'trading-engine' && w.cluster === cluster,
      ).checks;
    expect(checksOf('prod-east-a').image).toMatchObject({
      ok: false,
      production: {
        'trading-engine': 'registry.example.com/trading/trading-engine:2.4.1',
      },
      dr: {
        'trading-engine': 'registry.example.com/trading/trading-engine:2.3.0',
      },
    });
    expect(checksOf('prod-east-b').replicas).toMatchObject({
      ok: false,
      required: 6,
      actual: 2,
    });
    expect(
      body.dr.replication.map((r: any) => [r.entityRef, r.healthy]),
    ).toEqual([
      ['component:default/kafka-mirrormaker', true],
      ['resource:default/ledger-db', true],
    ]);
    // No healing backend here: the MTTR is not measured, and says why.
    expect(body.dr.rto).toEqual({
      declared: '15s',
      failoverSeconds: 16,
      note: 'RTO 15s declared; not measured: the healing backend answered HTTP 404. A failover has to scale a DR copy up first: about 16s of pod start-up.',
    });
    expect(checksOf('prod-east-b').failover).toEqual({
      ok: false,
      findings: [
        'failing over means scaling the copy in dr-west up, and a new pod takes 16s to become ready (median in dr-west), longer than the 15s RTO',
      ],
      scaleUp: true,
      startupSeconds: 16,
    });
    expect(checksOf('prod-east-a').replicas).toMatchObject({ ok: false });
    expect(checksOf('prod-east-a').failover).toMatchObject({
      ok: false,
      scaleUp: true,
    });
    // The security term says why it was not assessed.
    const security = body.terms.find((t: any) => t.component === 'security');
    expect(security.status).toBe('not-assessed');
    expect(security.signals).toEqual([
      'not assessed: the security-posture backend answered HTTP 404',
    ]);
  });

  it('scores risk-service low and flash-sale without a DR copy', async () => {
    const risk = await score('risk-service');
    expect(risk.score).toBe(37);
    expect(points(risk)).toMatchObject({
      monitoring: 0,
      scaling: 0,
      healing: 20,
    });
    const sale = await score('flash-sale');
    expect(sale.score).toBe(66);
    expect(sale.dr.status).toBe('not-ready');
    expect(sale.dr.findings[0]).toBe(
      'Deployment commerce/flash-sale (prod-east-a): no Deployment commerce/flash-sale runs in dr-west.',
    );
  });

  it('gives an entity without Kubernetes annotations not-deployed terms', async () => {
    const body = await score('docs-site');
    expect(body.deployed).toBe(false);
    expect(body.score).toBe(0);
    expect(body.terms.every((t: any) => t.status === 'not-deployed')).toBe(
      true,
    );
  });

  it('scores a team and serves the leaderboard', async () => {
    const team = await get(server, '/api/platform-maturity?team=trading-team');
    expect(team.status).toBe(200);
    expect(team.body.team).toBe('group:default/trading-team');
    expect(team.body.entities.map((e: any) => e.entityRef)).toContain(
      'component:default/trading-engine',
    );
    const board = await get(server, '/api/platform-maturity/leaderboard');
    expect(board.status).toBe(200);
    expect(board.body.teams.map((t: any) => t.name)).toEqual(
      expect.arrayContaining([
        'group:default/trading-team',
        'group:default/commerce-team',
        'group:default/platform-team',
      ]),
    );
    expect(board.body.systems.map((t: any) => t.name)).toContain(
      'system:default/core-trading',
    );
    expect(
      board.body.entities.find(
        (e: any) => e.entityRef === 'component:default/trading-engine',
      ),
    ).toMatchObject({
      owner: 'group:default/trading-team',
      system: 'system:default/core-trading',
    });
    expect(board.body.entities[0].score).toBeGreaterThanOrEqual(
      board.body.entities[1].score,
    );
  });

  it('answers 400 naming the bad parameter and 404 for unknown entities and teams', async () => {
    const both = await get(server, '/api/platform-maturity?entityRef=a&team=b');
    expect(both.status).toBe(400);
    expect(both.body.error.message).toMatch(/entityRef or team/);
    const bad = await get(
      server,
      '/api/platform-maturity?entityRef=component:',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^entityRef/);
    expect(
      (
        await get(
          server,
          '/api/platform-maturity?entityRef=component:default/nope',
        )
      ).status,
    ).toBe(404);
    expect((await get(server, '/api/platform-maturity?team=nope')).status).toBe(
      404,
    );
  });
});
