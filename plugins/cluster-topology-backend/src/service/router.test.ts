import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { clusterTopologyPlugin } from '../plugin';

const NODE = `
apiVersion: v1
kind: Node
metadata: { name: node-1, uid: n1 }
---
apiVersion: v1
kind: Namespace
metadata: { name: trading, uid: ns1 }
`;

const WORKLOADS = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: trading-engine
  namespace: trading
  uid: d1
  labels: { backstage.io/kubernetes-id: trading-engine }
spec:
  replicas: 1
  template:
    spec:
      containers: [{ name: engine, image: registry.example.com/trading/engine:2.4.1 }]
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: trading-engine-5d4f
  namespace: trading
  uid: rs1
  ownerReferences: [{ apiVersion: apps/v1, kind: Deployment, name: trading-engine, uid: d1, controller: true }]
---
apiVersion: v1
kind: Pod
metadata:
  name: trading-engine-5d4f-abcde
  namespace: trading
  uid: p1
  labels: { backstage.io/kubernetes-id: trading-engine }
  ownerReferences: [{ apiVersion: apps/v1, kind: ReplicaSet, name: trading-engine-5d4f, uid: rs1, controller: true }]
status:
  phase: Running
  conditions: [{ type: Ready, status: 'True' }]
  containerStatuses: [{ name: engine, ready: true, restartCount: 2 }]
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: ledger-backup, namespace: trading, uid: cj1 }
---
apiVersion: batch/v1
kind: Job
metadata:
  name: ledger-backup-1
  namespace: trading
  uid: j1
  ownerReferences: [{ apiVersion: batch/v1, kind: CronJob, name: ledger-backup, uid: cj1, controller: true }]
`;

describe('GET /api/cluster-topology/clusters', () => {
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'topology-'));
    for (const cluster of ['prod-east-a', 'staging']) {
      fs.mkdirSync(path.join(dir, cluster, 'trading'), { recursive: true });
      fs.writeFileSync(path.join(dir, cluster, 'cluster.yaml'), NODE);
      fs.writeFileSync(
        path.join(dir, cluster, 'trading', 'workloads.yml'),
        WORKLOADS,
      );
    }
    fs.writeFileSync(
      path.join(dir, 'staging', 'trading', 'broken.yaml'),
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: [unclosed\n',
    );
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function startBackend(...extra: any[]) {
    return startBackendWith({}, ...extra);
  }

  async function startBackendWith(
    prodExtra: Record<string, unknown>,
    ...extra: any[]
  ) {
    const { server } = await startTestBackend({
      features: [
        clusterTopologyPlugin,
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: {
                name: 'trading-engine',
                namespace: 'default',
                annotations: {
                  'backstage.io/kubernetes-id': 'trading-engine',
                  'cloud-native-platform.io/clusters': 'prod-east-a,staging',
                },
              },
              spec: {
                type: 'service',
                owner: 'trading-team',
                lifecycle: 'production',
              },
            },
          ],
        }),
        ...extra,
        mockServices.rootConfig.factory({
          data: {
            cloudNativePlatform: {
              clusters: [
                {
                  name: 'prod-east-a',
                  role: 'production',
                  region: 'cn-east-1',
                  manifests: { path: path.join(dir, 'prod-east-a') },
                  ...prodExtra,
                },
                {
                  name: 'staging',
                  role: 'staging',
                  manifests: { path: path.join(dir, 'staging') },
                },
              ],
            },
          },
        }),
      ],
    });
    return server;
  }

  it('lists every cluster with role, source, status and counts', async () => {
    const server = await startBackend();
    const res = await waitFor(async () => {
      const r = await request(server)
        .get('/api/cluster-topology/clusters')
        .set('Authorization', mockCredentials.user.header());
      return r.body.items?.every((c: any) => c.status !== 'syncing')
        ? r
        : undefined;
    });
    expect(res.status).toBe(200);
    const [prod, staging] = res.body.items;
    expect(prod).toMatchObject({
      name: 'prod-east-a',
      role: 'production',
      region: 'cn-east-1',
      source: 'manifests',
      status: 'ready',
      counts: { nodes: 1, namespaces: 1, workloads: 2, pods: 1 },
    });
    expect(prod.error).toBeUndefined();
    expect(prod.lastSyncAt).toEqual(expect.any(String));

    // The broken file degrades its own cluster only, and the rest of it loads.
    expect(staging).toMatchObject({
      name: 'staging',
      status: 'degraded',
      counts: { nodes: 1, namespaces: 1, workloads: 2, pods: 1 },
    });
    expect(staging.error).toMatch(
      /^trading\/broken\.yaml:5:1: Flow sequence in block collection/,
    );
  });

  it("returns an entity's workloads in every cluster with pod health", async () => {
    const server = await startBackend();
    const res = await waitFor(async () => {
      const r = await request(server)
        .get(
          '/api/cluster-topology/workloads?entityRef=component:default/trading-engine',
        )
        .set('Authorization', mockCredentials.user.header());
      return r.body.items?.length === 2 ? r : undefined;
    });
    expect(res.body).toMatchObject({
      entityRef: 'component:default/trading-engine',
      clusters: ['prod-east-a', 'staging'],
    });
    expect(res.body.errors).toEqual([
      {
        cluster: 'staging',
        error: expect.stringContaining('trading/broken.yaml:5:1'),
      },
    ]);
    expect(res.body.items[0]).toEqual({
      cluster: 'prod-east-a',
      kind: 'Deployment',
      namespace: 'trading',
      name: 'trading-engine',
      health: 'healthy',
      replicas: 1,
      images: ['registry.example.com/trading/engine:2.4.1'],
      pods: {
        total: 1,
        ready: 1,
        restarting: 1,
        crashLooping: 0,
        pending: 0,
        failed: 0,
        restarts: 2,
      },
    });
  });

  it.each([
    ['', 400, 'entityRef query parameter is required'],
    ['?entityRef=', 400, 'entityRef query parameter is required'],
    ['?entityRef=component:default/', 400, 'is not an entity reference'],
    [
      '?entityRef=component:default/nope',
      404,
      'no entity component:default/nope in the catalog',
    ],
  ])('answers /workloads%s with %i', async (query, status, message) => {
    const server = await startBackend();
    const res = await request(server)
      .get(`/api/cluster-topology/workloads${query}`)
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(status);
    expect(res.body.error.message).toContain(message);
  });

  it('serves the fleet, cluster, namespace and entity graphs', async () => {
    const server = await startBackend();
    const get = (query: string) =>
      request(server)
        .get(`/api/cluster-topology/graph${query}`)
        .set('Authorization', mockCredentials.user.header());
    await waitFor(async () => {
      const r = await get('');
      return r.body.nodes?.every((n: any) => n.status !== 'unknown')
        ? r
        : undefined;
    });

    const fleet = await get('');
    expect(fleet.status).toBe(200);
    expect(fleet.body.level).toBe('fleet');
    expect(
      fleet.body.nodes
        .filter((n: any) => n.kind === 'cluster')
        .map((n: any) => n.name),
    ).toEqual(['prod-east-a', 'staging']);
    expect(fleet.body.errors).toEqual([
      { cluster: 'staging', error: expect.stringContaining('broken.yaml') },
    ]);
    expect(fleet.body.notices).toEqual([
      'Traffic unavailable: no cluster has prometheus.url configured.',
    ]);

    const cluster = await get('?cluster=prod-east-a&layers=static');
    expect(cluster.body.level).toBe('cluster');
    expect(cluster.body.notices).toEqual([]);
    const workload = cluster.body.nodes.find(
      (n: any) => n.name === 'trading-engine' && n.kind === 'workload',
    );
    expect(workload).toMatchObject({
      parent: 'namespace:prod-east-a/trading',
      collapsedChildren: 1,
    });

    const expanded = await get(
      `?cluster=prod-east-a&namespace=trading&expand=${encodeURIComponent(
        workload.id,
      )}`,
    );
    expect(expanded.body.level).toBe('namespace');
    expect(
      expanded.body.nodes
        .filter((n: any) => n.kind === 'pod')
        .map((n: any) => n.parent),
    ).toEqual([workload.id]);

    const entity = await get('?entityRef=component:default/trading-engine');
    expect(entity.body.level).toBe('entity');
    expect(
      entity.body.nodes
        .filter((n: any) => n.kind === 'cluster')
        .map((n: any) => n.name),
    ).toEqual(['prod-east-a', 'staging']);
  });

  it.each([
    [
      '?cluster=prod-east-a&entityRef=component:default/x',
      400,
      'either entityRef or cluster',
    ],
    ['?namespace=trading', 400, 'namespace needs a cluster'],
    ['?layers=static,mesh', 400, "layers: unknown layer 'mesh'"],
    ['?window=5', 400, "window: '5' is not a duration"],
    ['?window=30d', 400, "window: '30d' is not a duration"],
    ['?cluster=a&cluster=b', 400, 'query parameter cluster must be given once'],
    [
      '?cluster=prod-north',
      404,
      'no cluster named prod-north; clusters are prod-east-a, staging',
    ],
    [
      '?cluster=prod-east-a&namespace=nope',
      404,
      'cluster prod-east-a has no namespace nope',
    ],
    [
      '?entityRef=component:default/nope',
      404,
      'no entity component:default/nope in the catalog',
    ],
  ])('answers /graph%s with %i', async (query, status, message) => {
    const server = await startBackend();
    const res = await request(server)
      .get(`/api/cluster-topology/graph${query}`)
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(status);
    expect(res.body.error.message).toContain(message);
  });

  it('serves the graph without traffic, and says why, when Prometheus is down', async () => {
    const closed = http.createServer();
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise(resolve => closed.close(resolve));
    const server = await startBackendWith({
      prometheus: { url: `http://127.0.0.1:${port}` },
    });
    const res = await waitFor(async () => {
      const r = await request(server)
        .get('/api/cluster-topology/graph?cluster=prod-east-a')
        .set('Authorization', mockCredentials.user.header());
      return r.status === 200 && r.body.nodes.length > 1 ? r : undefined;
    });
    expect(res.body.edges.filter((e: any) => e.kind === 'traffic')).toEqual([]);
    expect(res.body.notices).toEqual([
      `Traffic of cluster prod-east-a unavailable: Prometheus at http://127.0.0.1:${port} is unreachable: connect ECONNREFUSED 127.0.0.1:${port}`,
    ]);
  });

  it('requires credentials', async () => {
    const server = await startBackend(
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    );
    const res = await request(server).get('/api/cluster-topology/clusters');
    expect(res.status).toBe(401);
  });
});

async function waitFor<T>(probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}
