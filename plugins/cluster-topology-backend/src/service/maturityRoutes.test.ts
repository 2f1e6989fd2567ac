import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import { clusterTopologyPlugin } from '../plugin';

jest.setTimeout(60_000);

const EXAMPLES = path.resolve(__dirname, '../../../../examples');
const CLUSTERS: Array<[string, string]> = [
  ['prod-east-a', 'production'],
  ['prod-east-b', 'production'],
  ['dr-west', 'disaster-recovery'],
  ['staging', 'staging'],
];

function catalogEntities(): Entity[] {
  const entities: Entity[] = [];
  for (const file of ['components.yaml', 'resources.yaml', 'org.yaml']) {
    const text = fs.readFileSync(path.join(EXAMPLES, 'catalog', file), 'utf8');
    for (const doc of parseAllDocuments(text)) {
      const entity = doc.toJSON() as Entity;
      if (!entity?.kind) continue;
      const owner = (entity.spec as any)?.owner;
      entity.metadata.namespace = 'default';
      if (owner) {
        entity.relations = [
          { type: 'ownedBy', targetRef: `group:default/${owner}` },
        ];
      }
      entities.push(entity);
    }
  }
  entities.push({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'docs-site', namespace: 'default' },
    spec: { type: 'website', lifecycle: 'production', owner: 'platform-team' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/platform-team' }],
  });
  return entities;
}

async function startDemo() {
  const { server } = await startTestBackend({
    features: [
      clusterTopologyPlugin,
      catalogServiceMock.factory({ entities: catalogEntities() }),
      mockServices.rootConfig.factory({
        data: {
          cloudNativePlatform: {
            clusters: CLUSTERS.map(([name, role]) => ({
              name,
              role,
              manifests: { path: path.join(EXAMPLES, 'clusters', name) },
            })),
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

async function get(server: any, url: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await request(server)
      .get(url)
      .set('Authorization', mockCredentials.user.header());
    // The manifests load in the background; wait until workloads are there.
    if (
      res.status !== 200 ||
      res.body.deployed !== false ||
      Date.now() > deadline
    ) {
      if (
        res.status !== 200 ||
        res.body.score !== undefined ||
        Date.now() > deadline
      )
        return res;
    }
    if (Date.now() > deadline) return res;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

describe('GET /api/cluster-topology/maturity of the demo fleet', () => {
  let server: any;
  beforeAll(async () => {
    server = await startDemo();
    // Wait for the manifests of every cluster.
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const res = await request(server)
        .get('/api/cluster-topology/clusters')
        .set('Authorization', mockCredentials.user.header());
      if (res.body.items?.every((c: any) => c.status === 'ready')) break;
      await new Promise(resolve => setTimeout(resolve, 100));
    }
  });

  const score = async (name: string) => {
    const res = await get(
      server,
      `/api/cluster-topology/maturity?entityRef=component:default/${name}`,
    );
    expect(res.status).toBe(200);
    return res.body;
  };
  const points = (body: any) =>
    Object.fromEntries(body.terms.map((t: any) => [t.component, t.points]));

  it('scores trading-engine and finds its DR drift', async () => {
    const body = await score('trading-engine');
    expect(body.score).toBe(93);
    expect(points(body)).toEqual({
      mesh: 20,
      monitoring: 20,
      scaling: 14,
      healing: 20,
      security: 19,
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
    expect(body.dr.rto).toEqual({
      declared: '15s',
      note: 'RTO 15s declared; not measured.',
    });
  });

  it('scores risk-service low and flash-sale without a DR copy', async () => {
    const risk = await score('risk-service');
    expect(risk.score).toBe(33);
    expect(points(risk)).toMatchObject({
      monitoring: 0,
      scaling: 0,
      healing: 14,
    });
    const sale = await score('flash-sale');
    expect(sale.score).toBe(84);
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
    const team = await get(
      server,
      '/api/cluster-topology/maturity?team=trading-team',
    );
    expect(team.status).toBe(200);
    expect(team.body.team).toBe('group:default/trading-team');
    expect(team.body.entities.map((e: any) => e.entityRef)).toContain(
      'component:default/trading-engine',
    );
    const board = await get(
      server,
      '/api/cluster-topology/maturity/leaderboard',
    );
    expect(board.status).toBe(200);
    expect(board.body.teams.map((t: any) => t.name)).toEqual(
      expect.arrayContaining([
        'trading-team',
        'commerce-team',
        'platform-team',
      ]),
    );
    expect(board.body.systems.map((t: any) => t.name)).toContain(
      'core-trading',
    );
    expect(board.body.entities[0].score).toBeGreaterThanOrEqual(
      board.body.entities[1].score,
    );
  });

  it('answers 400 naming the bad parameter and 404 for unknown entities and teams', async () => {
    const both = await get(
      server,
      '/api/cluster-topology/maturity?entityRef=a&team=b',
    );
    expect(both.status).toBe(400);
    expect(both.body.error.message).toMatch(/entityRef or team/);
    const bad = await get(
      server,
      '/api/cluster-topology/maturity?entityRef=component:',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^entityRef/);
    expect(
      (
        await get(
          server,
          '/api/cluster-topology/maturity?entityRef=component:default/nope',
        )
      ).status,
    ).toBe(404);
    expect(
      (await get(server, '/api/cluster-topology/maturity?team=nope')).status,
    ).toBe(404);
  });
});
