import { mockServices } from '@backstage/backend-test-utils';
import { TopologyGraph } from '@cloud-native-platform/plugin-cloud-native-common';
import { ClusterDefinition } from '../clusters/ClusterDefinition';
import { PrometheusClient } from '../prometheus/PrometheusClient';
import { ClusterObjectStore } from '../state/ClusterObjectStore';
import { KubeObject } from '../state/KubeObject';
import { graphIds } from '../topology/graphIds';
import {
  istioWorkloadIdResolver,
  resolveIstioWorkload,
} from './resolveIstioWorkload';
import {
  addTrafficLayer,
  toTopologyEdges,
  TrafficCollector,
  TrafficSnapshot,
} from './TrafficCollector';
import { TrafficQueries, trafficQueries } from './trafficQueries';

const WINDOW = 300_000;

type Series = Array<[Record<string, string>, number | string]>;
type Answers = Partial<Record<keyof TrafficQueries, Series>>;

/**
 * A Prometheus behind a stubbed fetch: answers each traffic query from a
 * table, counts the queries, and can hold answers back or refuse them.
 */
function fakePrometheus(answers: Answers) {
  const names = new Map<string, string>();
  for (const window of [WINDOW, 60_000]) {
    for (const [name, query] of Object.entries(trafficQueries(window))) {
      names.set(query, name);
    }
  }
  const fake = {
    queries: [] as string[],
    hold: undefined as Promise<void> | undefined,
    down: false,
    fetch: (async (_url: string, init: RequestInit) => {
      const params = new URLSearchParams(String(init.body));
      const name = names.get(params.get('query')!);
      if (!name) throw new Error(`unexpected query ${params.get('query')}`);
      fake.queries.push(name);
      if (fake.hold) await fake.hold;
      if (fake.down) {
        throw new TypeError('fetch failed', {
          cause: new Error('connect ECONNREFUSED 10.0.0.9:9090'),
        });
      }
      const series = answers[name as keyof TrafficQueries] ?? [];
      return new Response(
        JSON.stringify({
          status: 'success',
          data: {
            resultType: 'vector',
            result: series.map(([metric, value]) => ({
              metric,
              value: [1_700_000_000, String(value)],
            })),
          },
        }),
      );
    }) as unknown as typeof fetch,
  };
  return fake;
}

function cluster(
  name: string,
  prometheus?: { url: string; fetch: typeof fetch },
) {
  const definition: ClusterDefinition = {
    name,
    role: 'production',
    labels: {},
    source: { type: 'manifests', path: '.' },
    prometheus: prometheus && { url: prometheus.url },
    origin: 'test',
  };
  return {
    definition,
    prometheus: prometheus && new PrometheusClient(prometheus),
  };
}

function edge(
  source: [cluster: string | undefined, namespace: string, workload: string],
  destination: [
    cluster: string | undefined,
    namespace: string,
    workload: string,
  ],
): Record<string, string> {
  const labels: Record<string, string> = {
    source_workload_namespace: source[1],
    source_workload: source[2],
    destination_workload_namespace: destination[1],
    destination_workload: destination[2],
  };
  if (source[0]) labels.source_cluster = source[0];
  if (destination[0]) labels.destination_cluster = destination[0];
  return labels;
}

const gatewayToEngine = edge(
  ['prod-east-a', 'trading', 'order-gateway'],
  ['prod-east-b', 'trading', 'trading-engine'],
);
// Single-cluster meshes leave the cluster labels out.
const engineToLedger = edge(
  [undefined, 'trading', 'trading-engine'],
  [undefined, 'trading', 'ledger'],
);
const outsideToGateway = edge(
  ['unknown', 'unknown', 'unknown'],
  ['prod-east-b', 'trading', 'order-gateway'],
);
const engineToPostgres = edge(
  [undefined, 'trading', 'trading-engine'],
  [undefined, 'data', 'postgres'],
);
const retired = edge(
  [undefined, 'trading', 'old-client'],
  [undefined, 'trading', 'ledger'],
);

const eastB: Answers = {
  requests: [
    [gatewayToEngine, 20],
    [engineToLedger, 4],
    [outsideToGateway, 1],
    [retired, 0],
  ],
  errors: [
    [gatewayToEngine, 1],
    [retired, 0],
  ],
  mtls: [
    [gatewayToEngine, 19],
    [engineToLedger, 4],
  ],
  p50: [
    [gatewayToEngine, 31.25],
    [engineToLedger, 'NaN'],
  ],
  p99: [
    [gatewayToEngine, 175],
    [engineToLedger, 'NaN'],
  ],
  tcpSentBytes: [[engineToPostgres, 2048]],
};

const eastA: Answers = {
  requests: [
    [
      edge(
        ['prod-east-a', 'web', 'storefront'],
        ['prod-east-a', 'trading', 'order-gateway'],
      ),
      3,
    ],
  ],
};

function collector(
  clusters: ReturnType<typeof cluster>[],
  extra: { ttlMs?: number; now?: () => number } = {},
) {
  const logger = mockServices.logger.mock();
  return {
    logger,
    collector: new TrafficCollector({
      clusters: () => clusters,
      logger,
      ...extra,
    }),
  };
}

describe('TrafficCollector', () => {
  it('merges the series of the six queries into edges', async () => {
    const b = fakePrometheus(eastB);
    const { collector: traffic } = collector([
      cluster('prod-east-b', { url: 'http://prom-b:9090', fetch: b.fetch }),
    ]);
    const snapshot = await traffic.getTraffic(
      WINDOW,
      new Date('2024-05-01T12:00:00Z'),
    );

    expect(b.queries.sort()).toEqual(
      ['errors', 'mtls', 'p50', 'p99', 'requests', 'tcpSentBytes'].sort(),
    );
    expect(snapshot.errors).toEqual([]);
    expect(snapshot.measuredAt).toBe('2024-05-01T12:00:00.000Z');
    const find = (src: string, dst: string) =>
      snapshot.edges.find(
        e => e.source.workload === src && e.destination.workload === dst,
      );

    expect(find('order-gateway', 'trading-engine')).toEqual({
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
      traffic: {
        requestsPerSecond: 20,
        errorPercent: 5,
        mtlsPercent: 95,
        p50Ms: 31.25,
        p99Ms: 175,
      },
    });
    // Missing cluster labels mean the Prometheus's own cluster; no errors
    // series means no errors, and NaN quantiles mean no latency.
    expect(find('trading-engine', 'ledger')).toEqual({
      source: {
        cluster: 'prod-east-b',
        namespace: 'trading',
        workload: 'trading-engine',
      },
      destination: {
        cluster: 'prod-east-b',
        namespace: 'trading',
        workload: 'ledger',
      },
      traffic: { requestsPerSecond: 4, errorPercent: 0, mtlsPercent: 100 },
    });
    expect(find('unknown', 'order-gateway')).toMatchObject({
      source: { workload: 'unknown', namespace: 'unknown' },
      traffic: { requestsPerSecond: 1, errorPercent: 0, mtlsPercent: 0 },
    });
    expect(find('trading-engine', 'postgres')?.traffic).toEqual({
      requestsPerSecond: 0,
      errorPercent: 0,
      tcpBytesPerSecond: 2048,
    });
    expect(find('old-client', 'ledger')).toBeUndefined();
    expect(snapshot.edges).toHaveLength(4);
  });

  it('queries a Prometheus shared by several clusters once', async () => {
    const shared = fakePrometheus(eastB);
    const { collector: traffic } = collector([
      cluster('prod-east-a', { url: 'http://prom:9090/', fetch: shared.fetch }),
      cluster('prod-east-b', { url: 'http://prom:9090', fetch: shared.fetch }),
      cluster('staging'),
    ]);
    const snapshot = await traffic.getTraffic(WINDOW);
    expect(shared.queries).toHaveLength(6);
    expect(snapshot.edges).toHaveLength(4);
    expect(snapshot.errors).toEqual([]);
  });

  it('reports a failing Prometheus and keeps the other clusters', async () => {
    const a = fakePrometheus(eastA);
    const b = fakePrometheus(eastB);
    b.down = true;
    const { collector: traffic, logger } = collector(
      [
        cluster('prod-east-a', { url: 'http://prom-a:9090', fetch: a.fetch }),
        cluster('prod-east-b', { url: 'http://prom-b:9090', fetch: b.fetch }),
        cluster('dr-west', { url: 'http://prom-b:9090', fetch: b.fetch }),
      ],
      { ttlMs: 0 },
    );
    const snapshot = await traffic.getTraffic(WINDOW);
    const message =
      'Prometheus at http://prom-b:9090 is unreachable: connect ECONNREFUSED 10.0.0.9:9090';
    expect(snapshot.errors).toEqual([
      { cluster: 'prod-east-b', error: message },
      { cluster: 'dr-west', error: message },
    ]);
    expect(snapshot.edges.map(e => e.destination.workload)).toEqual([
      'order-gateway',
    ]);

    // A lasting outage is logged once, its end once.
    await traffic.getTraffic(WINDOW);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    b.down = false;
    expect((await traffic.getTraffic(WINDOW)).edges).toHaveLength(5);
    expect(logger.info).toHaveBeenCalledWith(
      'traffic of prod-east-b, dr-west available again',
    );
  });

  it('prefers the destination cluster’s Prometheus when two hold an edge', async () => {
    const federated = fakePrometheus({ requests: [[gatewayToEngine, 99]] });
    const own = fakePrometheus(eastB);
    const { collector: traffic } = collector([
      cluster('prod-east-a', {
        url: 'http://fed:9090',
        fetch: federated.fetch,
      }),
      cluster('prod-east-b', { url: 'http://prom-b:9090', fetch: own.fetch }),
    ]);
    const snapshot = await traffic.getTraffic(WINDOW);
    expect(
      snapshot.edges.find(e => e.destination.workload === 'trading-engine')
        ?.traffic.requestsPerSecond,
    ).toBe(20);
  });

  it('serves a window from memory for the TTL', async () => {
    const b = fakePrometheus(eastB);
    let now = 1_000_000;
    const { collector: traffic } = collector(
      [cluster('prod-east-b', { url: 'http://prom-b:9090', fetch: b.fetch })],
      { ttlMs: 30_000, now: () => now },
    );
    const first = await traffic.getTraffic(WINDOW);
    expect(await traffic.getTraffic(WINDOW)).toBe(first);
    expect(b.queries).toHaveLength(6);

    // Another window is another measurement.
    await traffic.getTraffic(60_000);
    expect(b.queries).toHaveLength(12);

    now += 29_999;
    expect(await traffic.getTraffic(WINDOW)).toBe(first);
    now += 1;
    const second = await traffic.getTraffic(WINDOW);
    expect(second).not.toBe(first);
    expect(b.queries).toHaveLength(18);

    // A refresh measures again and feeds the cache.
    const refreshed = await traffic.refresh(WINDOW);
    expect(b.queries).toHaveLength(24);
    expect(await traffic.getTraffic(WINDOW)).toBe(refreshed);
  });

  it('shares a running measurement between callers', async () => {
    const b = fakePrometheus(eastB);
    let release!: () => void;
    b.hold = new Promise(resolve => {
      release = resolve;
    });
    const { collector: traffic } = collector([
      cluster('prod-east-b', { url: 'http://prom-b:9090', fetch: b.fetch }),
    ]);
    const calls = [
      traffic.getTraffic(WINDOW),
      traffic.getTraffic(WINDOW),
      traffic.refresh(WINDOW),
    ];
    await new Promise(resolve => setImmediate(resolve));
    expect(b.queries).toHaveLength(6);
    release();
    const [x, y, z] = await Promise.all(calls);
    expect(y).toBe(x);
    expect(z).toBe(x);
    expect(b.queries).toHaveLength(6);
  });

  it('rejects a window that is not a duration', async () => {
    const { collector: traffic } = collector([]);
    await expect(traffic.getTraffic(0)).rejects.toThrow(RangeError);
  });
});

function workload(kind: string, namespace: string, name: string): KubeObject {
  return {
    apiVersion: kind === 'Rollout' ? 'argoproj.io/v1alpha1' : 'apps/v1',
    kind,
    metadata: { name, namespace, uid: `${kind}-${namespace}-${name}` },
  };
}

describe('resolveIstioWorkload', () => {
  const store = new ClusterObjectStore();
  store.upsert(workload('Deployment', 'trading', 'trading-engine'));
  store.upsert(workload('ReplicaSet', 'trading', 'trading-engine-7d9f'));
  store.upsert(workload('StatefulSet', 'data', 'postgres'));
  store.upsert(workload('Rollout', 'trading', 'order-gateway'));
  store.upsert(workload('DaemonSet', 'mesh', 'node-agent'));

  it.each([
    ['trading', 'trading-engine', 'Deployment'],
    ['data', 'postgres', 'StatefulSet'],
    ['trading', 'order-gateway', 'Rollout'],
    ['mesh', 'node-agent', 'DaemonSet'],
  ])('finds %s/%s as a %s', (namespace, name, kind) => {
    expect(resolveIstioWorkload(store, namespace, name)?.kind).toBe(kind);
  });

  it('finds nothing for other names, namespaces or kinds', () => {
    expect(
      resolveIstioWorkload(store, 'data', 'trading-engine'),
    ).toBeUndefined();
    expect(resolveIstioWorkload(store, 'trading', 'unknown')).toBeUndefined();
    expect(
      resolveIstioWorkload(store, 'trading', 'trading-engine-7d9f'),
    ).toBeUndefined();
  });
});

describe('toTopologyEdges', () => {
  const stores = {
    'prod-east-a': new ClusterObjectStore(),
    'prod-east-b': new ClusterObjectStore(),
  };
  stores['prod-east-a'].upsert(
    workload('Deployment', 'trading', 'order-gateway'),
  );
  stores['prod-east-b'].upsert(
    workload('Deployment', 'trading', 'trading-engine'),
  );
  stores['prod-east-b'].upsert(workload('StatefulSet', 'trading', 'ledger'));
  const handles = Object.entries(stores).map(([name, store]) => ({
    definition: cluster(name).definition,
    store,
  }));
  const gatewayA = graphIds.workload(
    'prod-east-a',
    workload('Deployment', 'trading', 'order-gateway'),
  );
  const engineB = graphIds.workload(
    'prod-east-b',
    workload('Deployment', 'trading', 'trading-engine'),
  );
  const ledgerB = graphIds.workload(
    'prod-east-b',
    workload('StatefulSet', 'trading', 'ledger'),
  );
  const end = (c: string, n: string, w: string) => ({
    cluster: c,
    namespace: n,
    workload: w,
  });
  const snapshot: TrafficSnapshot = {
    measuredAt: '2024-05-01T12:00:00.000Z',
    errors: [{ cluster: 'dr-west', error: 'Prometheus at x is unreachable' }],
    edges: [
      {
        source: end('prod-east-a', 'trading', 'order-gateway'),
        destination: end('prod-east-b', 'trading', 'trading-engine'),
        traffic: { requestsPerSecond: 20, errorPercent: 5, mtlsPercent: 95 },
      },
      {
        source: end('prod-east-b', 'trading', 'trading-engine'),
        destination: end('prod-east-b', 'trading', 'ledger'),
        traffic: { requestsPerSecond: 4, errorPercent: 0, p99Ms: 12 },
      },
      {
        source: end('prod-east-b', 'unknown', 'unknown'),
        destination: end('prod-east-b', 'trading', 'trading-engine'),
        traffic: { requestsPerSecond: 1, errorPercent: 0 },
      },
      {
        source: end('prod-east-b', 'trading', 'trading-engine'),
        destination: end('prod-east-b', 'trading', 'trading-engine'),
        traffic: { requestsPerSecond: 2, errorPercent: 0 },
      },
    ],
  };

  it('draws edges between workload nodes the graph holds', () => {
    const edges = toTopologyEdges(
      snapshot,
      new Set([gatewayA, engineB, ledgerB]),
      istioWorkloadIdResolver(handles),
    );
    expect(edges).toEqual([
      {
        id: `traffic:${gatewayA}->${engineB}`,
        source: gatewayA,
        target: engineB,
        kind: 'traffic',
        traffic: { requestsPerSecond: 20, errorPercent: 5, mtlsPercent: 95 },
        crossCluster: true,
      },
      {
        id: `traffic:${engineB}->${ledgerB}`,
        source: engineB,
        target: ledgerB,
        kind: 'traffic',
        traffic: { requestsPerSecond: 4, errorPercent: 0, p99Ms: 12 },
      },
    ]);
    expect(engineB).toBe(
      'workload:prod-east-b/trading/Deployment/trading-engine',
    );
  });

  it('leaves out edges with an end outside the graph', () => {
    const edges = toTopologyEdges(
      snapshot,
      new Set([engineB, ledgerB]),
      istioWorkloadIdResolver(handles),
    );
    expect(edges.map(e => e.id)).toEqual([`traffic:${engineB}->${ledgerB}`]);
  });

  it('merges edges that land on the same pair of nodes', () => {
    const edges = toTopologyEdges(
      {
        ...snapshot,
        edges: [
          {
            source: end('prod-east-a', 'web', 'storefront'),
            destination: end('prod-east-b', 'trading', 'trading-engine'),
            traffic: {
              requestsPerSecond: 30,
              errorPercent: 10,
              mtlsPercent: 100,
              p99Ms: 50,
            },
          },
          {
            source: end('prod-east-a', 'trading', 'order-gateway'),
            destination: end('prod-east-b', 'trading', 'ledger'),
            traffic: {
              requestsPerSecond: 10,
              errorPercent: 0,
              mtlsPercent: 0,
              p99Ms: 80,
              tcpBytesPerSecond: 100,
            },
          },
        ],
      },
      new Set(['cluster:prod-east-a', 'cluster:prod-east-b']),
      e => graphIds.cluster(e.cluster),
    );
    expect(edges).toEqual([
      {
        id: 'traffic:cluster:prod-east-a->cluster:prod-east-b',
        source: 'cluster:prod-east-a',
        target: 'cluster:prod-east-b',
        kind: 'traffic',
        crossCluster: true,
        traffic: {
          requestsPerSecond: 40,
          errorPercent: 7.5,
          mtlsPercent: 75,
          p99Ms: 80,
          tcpBytesPerSecond: 100,
        },
      },
    ]);
  });

  it('adds the layer to a graph with a notice per unmeasured cluster', () => {
    const graph: TopologyGraph = {
      level: 'cluster',
      nodes: [gatewayA, engineB, ledgerB].map(id => ({
        id,
        kind: 'workload',
        name: id,
        status: 'healthy',
      })),
      edges: [],
      errors: [],
      notices: [],
      generatedAt: '2024-05-01T12:00:00.000Z',
    };
    expect(addTrafficLayer(graph, snapshot, handles)).toBe(graph);
    expect(graph.edges).toHaveLength(2);
    expect(graph.notices).toEqual([
      'Traffic of cluster dr-west unavailable: Prometheus at x is unreachable',
    ]);
  });
});
