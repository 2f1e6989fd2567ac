import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { unreachableUrl } from '@cloud-native-platform/plugin-cloud-native-node/testUtils';
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
      containers:
        - name: engine
          image: registry.example.com/trading/engine:2.4.1
          env:
            - { name: LOG_LEVEL, value: info }
            - { name: DB_PASSWORD, value: hunter2-plaintext }
            - name: API_TOKEN
              valueFrom: { secretKeyRef: { name: engine, key: token } }
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
spec:
  containers:
    - name: engine
      image: registry.example.com/trading/engine:2.4.1
      env: [{ name: db_password, value: hunter2-plaintext }]
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

/** Objects served by GET /object only, so the counts above stay as they are. */
const DETAILS = `
apiVersion: v1
kind: Secret
metadata: { name: engine, namespace: trading, uid: s1 }
data: { token: c2VjcmV0 }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: engine-config, namespace: trading, uid: cm1 }
data: { password: dropped-with-data }
---
apiVersion: v1
kind: Event
metadata: { name: engine-pod.1, namespace: trading, uid: e1 }
involvedObject: { kind: Pod, namespace: trading, name: trading-engine-5d4f-abcde, uid: p1 }
type: Warning
reason: BackOff
message: Back-off restarting failed container engine
count: 5
firstTimestamp: '2026-11-26T09:30:00Z'
lastTimestamp: '2026-11-26T10:05:00Z'
---
apiVersion: v1
kind: Event
metadata: { name: engine-deployment.1, namespace: trading, uid: e2 }
involvedObject: { kind: Deployment, namespace: trading, name: trading-engine, uid: d1 }
type: Normal
reason: ScalingReplicaSet
message: Scaled up replica set trading-engine-5d4f to 1
count: 1
firstTimestamp: '2026-11-26T09:00:00Z'
lastTimestamp: '2026-11-26T09:00:00Z'
---
apiVersion: v1
kind: Event
metadata: { name: engine-replicaset.1, namespace: trading, uid: e3 }
involvedObject: { kind: ReplicaSet, namespace: trading, name: trading-engine-5d4f }
type: Normal
reason: SuccessfulCreate
message: 'Created pod: trading-engine-5d4f-abcde'
eventTime: '2026-11-26T09:00:01.000000Z'
lastTimestamp: null
---
apiVersion: v1
kind: Event
metadata: { name: engine-pod-before.1, namespace: trading, uid: e4 }
involvedObject: { kind: Pod, namespace: trading, name: trading-engine-5d4f-abcde, uid: p0 }
type: Warning
reason: Failed
message: an earlier pod of the same name
lastTimestamp: '2026-11-26T11:00:00Z'
---
apiVersion: v1
kind: Event
metadata: { name: ledger-backup.1, namespace: trading, uid: e5 }
involvedObject: { kind: CronJob, namespace: trading, name: ledger-backup, uid: cj1 }
type: Normal
reason: SawCompletedJob
message: Saw completed job ledger-backup-1
lastTimestamp: '2026-11-26T10:10:00Z'
---
apiVersion: v1
kind: Event
metadata: { name: node-1.1, namespace: default, uid: e6 }
involvedObject: { kind: Node, name: node-1, uid: n1 }
type: Warning
reason: NodeNotReady
message: Node is not ready
count: 2
lastTimestamp: '2026-11-26T08:00:00Z'
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
      path.join(dir, 'prod-east-a', 'trading', 'details.yaml'),
      DETAILS,
    );
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
    ['?window=5', 400, "window: '5' is not one of 1m, 5m, 15m, 1h, 6h, 24h"],
    [
      '?window=30d',
      400,
      "window: '30d' is not one of 1m, 5m, 15m, 1h, 6h, 24h",
    ],
    ['?window=60000.5ms', 400, "window: '60000.5ms' is not one of 1m, 5m"],
    ['?window=90s', 400, "window: '90s' is not one of 1m, 5m"],
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
    const down = await unreachableUrl();
    const port = new URL(down).port;
    const server = await startBackendWith({
      prometheus: { url: down },
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

  describe('GET /api/cluster-topology/object', () => {
    const getObject = (server: any, query: string) =>
      request(server)
        .get(`/api/cluster-topology/object${query}`)
        .set('Authorization', mockCredentials.user.header());

    /** Starts the backend and waits until prod-east-a has loaded. */
    async function startLoaded() {
      const server = await startBackend();
      await waitFor(async () => {
        const r = await getObject(
          server,
          '?cluster=prod-east-a&kind=Node&name=node-1',
        );
        return r.status === 200 ? r : undefined;
      });
      return server;
    }

    it("serves a deployment with its own, its ReplicaSet's and its pod's events", async () => {
      const server = await startLoaded();
      const res = await getObject(
        server,
        '?cluster=prod-east-a&kind=Deployment&namespace=trading&name=trading-engine',
      );
      expect(res.status).toBe(200);
      expect(res.body.object).toMatchObject({
        kind: 'Deployment',
        metadata: { name: 'trading-engine', namespace: 'trading', uid: 'd1' },
      });
      expect(res.body.owner).toBeUndefined();
      // Newest first; the event of an earlier pod of the same name and the
      // CronJob's event are not the deployment's.
      expect(res.body.events).toEqual([
        {
          type: 'Warning',
          reason: 'BackOff',
          message: 'Back-off restarting failed container engine',
          count: 5,
          lastTimestamp: '2026-11-26T10:05:00Z',
          involvedObject: { kind: 'Pod', name: 'trading-engine-5d4f-abcde' },
        },
        {
          type: 'Normal',
          reason: 'SuccessfulCreate',
          message: 'Created pod: trading-engine-5d4f-abcde',
          count: 1,
          lastTimestamp: '2026-11-26T09:00:01.000000Z',
          involvedObject: { kind: 'ReplicaSet', name: 'trading-engine-5d4f' },
        },
        {
          type: 'Normal',
          reason: 'ScalingReplicaSet',
          message: 'Scaled up replica set trading-engine-5d4f to 1',
          count: 1,
          lastTimestamp: '2026-11-26T09:00:00Z',
          involvedObject: { kind: 'Deployment', name: 'trading-engine' },
        },
      ]);
      expect(res.body.yaml).toContain('kind: Deployment\n');
      expect(res.body.yaml).toContain('name: trading-engine\n');
    });

    it('serves a pod with its own events and its top-level owner', async () => {
      const server = await startLoaded();
      const res = await getObject(
        server,
        '?cluster=prod-east-a&kind=Pod&namespace=trading&name=trading-engine-5d4f-abcde',
      );
      expect(res.status).toBe(200);
      expect(res.body.owner).toEqual({
        kind: 'Deployment',
        name: 'trading-engine',
      });
      expect(res.body.events.map((e: any) => e.reason)).toEqual(['BackOff']);
    });

    it('serves a cluster-scoped node with events from another namespace', async () => {
      const server = await startLoaded();
      const res = await getObject(
        server,
        '?cluster=prod-east-a&kind=Node&name=node-1',
      );
      expect(res.body.object.metadata.name).toBe('node-1');
      expect(res.body.events).toEqual([
        expect.objectContaining({ reason: 'NodeNotReady', count: 2 }),
      ]);
    });

    it('redacts credential-like environment values in the object and its YAML', async () => {
      const server = await startLoaded();
      const deployment = await getObject(
        server,
        '?cluster=prod-east-a&kind=Deployment&namespace=trading&name=trading-engine',
      );
      expect(
        deployment.body.object.spec.template.spec.containers[0].env,
      ).toEqual([
        { name: 'LOG_LEVEL', value: 'info' },
        { name: 'DB_PASSWORD', value: '<redacted>' },
        {
          name: 'API_TOKEN',
          valueFrom: { secretKeyRef: { name: 'engine', key: 'token' } },
        },
      ]);
      expect(deployment.body.yaml).toContain('value: <redacted>');

      const pod = await getObject(
        server,
        '?cluster=prod-east-a&kind=Pod&namespace=trading&name=trading-engine-5d4f-abcde',
      );
      expect(pod.body.object.spec.containers[0].env).toEqual([
        { name: 'db_password', value: '<redacted>' },
      ]);
      for (const res of [deployment, pod]) {
        expect(JSON.stringify(res.body)).not.toContain('hunter2');
      }
    });

    it('redacts the credentials of a ConfigMap', async () => {
      const server = await startLoaded();
      const res = await getObject(
        server,
        '?cluster=prod-east-a&kind=ConfigMap&namespace=trading&name=engine-config',
      );
      expect(res.status).toBe(200);
      expect(res.body.object.data).toEqual({ password: '<redacted>' });
      expect(res.body.yaml).not.toContain('dropped-with-data');
    });

    it.each([
      ['', 400, 'missing query parameters cluster, kind, name'],
      ['?cluster=prod-east-a&kind=Pod', 400, 'missing query parameter name'],
      [
        '?cluster=prod-east-a&kind=Deployment&name=a&name=b',
        400,
        'query parameter name must be given once',
      ],
      [
        '?cluster=prod-east-a&kind=Secret&namespace=trading&name=engine',
        400,
        'Secrets are not served',
      ],
      [
        '?cluster=prod-east-a&kind=secret&namespace=trading&name=engine',
        400,
        'Secrets are not served',
      ],
      [
        '?cluster=prod-north&kind=Pod&namespace=trading&name=x',
        404,
        'no cluster named prod-north; clusters are prod-east-a, staging',
      ],
      [
        '?cluster=prod-east-a&kind=Deployment&namespace=trading&name=nope',
        404,
        'cluster prod-east-a has no Deployment trading/nope',
      ],
      [
        '?cluster=prod-east-a&kind=Node&name=node-9',
        404,
        'cluster prod-east-a has no Node node-9',
      ],
    ])('answers /object%s with %i', async (query, status, message) => {
      const server = await startLoaded();
      const res = await getObject(server, query);
      expect(res.status).toBe(status);
      expect(res.body.error.message).toContain(message);
    });
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

describe('GET /api/cluster-topology/object of the demo fleet', () => {
  it("redacts risk-service's plaintext DB_PASSWORD", async () => {
    const { server } = await startTestBackend({
      features: [
        clusterTopologyPlugin,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: {
            cloudNativePlatform: {
              clusters: [
                {
                  name: 'prod-east-b',
                  role: 'production',
                  manifests: {
                    path: path.resolve(
                      __dirname,
                      '../../../../examples/clusters/prod-east-b',
                    ),
                  },
                },
              ],
            },
          },
        }),
      ],
    });
    const res = await waitFor(async () => {
      const r = await request(server)
        .get(
          '/api/cluster-topology/object?cluster=prod-east-b&kind=Deployment&namespace=trading&name=risk-service',
        )
        .set('Authorization', mockCredentials.user.header());
      return r.status === 200 ? r : undefined;
    });
    const env = res.body.object.spec.template.spec.containers.flatMap(
      (c: any) => c.env ?? [],
    );
    expect(env).toContainEqual({ name: 'DB_PASSWORD', value: '<redacted>' });
    expect(res.body.yaml).toMatch(/name: DB_PASSWORD\n\s+value: <redacted>/);
    expect(JSON.stringify(res.body)).not.toContain('changeme-risk-2026');
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
