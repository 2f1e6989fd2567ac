import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import path from 'node:path';
import { ClusterDefinition } from '../clusters/ClusterDefinition';
import { DefaultClusterStateService } from '../state/ClusterStateService';
import { ManifestsClusterSource } from '../state/ManifestsClusterSource';
import { buildEntityGraph } from './buildEntityGraph';
import {
  buildClusterGraph,
  buildFleetGraph,
  GraphCluster,
} from './buildTopologyGraph';

const EXAMPLES = path.resolve(__dirname, '../../../../examples/clusters');
const demo: Array<[string, ClusterDefinition['role'], string]> = [
  ['prod-east-a', 'production', 'cn-east-1'],
  ['prod-east-b', 'production', 'cn-east-1'],
  ['dr-west', 'disaster-recovery', 'cn-west-1'],
  ['staging', 'staging', 'cn-east-1'],
];

describe('topology graph on the demo fleet', () => {
  const state = new DefaultClusterStateService({
    clusters: demo.map(([name, role, region]) => ({
      name,
      role,
      region,
      labels: {},
      source: { type: 'manifests', path: path.join(EXAMPLES, name) },
      origin: 'test',
    })),
    logger: mockServices.logger.mock(),
    sourceFactories: {
      manifests: context => new ManifestsClusterSource(context),
    },
  });
  const graphCluster = (name: string): GraphCluster => {
    const c = state.cluster(name)!;
    return { definition: c.definition, store: c.store, status: c.status() };
  };

  beforeAll(() => state.start());
  afterAll(() => state.stop());

  it('groups the fleet by role and region with health roll-ups', () => {
    const graph = buildFleetGraph(
      state.clusters().map(c => graphCluster(c.definition.name)),
    );
    expect(graph.level).toBe('fleet');
    const groups = graph.nodes.filter(n => n.kind === 'group');
    expect(groups.map(g => g.name)).toEqual([
      'production · cn-east-1',
      'disaster-recovery · cn-west-1',
      'staging · cn-east-1',
    ]);
    const clusters = graph.nodes.filter(n => n.kind === 'cluster');
    expect(clusters.map(c => [c.name, c.parent])).toEqual([
      ['prod-east-a', 'group:production/cn-east-1'],
      ['prod-east-b', 'group:production/cn-east-1'],
      ['dr-west', 'group:disaster-recovery/cn-west-1'],
      ['staging', 'group:staging/cn-east-1'],
    ]);
    // risk-service crash-loops in prod-east-b.
    expect(clusters.find(c => c.name === 'prod-east-b')!.status).toBe(
      'degraded',
    );
    expect(groups[0].status).toBe('degraded');
    expect(clusters[0].pods!.total).toBe(153);
  });

  it('draws a cluster: nodes, namespaces, workloads with pods collapsed, services and routes', () => {
    const graph = buildClusterGraph(graphCluster('prod-east-a'));
    const byId = new Map(graph.nodes.map(n => [n.id, n]));
    const flashSale = byId.get(
      'workload:prod-east-a/commerce/Deployment/flash-sale',
    )!;
    expect(flashSale).toMatchObject({
      parent: 'namespace:prod-east-a/commerce',
      status: 'degraded',
      collapsedChildren: 100,
      entityRef: 'component:default/flash-sale',
      detail: '97/100 ready',
    });
    expect(graph.nodes.filter(n => n.kind === 'pod')).toEqual([]);
    expect(graph.nodes.filter(n => n.kind === 'node')).toHaveLength(6);
    expect(
      graph.nodes
        .filter(n => n.kind === 'namespace')
        .map(n => n.name)
        .sort(),
    ).toEqual([
      'commerce',
      'istio-system',
      'kube-system',
      'platform',
      'trading',
    ]);
    // The VirtualService sends 90 % to the stable and 10 % to the canary workload.
    const routes = graph.edges
      .filter(
        e =>
          e.kind === 'routes' &&
          e.source === 'service:prod-east-a/trading/trading-engine',
      )
      .map(e => [e.target, e.weight])
      .sort();
    expect(routes).toEqual([
      ['workload:prod-east-a/trading/Deployment/trading-engine', 90],
      ['workload:prod-east-a/trading/Deployment/trading-engine-canary', 10],
    ]);
    expect(graph.edges).toContainEqual(
      expect.objectContaining({
        kind: 'selects',
        source: 'service:prod-east-a/commerce/flash-sale',
        target: flashSale.id,
      }),
    );
    const ids = new Set(graph.nodes.map(n => n.id));
    for (const edge of graph.edges) {
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
    }
  });

  it('expands the pods of one workload, with the nodes they run on', () => {
    const id = 'workload:prod-east-a/commerce/Deployment/flash-sale';
    const graph = buildClusterGraph(graphCluster('prod-east-a'), {
      expand: new Set([id]),
    });
    const pods = graph.nodes.filter(n => n.kind === 'pod');
    expect(pods).toHaveLength(100);
    expect(pods.every(p => p.parent === id)).toBe(true);
    expect(pods.filter(p => p.status === 'failing')).toHaveLength(3);
    expect(graph.edges.filter(e => e.kind === 'runs-on').length).toBe(97);
  });

  it('draws one namespace', () => {
    const graph = buildClusterGraph(graphCluster('prod-east-b'), {
      namespace: 'trading',
    });
    expect(graph.level).toBe('namespace');
    expect(
      graph.nodes.filter(n => n.kind === 'namespace').map(n => n.name),
    ).toEqual(['trading']);
    expect(graph.nodes.filter(n => n.kind === 'node')).toEqual([]);
    const risk = graph.nodes.find(
      n => n.name === 'risk-service' && n.kind === 'workload',
    )!;
    expect(risk).toMatchObject({
      status: 'degraded',
      pods: expect.objectContaining({ crashLooping: 1 }),
    });
  });

  it('draws an entity across clusters, with its catalog relations', () => {
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'trading-engine',
        namespace: 'default',
        annotations: {
          'backstage.io/kubernetes-id': 'trading-engine',
          'backstage.io/kubernetes-namespace': 'trading',
        },
      },
      relations: [
        { type: 'dependsOn', targetRef: 'resource:default/ledger-db' },
        { type: 'ownedBy', targetRef: 'group:default/trading-team' },
      ],
    };
    const graph = buildEntityGraph(entity, state.clusters());
    expect(
      graph.nodes.filter(n => n.kind === 'cluster').map(n => n.name),
    ).toEqual(['prod-east-a', 'prod-east-b', 'dr-west', 'staging']);
    const engines = graph.nodes.filter(
      n => n.kind === 'workload' && n.name === 'trading-engine',
    );
    expect(engines.map(e => e.cluster)).toEqual([
      'prod-east-a',
      'prod-east-b',
      'dr-west',
      'staging',
    ]);
    expect(graph.edges.filter(e => e.kind === 'catalog')).toEqual([
      expect.objectContaining({
        source: 'entity:component:default/trading-engine',
        target: 'entity:resource:default/ledger-db',
        relation: 'dependsOn',
      }),
    ]);
    const noCatalog = buildEntityGraph(entity, state.clusters(), {
      catalogLayer: false,
    });
    expect(noCatalog.nodes.some(n => n.kind === 'entity')).toBe(false);
  });

  it('decorates workloads with their Argo CD sync, canary weight and pipeline run', () => {
    const workload = (cluster: string, namespace: string, name: string) =>
      buildClusterGraph(graphCluster(cluster), { namespace }).nodes.find(
        n => n.kind === 'workload' && n.name === name,
      );
    expect(
      workload('prod-east-a', 'trading', 'trading-engine')?.delivery,
    ).toEqual({
      application: 'argocd/prod-east-a-trading',
      syncStatus: 'Synced',
      health: 'Healthy',
      selfHeal: true,
      pipelineStatus: 'Succeeded',
    });
    expect(
      workload('prod-east-b', 'trading', 'risk-service')?.delivery,
    ).toMatchObject({
      application: 'argocd/prod-east-b-trading',
      selfHeal: false,
    });
    expect(workload('staging', 'commerce', 'checkout')?.delivery).toEqual({
      rolloutPhase: 'Paused',
      canaryWeight: 50,
      step: 3,
      totalSteps: 5,
    });
    // Workloads no delivery tool knows carry no decoration.
    expect(
      workload('dr-west', 'trading', 'trading-engine')?.delivery,
    ).toBeUndefined();
  });
});
