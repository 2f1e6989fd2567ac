import { mockServices } from '@backstage/backend-test-utils';
import { ClusterDefinition } from '../clusters/ClusterDefinition';
import { PrometheusClient } from '../prometheus/PrometheusClient';
import { ClusterObjectStore } from '../state/ClusterObjectStore';
import {
  backfillRange,
  describeWithTestPrometheus,
  startTestPrometheus,
  TestPrometheus,
  TestPrometheusSeries,
} from '../testUtils';
import { istioWorkloadIdResolver } from './resolveIstioWorkload';
import {
  toTopologyEdges,
  TrafficCollector,
  TrafficSnapshot,
} from './TrafficCollector';

const STEP_SECONDS = 15;
const WINDOW_MS = 300_000;

/** Counter series and their growth per second. */
interface CounterSeries {
  labels: Record<string, string>;
  perSecond: number;
}

const DESTINATION = { reporter: 'destination' };
const gatewayToEngine = {
  ...DESTINATION,
  source_cluster: 'prod-east-a',
  source_workload: 'order-gateway',
  source_workload_namespace: 'trading',
  destination_cluster: 'prod-east-b',
  destination_workload: 'trading-engine',
  destination_workload_namespace: 'trading',
};
// Without cluster labels, as a single-cluster mesh reports them.
const engineToLedger = {
  ...DESTINATION,
  source_workload: 'trading-engine',
  source_workload_namespace: 'trading',
  destination_workload: 'ledger',
  destination_workload_namespace: 'trading',
};
const engineToPostgres = {
  ...DESTINATION,
  source_workload: 'trading-engine',
  source_workload_namespace: 'trading',
  destination_workload: 'postgres',
  destination_workload_namespace: 'data',
};

const requests: CounterSeries[] = [
  {
    labels: {
      ...gatewayToEngine,
      response_code: '200',
      connection_security_policy: 'mutual_tls',
    },
    perSecond: 9,
  },
  {
    labels: {
      ...gatewayToEngine,
      response_code: '200',
      connection_security_policy: 'none',
    },
    perSecond: 0.5,
  },
  {
    labels: {
      ...gatewayToEngine,
      response_code: '503',
      connection_security_policy: 'mutual_tls',
    },
    perSecond: 0.5,
  },
  {
    labels: {
      ...engineToLedger,
      response_code: '200',
      connection_security_policy: 'mutual_tls',
    },
    perSecond: 4,
  },
  {
    // A caller from outside the mesh, reported by the ingress side.
    labels: {
      ...DESTINATION,
      source_cluster: 'unknown',
      source_workload: 'unknown',
      source_workload_namespace: 'unknown',
      destination_cluster: 'prod-east-b',
      destination_workload: 'trading-engine',
      destination_workload_namespace: 'trading',
      response_code: '200',
      connection_security_policy: 'none',
    },
    perSecond: 1,
  },
  {
    // Other reporters must not be counted twice.
    labels: {
      ...gatewayToEngine,
      reporter: 'source',
      response_code: '200',
      connection_security_policy: 'mutual_tls',
    },
    perSecond: 9,
  },
];

/**
 * Cumulative bucket rates of gateway → engine: 10 requests per second,
 * 4 within 25 ms, 8 within 50 ms, 9.8 within 100 ms, all within 250 ms.
 * Prometheus interpolates within a bucket, so the median is
 * 25 + 25 × (5 − 4) / (8 − 4) = 31.25 ms and the 99th percentile
 * 100 + 150 × (9.9 − 9.8) / (10 − 9.8) = 175 ms.
 */
const buckets: Array<[string, number]> = [
  ['10', 0],
  ['25', 4],
  ['50', 8],
  ['100', 9.8],
  ['250', 10],
  ['+Inf', 10],
];

const tcp: CounterSeries[] = [{ labels: engineToPostgres, perSecond: 2048 }];

/** Every series, each counter growing from zero at the first sample. */
function backfilled(startSeconds: number): TestPrometheusSeries[] {
  const growing = (perSecond: number) => (t: number) =>
    (t - startSeconds) * perSecond;
  const counter = (name: string, series: CounterSeries[]) =>
    series.map(({ labels, perSecond }) => ({
      name,
      labels,
      value: growing(perSecond),
    }));
  const histogramLabels = {
    ...gatewayToEngine,
    response_code: '200',
    connection_security_policy: 'mutual_tls',
  };
  return [
    ...counter('istio_requests_total', requests),
    ...counter('istio_tcp_sent_bytes_total', tcp),
    ...buckets.map(([le, perSecond]) => ({
      name: 'istio_request_duration_milliseconds_bucket',
      labels: { ...histogramLabels, le },
      value: growing(perSecond),
    })),
    {
      name: 'istio_request_duration_milliseconds_count',
      labels: histogramLabels,
      value: growing(10),
    },
    {
      name: 'istio_request_duration_milliseconds_sum',
      labels: histogramLabels,
      value: growing(10 * 40),
    },
  ];
}

function definition(name: string, url: string): ClusterDefinition {
  return {
    name,
    role: 'production',
    labels: {},
    source: { type: 'manifests', path: '.' },
    prometheus: { url },
    origin: 'test',
  };
}

describeWithTestPrometheus('TrafficCollector against a real Prometheus', () => {
  let prometheus: TestPrometheus | undefined;
  let url: string;
  let lastSample: Date;
  let snapshot: TrafficSnapshot;

  beforeAll(async () => {
    const { startSeconds, endSeconds } = backfillRange(1800, STEP_SECONDS);
    lastSample = new Date(endSeconds * 1000);
    prometheus = await startTestPrometheus({
      series: backfilled(startSeconds),
      startSeconds,
      endSeconds,
      stepSeconds: STEP_SECONDS,
    });
    url = prometheus.url;

    const collector = new TrafficCollector({
      clusters: () => [
        {
          definition: definition('prod-east-b', url),
          prometheus: new PrometheusClient({ url }),
        },
        {
          // Port 9 (discard) has nothing listening on loopback.
          definition: definition('dr-west', 'http://127.0.0.1:9'),
          prometheus: new PrometheusClient({ url: 'http://127.0.0.1:9' }),
        },
      ],
      logger: mockServices.logger.mock(),
    });
    snapshot = await collector.getTraffic(WINDOW_MS, lastSample);
  }, 60_000);

  afterAll(async () => {
    await prometheus?.stop();
  }, 15_000);

  function find(source: string, destination: string) {
    const found = snapshot.edges.find(
      e =>
        e.source.workload === source && e.destination.workload === destination,
    );
    if (!found) {
      throw new Error(
        `no edge ${source} → ${destination} in ${JSON.stringify(snapshot)}`,
      );
    }
    return found;
  }

  it('measures requests, errors, mTLS and latency of an edge', () => {
    const { source, destination, traffic } = find(
      'order-gateway',
      'trading-engine',
    );
    expect(source).toEqual({
      cluster: 'prod-east-a',
      namespace: 'trading',
      workload: 'order-gateway',
    });
    expect(destination.cluster).toBe('prod-east-b');
    expect(traffic.requestsPerSecond).toBeCloseTo(10, 3);
    expect(traffic.errorPercent).toBeCloseTo(5, 3);
    expect(traffic.mtlsPercent).toBeCloseTo(95, 3);
    expect(traffic.p50Ms).toBeCloseTo(31.25, 1);
    expect(traffic.p99Ms).toBeCloseTo(175, 1);
    expect(snapshot.measuredAt).toBe(lastSample.toISOString());
  });

  it('places unlabelled series in the Prometheus’s own cluster', () => {
    const { source, destination, traffic } = find('trading-engine', 'ledger');
    expect(source.cluster).toBe('prod-east-b');
    expect(destination.cluster).toBe('prod-east-b');
    expect(traffic.requestsPerSecond).toBeCloseTo(4, 3);
    expect(traffic.mtlsPercent).toBeCloseTo(100, 3);
    expect(traffic.errorPercent).toBe(0);
    expect(traffic.p50Ms).toBeUndefined();
  });

  it('keeps callers from outside the mesh and TCP-only edges', () => {
    expect(find('unknown', 'trading-engine').traffic).toMatchObject({
      mtlsPercent: 0,
    });
    expect(
      find('unknown', 'trading-engine').traffic.requestsPerSecond,
    ).toBeCloseTo(1, 3);
    const postgres = find('trading-engine', 'postgres').traffic;
    expect(postgres.requestsPerSecond).toBe(0);
    expect(postgres.tcpBytesPerSecond).toBeCloseTo(2048, 1);
    expect(snapshot.edges).toHaveLength(4);
  });

  it('reports the Prometheus that cannot answer', () => {
    expect(snapshot.errors).toEqual([
      {
        cluster: 'dr-west',
        error: expect.stringMatching(
          /^Prometheus at http:\/\/127\.0\.0\.1:9 is unreachable: /,
        ),
      },
    ]);
  });

  it('flags cross-cluster edges on the graph', () => {
    const stores = {
      'prod-east-a': new ClusterObjectStore(),
      'prod-east-b': new ClusterObjectStore(),
    };
    const deployment = (namespace: string, name: string) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace, uid: `${namespace}-${name}` },
    });
    stores['prod-east-a'].upsert(deployment('trading', 'order-gateway'));
    stores['prod-east-b'].upsert(deployment('trading', 'trading-engine'));
    stores['prod-east-b'].upsert(deployment('trading', 'ledger'));
    const gateway = 'workload:prod-east-a/trading/Deployment/order-gateway';
    const engine = 'workload:prod-east-b/trading/Deployment/trading-engine';
    const ledger = 'workload:prod-east-b/trading/Deployment/ledger';
    const edges = toTopologyEdges(
      snapshot,
      new Set([gateway, engine, ledger]),
      istioWorkloadIdResolver(
        Object.entries(stores).map(([name, store]) => ({
          definition: definition(name, url),
          store,
        })),
      ),
    );
    expect(
      edges.map(e => [e.id, e.kind, e.crossCluster ?? false]).sort(),
    ).toEqual([
      [`traffic:${gateway}->${engine}`, 'traffic', true],
      [`traffic:${engine}->${ledger}`, 'traffic', false],
    ]);
  });
});
