import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import path from 'node:path';
import { DefaultClusterStateService } from '../state/ClusterStateService';
import { ManifestsClusterSource } from '../state/ManifestsClusterSource';
import { buildEntityGraph } from '../topology/buildEntityGraph';
import { addTrafficNeighbours } from './addTrafficNeighbours';
import { addTrafficLayer, TrafficSnapshot } from './TrafficCollector';

const EXAMPLES = path.resolve(__dirname, '../../../../examples/clusters');

describe('addTrafficNeighbours', () => {
  const state = new DefaultClusterStateService({
    clusters: (['prod-east-a', 'prod-east-b'] as const).map(name => ({
      name,
      role: 'production' as const,
      labels: {},
      source: { type: 'manifests' as const, path: path.join(EXAMPLES, name) },
      origin: 'test',
    })),
    logger: mockServices.logger.mock(),
    sourceFactories: {
      manifests: context => new ManifestsClusterSource(context),
    },
  });

  beforeAll(() => state.start());
  afterAll(() => state.stop());

  it('adds the callers of an entity, in their namespace, with the traffic edges', () => {
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'trading-engine',
        namespace: 'default',
        annotations: { 'backstage.io/kubernetes-id': 'trading-engine' },
      },
    };
    const traffic = { requestsPerSecond: 50, errorPercent: 0 };
    const snapshot: TrafficSnapshot = {
      edges: [
        {
          source: {
            cluster: 'prod-east-a',
            namespace: 'trading',
            workload: 'order-gateway',
          },
          destination: {
            cluster: 'prod-east-b',
            namespace: 'trading',
            workload: 'trading-engine',
          },
          traffic,
        },
        {
          source: {
            cluster: 'prod-east-a',
            namespace: 'trading',
            workload: 'trading-engine',
          },
          destination: {
            cluster: 'prod-east-a',
            namespace: 'trading',
            workload: 'risk-service',
          },
          traffic,
        },
        {
          // Neither end belongs to the entity: left out.
          source: {
            cluster: 'prod-east-a',
            namespace: 'commerce',
            workload: 'flash-sale',
          },
          destination: {
            cluster: 'prod-east-a',
            namespace: 'commerce',
            workload: 'inventory-service',
          },
          traffic,
        },
      ],
      errors: [],
      measuredAt: new Date().toISOString(),
    };
    const graph = buildEntityGraph(entity, state.clusters());
    addTrafficNeighbours(graph, snapshot, state.clusters());
    addTrafficLayer(graph, snapshot, state.clusters());

    const caller = graph.nodes.find(
      n => n.id === 'workload:prod-east-a/trading/Deployment/order-gateway',
    )!;
    expect(caller).toMatchObject({
      parent: 'namespace:prod-east-a/trading',
      detail: expect.stringMatching(/^calls trading-engine · /),
    });
    const callee = graph.nodes.find(
      n => n.id === 'workload:prod-east-a/trading/Deployment/risk-service',
    )!;
    expect(callee.detail).toMatch(/^called by trading-engine · /);
    expect(graph.nodes.some(n => n.name === 'inventory-service')).toBe(false);
    expect(
      graph.edges
        .filter(e => e.kind === 'traffic')
        .map(e => [e.source, e.target, e.crossCluster]),
    ).toEqual(
      expect.arrayContaining([
        [
          'workload:prod-east-a/trading/Deployment/order-gateway',
          'workload:prod-east-b/trading/Deployment/trading-engine',
          true,
        ],
        [
          'workload:prod-east-a/trading/Deployment/trading-engine',
          'workload:prod-east-a/trading/Deployment/risk-service',
          undefined,
        ],
      ]),
    );
  });
});
