import type {
  TopologyGraph,
  TopologyNode,
} from '@cloud-native-platform/plugin-cloud-native-common';
import type {
  ClusterObjectDetails,
  ClusterSummary,
  EntityWorkloadsResponse,
} from '../api';

const pods = (
  total: number,
  ready: number,
  extra: Partial<TopologyNode['pods']> = {},
) => ({
  total,
  ready,
  restarting: 0,
  crashLooping: 0,
  pending: 0,
  failed: 0,
  restarts: 0,
  ...extra,
});

function cluster(
  name: string,
  role: ClusterSummary['role'],
  region: string,
  extra: Partial<ClusterSummary> = {},
): ClusterSummary {
  return {
    name,
    role,
    region,
    labels: { role, region },
    source: 'demo',
    status: 'ready',
    lastSyncAt: '2026-11-26T10:00:00Z',
    counts: { nodes: 3, namespaces: 4, workloads: 6, pods: 18 },
    kinds: [{ kind: 'Deployment', state: 'ready', count: 4 }],
    problems: [],
    prometheus: { url: `http://prometheus.${name}:9090`, state: 'ok' },
    ...extra,
  };
}

/** The demo fleet as `GET /clusters` answers it. */
export const clustersResponse: { items: ClusterSummary[] } = {
  items: [
    cluster('prod-east-a', 'production', 'cn-east-1'),
    cluster('prod-east-b', 'production', 'cn-east-1', {
      status: 'degraded',
      error: 'watch of Pods failed: connection reset by peer',
      problems: ['risk-service is crash-looping'],
    }),
    cluster('dr-west', 'disaster-recovery', 'cn-west-1', {
      prometheus: {
        url: 'http://prometheus.dr-west:9090',
        state: 'error',
        error: 'connect ECONNREFUSED',
      },
    }),
    cluster('staging', 'staging', 'cn-east-1'),
  ],
};

/** The fleet level of the graph. */
export const fleetGraph: TopologyGraph = {
  level: 'fleet',
  generatedAt: '2026-11-26T10:00:00Z',
  nodes: [
    {
      id: 'group:production/cn-east-1',
      kind: 'group',
      name: 'production · cn-east-1',
      status: 'failing',
      role: 'production',
      region: 'cn-east-1',
    },
    {
      id: 'cluster:prod-east-a',
      kind: 'cluster',
      name: 'prod-east-a',
      cluster: 'prod-east-a',
      parent: 'group:production/cn-east-1',
      status: 'healthy',
      role: 'production',
      region: 'cn-east-1',
      pods: pods(18, 18),
      labels: { role: 'production', region: 'cn-east-1' },
    },
    {
      id: 'cluster:prod-east-b',
      kind: 'cluster',
      name: 'prod-east-b',
      cluster: 'prod-east-b',
      parent: 'group:production/cn-east-1',
      status: 'failing',
      role: 'production',
      region: 'cn-east-1',
      pods: pods(18, 15, { crashLooping: 3, restarts: 42 }),
      detail: 'risk-service is crash-looping',
      labels: { role: 'production', region: 'cn-east-1' },
    },
    {
      id: 'group:disaster-recovery/cn-west-1',
      kind: 'group',
      name: 'disaster-recovery · cn-west-1',
      status: 'healthy',
      role: 'disaster-recovery',
      region: 'cn-west-1',
    },
    {
      id: 'cluster:dr-west',
      kind: 'cluster',
      name: 'dr-west',
      cluster: 'dr-west',
      parent: 'group:disaster-recovery/cn-west-1',
      status: 'healthy',
      role: 'disaster-recovery',
      region: 'cn-west-1',
      pods: pods(6, 6),
    },
    {
      id: 'cluster:staging',
      kind: 'cluster',
      name: 'staging',
      cluster: 'staging',
      status: 'idle',
      role: 'staging',
      region: 'cn-east-1',
      pods: pods(4, 4),
    },
  ],
  edges: [
    {
      id: 'traffic:prod-east-a->prod-east-b',
      source: 'cluster:prod-east-a',
      target: 'cluster:prod-east-b',
      kind: 'traffic',
      crossCluster: true,
      traffic: { requestsPerSecond: 120, errorPercent: 0.4 },
    },
  ],
  errors: [],
  notices: [
    'Traffic unavailable for dr-west: Prometheus at http://prometheus.dr-west:9090 is unreachable',
  ],
};

/** The cluster level of prod-east-b. */
export const prodEastBGraph: TopologyGraph = {
  level: 'cluster',
  generatedAt: '2026-11-26T10:00:00Z',
  nodes: [
    {
      id: 'cluster:prod-east-b',
      kind: 'cluster',
      name: 'prod-east-b',
      cluster: 'prod-east-b',
      status: 'failing',
    },
    {
      id: 'namespace:prod-east-b/trading',
      kind: 'namespace',
      name: 'trading',
      cluster: 'prod-east-b',
      namespace: 'trading',
      parent: 'cluster:prod-east-b',
      status: 'failing',
    },
    {
      id: 'namespace:prod-east-b/commerce',
      kind: 'namespace',
      name: 'commerce',
      cluster: 'prod-east-b',
      namespace: 'commerce',
      parent: 'cluster:prod-east-b',
      status: 'healthy',
    },
    {
      id: 'workload:prod-east-b/trading/Deployment/trading-engine',
      kind: 'workload',
      objectKind: 'Deployment',
      name: 'trading-engine',
      cluster: 'prod-east-b',
      namespace: 'trading',
      parent: 'namespace:prod-east-b/trading',
      status: 'healthy',
      pods: pods(6, 6),
      collapsedChildren: 6,
      entityRef: 'component:default/trading-engine',
      labels: { 'app.kubernetes.io/name': 'trading-engine', tier: 'core' },
      detail: '6/6 ready',
    },
    {
      id: 'workload:prod-east-b/trading/Deployment/risk-service',
      kind: 'workload',
      objectKind: 'Deployment',
      name: 'risk-service',
      cluster: 'prod-east-b',
      namespace: 'trading',
      parent: 'namespace:prod-east-b/trading',
      status: 'failing',
      pods: pods(3, 0, { crashLooping: 3, restarts: 42 }),
      collapsedChildren: 3,
      entityRef: 'component:default/risk-service',
      labels: { 'app.kubernetes.io/name': 'risk-service', tier: 'core' },
      detail: '0/3 ready, 3 crash-looping',
    },
    {
      id: 'workload:prod-east-b/trading/StatefulSet/ledger-db',
      kind: 'workload',
      objectKind: 'StatefulSet',
      name: 'ledger-db',
      cluster: 'prod-east-b',
      namespace: 'trading',
      parent: 'namespace:prod-east-b/trading',
      status: 'healthy',
      pods: pods(3, 3),
    },
    {
      id: 'workload:prod-east-b/commerce/Deployment/flash-sale',
      kind: 'workload',
      objectKind: 'Deployment',
      name: 'flash-sale',
      cluster: 'prod-east-b',
      namespace: 'commerce',
      parent: 'namespace:prod-east-b/commerce',
      status: 'degraded',
      pods: pods(4, 3, { pending: 1 }),
      entityRef: 'component:default/flash-sale',
      labels: { 'app.kubernetes.io/name': 'flash-sale', tier: 'edge' },
    },
  ],
  edges: [
    {
      id: 'traffic:trading-engine->risk-service',
      source: 'workload:prod-east-b/trading/Deployment/trading-engine',
      target: 'workload:prod-east-b/trading/Deployment/risk-service',
      kind: 'traffic',
      traffic: { requestsPerSecond: 80, errorPercent: 12.5, p99Ms: 240 },
    },
    {
      id: 'catalog:flash-sale->trading-engine',
      source: 'workload:prod-east-b/commerce/Deployment/flash-sale',
      target: 'workload:prod-east-b/trading/Deployment/trading-engine',
      kind: 'catalog',
      relation: 'dependsOn',
    },
  ],
  errors: [
    {
      cluster: 'prod-east-b',
      error: 'watch of Pods failed: connection reset by peer',
    },
  ],
  notices: [],
};

/** The entity level of trading-engine. */
export const tradingEngineGraph: TopologyGraph = {
  ...prodEastBGraph,
  level: 'entity',
  nodes: prodEastBGraph.nodes.filter(
    n => n.kind !== 'workload' || n.name === 'trading-engine',
  ),
  edges: [],
  errors: [],
};

/** `GET /workloads?entityRef=component:default/trading-engine`. */
export const tradingEngineWorkloads: EntityWorkloadsResponse = {
  entityRef: 'component:default/trading-engine',
  clusters: ['prod-east-a', 'prod-east-b', 'dr-west'],
  errors: [{ cluster: 'dr-west', error: 'cluster is not reachable' }],
  items: [
    {
      cluster: 'prod-east-a',
      kind: 'Deployment',
      namespace: 'trading',
      name: 'trading-engine',
      health: 'healthy',
      replicas: 6,
      images: ['registry.acme.io/trading/trading-engine:4.2.1'],
      pods: pods(6, 6, { restarts: 1 }),
    },
    {
      cluster: 'prod-east-b',
      kind: 'Deployment',
      namespace: 'trading',
      name: 'trading-engine',
      health: 'degraded',
      replicas: 6,
      images: [
        'registry.acme.io/trading/trading-engine:4.2.1',
        'istio/proxyv2:1.22.0',
      ],
      pods: pods(6, 4, { restarting: 2, restarts: 17 }),
    },
  ],
};

/**
 * `GET /object?cluster=prod-east-b&kind=Deployment&namespace=trading&name=risk-service`:
 * the crash-looping deployment, its password already redacted by the backend.
 */
export const riskServiceObject: ClusterObjectDetails = {
  object: {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'risk-service', namespace: 'trading', uid: 'd-risk' },
    spec: {
      replicas: 3,
      template: {
        spec: {
          containers: [
            {
              name: 'risk-service',
              image: 'registry.example.com/trading/risk-service:latest',
              env: [{ name: 'DB_PASSWORD', value: '<redacted>' }],
            },
          ],
        },
      },
    },
  },
  events: [
    {
      type: 'Warning',
      reason: 'BackOff',
      message: 'Back-off restarting failed container risk-service',
      count: 42,
      lastTimestamp: '2026-11-26T09:58:00Z',
      involvedObject: { kind: 'Pod', name: 'risk-service-7c9f-x2k4p' },
    },
    {
      type: 'Normal',
      reason: 'ScalingReplicaSet',
      message: 'Scaled up replica set risk-service-7c9f to 3',
      count: 1,
      lastTimestamp: '2026-11-26T08:00:00Z',
      involvedObject: { kind: 'Deployment', name: 'risk-service' },
    },
  ],
  yaml: [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: risk-service',
    '  namespace: trading',
    '  uid: d-risk',
    'spec:',
    '  replicas: 3',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: risk-service',
    '          image: registry.example.com/trading/risk-service:latest',
    '          env:',
    '            - name: DB_PASSWORD',
    '              value: <redacted>',
    '',
  ].join('\n'),
};
