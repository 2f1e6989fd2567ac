import { ClusterDefinition } from '../clusters/ClusterDefinition';
import { ClusterObjectStore } from '../state/ClusterObjectStore';
import { ClusterStatus } from '../state/ClusterStatusTracker';
import { buildClusterGraph } from './buildTopologyGraph';

const definition: ClusterDefinition = {
  name: 'edge',
  role: 'production',
  labels: {},
  source: { type: 'manifests', path: '/nowhere' },
  origin: 'test',
};
const status: ClusterStatus = {
  name: 'edge',
  role: 'production',
  labels: {},
  source: 'manifests',
  state: 'ready',
  kinds: [],
  problems: [],
};

describe('static edges', () => {
  it('routes an Ingress to its Services and those to the workloads they select', () => {
    const store = new ClusterObjectStore();
    store.upsert({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'shop' },
    });
    store.upsert({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop', uid: 'd1' },
      spec: { replicas: 1 },
    });
    store.upsert({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'web-1',
        namespace: 'shop',
        uid: 'p1',
        labels: { app: 'web' },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: 'web',
            uid: 'd1',
            controller: true,
          },
        ],
      },
      status: {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'True' }],
      },
    });
    store.upsert({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'shop' },
      spec: { selector: { app: 'web' } },
    });
    store.upsert({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'shop', namespace: 'shop' },
      spec: {
        rules: [
          {
            host: 'shop.example.com',
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  backend: { service: { name: 'web', port: { number: 80 } } },
                },
              ],
            },
          },
        ],
        defaultBackend: { service: { name: 'missing', port: { number: 80 } } },
      },
    });

    const graph = buildClusterGraph({ definition, store, status });
    const ingress = graph.nodes.find(n => n.objectKind === 'Ingress')!;
    expect(ingress).toMatchObject({
      id: 'ingress:edge/shop/shop',
      kind: 'service',
      parent: 'namespace:edge/shop',
      detail: 'shop.example.com',
    });
    expect(graph.edges.map(e => [e.kind, e.source, e.target]).sort()).toEqual([
      ['routes', 'ingress:edge/shop/shop', 'service:edge/shop/web'],
      ['selects', 'service:edge/shop/web', 'workload:edge/shop/Deployment/web'],
    ]);
  });
});
