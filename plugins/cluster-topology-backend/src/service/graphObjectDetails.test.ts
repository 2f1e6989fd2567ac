import { PermissionsService } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
} from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { TopologyNode } from '@cloud-native-platform/plugin-cloud-native-common';
import type { TopologyGraphResponse } from '@cloud-native-platform/plugin-cluster-topology-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { clusterTopologyPlugin } from '../plugin';

const MANIFESTS = `
apiVersion: v1
kind: Namespace
metadata: { name: trading }
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: trading-engine
  namespace: trading
  uid: d1
  labels: { backstage.io/kubernetes-id: trading-engine, tier: core }
spec:
  replicas: 1
  selector: { matchLabels: { app: engine } }
  template:
    metadata: { labels: { app: engine, backstage.io/kubernetes-id: trading-engine } }
    spec: { containers: [{ name: engine, image: engine:1 }] }
---
apiVersion: v1
kind: Service
metadata: { name: engine, namespace: trading, labels: { tier: core } }
spec: { type: LoadBalancer, selector: { app: engine } }
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: engine, namespace: trading, labels: { tier: core } }
spec:
  rules:
    - host: engine.internal.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend: { service: { name: engine, port: { number: 80 } } }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: engine-cache, namespace: trading, labels: { tier: core } }
spec:
  storageClassName: vault-encrypted-ssd
  resources: { requests: { storage: 20Gi } }
status: { phase: Pending }
`;

/** Allows cluster-topology.object.read on staging only, as a per-cluster rule would. */
function stagingOnly(calls: AuthorizePermissionRequest[][]) {
  return mockServices.permissions.mock({
    authorize: (async (requests: AuthorizePermissionRequest[]) => {
      // Reading the entity is the catalog's permission, allowed here.
      if (requests.every(r => r.permission.name === 'catalog.entity.read')) {
        return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
      }
      calls.push(requests);
      return requests.map(r => ({
        result:
          'resourceRef' in r && r.resourceRef === 'staging'
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      }));
    }) as PermissionsService['authorize'],
  }).factory;
}

describe('GET /api/cluster-topology/graph and cluster-topology.object.read', () => {
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'topology-details-'));
    for (const cluster of ['prod-east-a', 'staging']) {
      fs.mkdirSync(path.join(dir, cluster));
      fs.writeFileSync(path.join(dir, cluster, 'all.yaml'), MANIFESTS);
    }
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function start(calls: AuthorizePermissionRequest[][]) {
    const { server } = await startTestBackend({
      features: [
        clusterTopologyPlugin,
        stagingOnly(calls),
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
              spec: { type: 'service', owner: 'trading-team' },
            },
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            cloudNativePlatform: {
              clusters: ['prod-east-a', 'staging'].map(name => ({
                name,
                role: name === 'staging' ? 'staging' : 'production',
                labels: { site: name },
                manifests: { path: path.join(dir, name) },
              })),
            },
          },
        }),
      ],
    });
    const get = (query: string) =>
      request(server)
        .get(`/api/cluster-topology/graph${query}`)
        .set('Authorization', mockCredentials.user.header());
    for (let i = 0; i < 200; i++) {
      const res = await get('?cluster=staging');
      if (res.body.nodes?.some((n: TopologyNode) => n.kind === 'workload')) {
        break;
      }
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    calls.length = 0;
    return get;
  }

  const byName = (graph: TopologyGraphResponse, objectKind: string) =>
    graph.nodes.find(n => n.objectKind === objectKind)!;

  it('leaves out labels and spec details of clusters the caller may not read', async () => {
    const calls: AuthorizePermissionRequest[][] = [];
    const get = await start(calls);

    const denied = (await get('?cluster=prod-east-a&layers=static')).body;
    expect(denied.nodes.length).toBeGreaterThan(3);
    const objectNodes = (denied.nodes as TopologyNode[]).filter(
      n => n.kind !== 'cluster',
    );
    expect(objectNodes.filter(n => n.labels !== undefined)).toEqual([]);
    expect(byName(denied, 'Deployment')).toMatchObject({
      name: 'trading-engine',
      status: 'idle',
      detail: '0/1 ready',
      entityRef: 'component:default/trading-engine',
    });
    expect(byName(denied, 'Service').detail).toBeUndefined();
    expect(byName(denied, 'Ingress').detail).toBeUndefined();
    expect(JSON.stringify(denied)).not.toContain('engine.internal.example.com');
    expect(JSON.stringify(denied)).not.toContain('LoadBalancer');
    expect(denied.edges.length).toBeGreaterThan(0);

    const allowed = (await get('?cluster=staging&layers=static')).body;
    expect(byName(allowed, 'Deployment').labels).toEqual({
      'backstage.io/kubernetes-id': 'trading-engine',
      tier: 'core',
    });
    expect(byName(allowed, 'Service').detail).toBe('LoadBalancer');
    expect(byName(allowed, 'Ingress').detail).toBe(
      'engine.internal.example.com',
    );

    expect(calls).toEqual([
      [
        expect.objectContaining({
          permission: expect.objectContaining({
            name: 'cluster-topology.object.read',
          }),
          resourceRef: 'prod-east-a',
        }),
      ],
      [expect.objectContaining({ resourceRef: 'staging' })],
    ]);
  });

  it('leaves out the size and class of storage of clusters the caller may not read', async () => {
    const get = await start([]);
    const denied = (await get('?cluster=prod-east-a&layers=storage')).body;
    expect(byName(denied, 'PersistentVolumeClaim')).toEqual({
      id: 'pvc:prod-east-a/trading/engine-cache',
      kind: 'volume',
      name: 'engine-cache',
      cluster: 'prod-east-a',
      namespace: 'trading',
      status: 'degraded',
      parent: 'namespace:prod-east-a/trading',
      objectKind: 'PersistentVolumeClaim',
    });
    expect(JSON.stringify(denied)).not.toContain('20Gi');
    // The class name is also the id of its node: only its detail goes.
    expect(byName(denied, 'StorageClass').detail).toBeUndefined();

    const allowed = (await get('?cluster=staging&layers=storage')).body;
    expect(byName(allowed, 'PersistentVolumeClaim')).toMatchObject({
      detail: 'Pending · 20Gi · vault-encrypted-ssd',
      labels: { tier: 'core' },
    });
    expect(byName(allowed, 'StorageClass')).toMatchObject({
      status: 'failing',
      detail: 'not found',
    });
  });

  it('decides per cluster in one batch for an entity spanning clusters', async () => {
    const calls: AuthorizePermissionRequest[][] = [];
    const get = await start(calls);
    const graph: TopologyGraphResponse = (
      await get('?entityRef=component:default/trading-engine')
    ).body;
    const workloads = graph.nodes.filter(n => n.kind === 'workload');
    expect(
      Object.fromEntries(workloads.map(w => [w.cluster, w.labels?.tier])),
    ).toEqual({ 'prod-east-a': undefined, staging: 'core' });
    expect(calls).toHaveLength(1);
    expect(calls[0].map(r => 'resourceRef' in r && r.resourceRef)).toEqual([
      'prod-east-a',
      'staging',
    ]);
  });

  it('serves the fleet, which shows no object details, without asking', async () => {
    const calls: AuthorizePermissionRequest[][] = [];
    const get = await start(calls);
    const fleet: TopologyGraphResponse = (await get('')).body;
    expect(
      fleet.nodes.filter(n => n.kind === 'cluster').map(n => n.labels),
    ).toEqual([{ site: 'prod-east-a' }, { site: 'staging' }]);
    expect(calls).toEqual([]);
  });
});
