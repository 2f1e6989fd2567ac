import {
  ClusterHandle,
  PrometheusClient,
} from '@cloud-native-platform/plugin-cloud-native-node';
import {
  backfillRange,
  describeWithTestPrometheus,
  startTestPrometheus,
  TestPrometheus,
  TestPrometheusSeries,
} from '@cloud-native-platform/plugin-cloud-native-node/testUtils';
import { FeatureMetric } from '@cloud-native-platform/plugin-healing-common';
import { featureSeriesOf } from './featureSeries';

const STEP = 15;
const MiB = 1024 * 1024;

/*
 * Namespace trading holds the target, Deployment ledger (two running pods
 * and one evicted), and two workloads whose pod names start with
 * `ledger-`: Deployment ledger-archiver and StatefulSet ledger-db.
 * Namespace trading-staging holds another Deployment ledger. Each has its
 * own traffic, latency, CPU and memory, so any mix-up moves the numbers.
 *
 * Data runs 40 minutes; the incident starts 25 minutes in: ledger starts
 * answering 1 request in 20 with a 503, and one of its pods nearly doubles its
 * CPU. cAdvisor of node-a (both running ledger pods) misses three minutes
 * of scrapes 10 minutes in.
 */
const INCIDENT_AFTER = 25 * 60;
const GAP_AFTER = 10 * 60;
const GAP_SECONDS = 3 * 60;
/** Queries start 5 minutes in, so every 1-minute rate has a full window. */
const QUERY_AFTER = 5 * 60;

interface Pod {
  namespace: string;
  name: string;
  node: string;
  /** kube_pod_owner: the ReplicaSet, or the StatefulSet itself. */
  owner: { kind: 'ReplicaSet' | 'StatefulSet'; name: string };
  phase: 'Running' | 'Failed';
  /** Per container: CPU cores used (before, after the incident), working set, limits. */
  containers: Record<
    string,
    {
      cores?: [number, number];
      workingSetBytes?: number;
      limitCores: number;
      limitBytes: number;
    }
  >;
}

const app = (
  cores: [number, number],
  bytes: number,
  limits: [number, number],
) => ({
  cores,
  workingSetBytes: bytes,
  limitCores: limits[0],
  limitBytes: limits[1],
});
const sidecar = {
  cores: [0.05, 0.05] as [number, number],
  workingSetBytes: 112 * MiB,
  limitCores: 0.5,
  limitBytes: 256 * MiB,
};

const pods: Pod[] = [
  // ledger: 0.9 of 3 cores (0.3) before, 1.35 (0.45) after; 1 GiB of 2 GiB.
  {
    namespace: 'trading',
    name: 'ledger-5d8f7c9b4-x7k2p',
    node: 'node-a',
    owner: { kind: 'ReplicaSet', name: 'ledger-5d8f7c9b4' },
    phase: 'Running',
    containers: {
      ledger: app([0.3, 0.3], 400 * MiB, [1, 768 * MiB]),
      'istio-proxy': sidecar,
    },
  },
  {
    namespace: 'trading',
    name: 'ledger-5d8f7c9b4-q9w3z',
    node: 'node-a',
    owner: { kind: 'ReplicaSet', name: 'ledger-5d8f7c9b4' },
    phase: 'Running',
    containers: {
      ledger: app([0.5, 0.95], 400 * MiB, [1, 768 * MiB]),
      'istio-proxy': sidecar,
    },
  },
  {
    // Evicted: kube-state-metrics still reports its limits; it uses nothing.
    namespace: 'trading',
    name: 'ledger-5d8f7c9b4-h2m8r',
    node: 'node-b',
    owner: { kind: 'ReplicaSet', name: 'ledger-5d8f7c9b4' },
    phase: 'Failed',
    containers: {
      ledger: { limitCores: 1, limitBytes: 768 * MiB },
      'istio-proxy': { limitCores: 0.5, limitBytes: 256 * MiB },
    },
  },
  {
    namespace: 'trading',
    name: 'ledger-archiver-6c4b8d7f9-m4n5b',
    node: 'node-b',
    owner: { kind: 'ReplicaSet', name: 'ledger-archiver-6c4b8d7f9' },
    phase: 'Running',
    containers: {
      'ledger-archiver': app([1.8, 1.8], 1900 * MiB, [2, 2048 * MiB]),
    },
  },
  // ledger-db: 0.4 of 2 cores (0.2); 1.5 GiB of 4 GiB (0.375).
  {
    namespace: 'trading',
    name: 'ledger-db-0',
    node: 'node-b',
    owner: { kind: 'StatefulSet', name: 'ledger-db' },
    phase: 'Running',
    containers: {
      postgres: app([0.25, 0.25], 1024 * MiB, [1, 2048 * MiB]),
    },
  },
  {
    namespace: 'trading',
    name: 'ledger-db-1',
    node: 'node-c',
    owner: { kind: 'StatefulSet', name: 'ledger-db' },
    phase: 'Running',
    containers: {
      postgres: app([0.15, 0.15], 512 * MiB, [1, 2048 * MiB]),
    },
  },
  {
    namespace: 'trading-staging',
    name: 'ledger-5d8f7c9b4-s1t2u',
    node: 'node-c',
    owner: { kind: 'ReplicaSet', name: 'ledger-5d8f7c9b4' },
    phase: 'Running',
    containers: {
      ledger: app([0.9, 0.9], 700 * MiB, [1, 768 * MiB]),
    },
  },
];

const replicaSets = [
  { namespace: 'trading', name: 'ledger-5d8f7c9b4', deployment: 'ledger' },
  // The ReplicaSet of the previous rollout, scaled to zero.
  { namespace: 'trading', name: 'ledger-7f6d5c4b3', deployment: 'ledger' },
  {
    namespace: 'trading',
    name: 'ledger-archiver-6c4b8d7f9',
    deployment: 'ledger-archiver',
  },
  {
    namespace: 'trading-staging',
    name: 'ledger-5d8f7c9b4',
    deployment: 'ledger',
  },
];

/** Requests per second by response code, from the destination's sidecar. */
const traffic: Array<{
  namespace: string;
  workload: string;
  before: Record<string, number>;
  after: Record<string, number>;
  /** Cumulative requests per second within each bucket bound (ms). */
  buckets: Array<[string, number]>;
}> = [
  {
    // 19 + 1 per second: 5 % errors once the incident starts, 0 before.
    namespace: 'trading',
    workload: 'ledger',
    before: { '200': 20 },
    after: { '200': 19, '503': 1 },
    // p99 = 50 + 50 × (19.8 − 19.6) / (19.9 − 19.6) ≈ 83.33 ms.
    buckets: [
      ['5', 8],
      ['10', 14],
      ['25', 18],
      ['50', 19.6],
      ['100', 19.9],
      ['250', 20],
      ['+Inf', 20],
    ],
  },
  {
    namespace: 'trading',
    workload: 'ledger-archiver',
    before: { '200': 1, '500': 1 },
    after: { '200': 1, '500': 1 },
    buckets: [
      ['100', 0],
      ['1000', 1],
      ['5000', 2],
      ['+Inf', 2],
    ],
  },
  {
    namespace: 'trading-staging',
    workload: 'ledger',
    before: { '200': 2, '503': 2 },
    after: { '200': 2, '503': 2 },
    buckets: [
      ['250', 0],
      ['1000', 4],
      ['+Inf', 4],
    ],
  },
];

/** Series of the scenario, shaped as Istio, cAdvisor and kube-state-metrics export them. */
function scenario(start: number): TestPrometheusSeries[] {
  const incident = start + INCIDENT_AFTER;
  const gapFrom = start + GAP_AFTER;
  const gapTo = gapFrom + GAP_SECONDS;
  /** A counter from `from` on, growing at one rate before the incident and another after. */
  const counter =
    (before: number, after: number, from = start) =>
    (t: number) => {
      if (t < from) return undefined;
      return t < incident
        ? (t - from) * before
        : (incident - from) * before + (t - incident) * after;
    };
  const always = (v: number) => () => v;
  const ksm = { job: 'kube-state-metrics', instance: '10.0.2.9:8080' };
  const series: TestPrometheusSeries[] = [];

  for (const t of traffic) {
    const destination = {
      connection_security_policy: 'mutual_tls',
      destination_canonical_service: t.workload,
      destination_cluster: 'prod-east-b',
      destination_principal: `spiffe://cluster.local/ns/${t.namespace}/sa/${t.workload}`,
      destination_service: `${t.workload}.${t.namespace}.svc.cluster.local`,
      destination_service_name: t.workload,
      destination_service_namespace: t.namespace,
      destination_workload: t.workload,
      destination_workload_namespace: t.namespace,
      request_protocol: 'http',
      source_workload: 'order-gateway',
      source_workload_namespace: t.namespace,
    };
    const codes = new Set([...Object.keys(t.before), ...Object.keys(t.after)]);
    for (const reporter of ['destination', 'source']) {
      for (const code of codes) {
        series.push({
          name: 'istio_requests_total',
          labels: { ...destination, reporter, response_code: code },
          // A response code's series appears with its first response.
          value: counter(
            t.before[code] ?? 0,
            t.after[code] ?? 0,
            t.before[code] ? start : incident,
          ),
        });
      }
      const histogram = { ...destination, reporter, response_code: '200' };
      // The caller's side also counts the network: one bucket slower.
      t.buckets.forEach(([le, perSecond], i) => {
        const seen =
          reporter === 'destination' || le === '+Inf'
            ? perSecond
            : t.buckets[i - 1]?.[1] ?? 0;
        series.push({
          name: 'istio_request_duration_milliseconds_bucket',
          labels: { ...histogram, le },
          value: counter(seen, seen),
        });
      });
    }
    // The client-side timeouts only the caller reports.
    series.push({
      name: 'istio_requests_total',
      labels: { ...destination, reporter: 'source', response_code: '504' },
      value: counter(5, 5),
    });
  }

  for (const rs of replicaSets) {
    series.push({
      name: 'kube_replicaset_owner',
      labels: {
        ...ksm,
        namespace: rs.namespace,
        replicaset: rs.name,
        owner_kind: 'Deployment',
        owner_name: rs.deployment,
        owner_is_controller: 'true',
      },
      value: always(1),
    });
  }

  for (const pod of pods) {
    const podLabels = { namespace: pod.namespace, pod: pod.name };
    series.push({
      name: 'kube_pod_owner',
      labels: {
        ...ksm,
        ...podLabels,
        owner_kind: pod.owner.kind,
        owner_name: pod.owner.name,
        owner_is_controller: 'true',
        uid: `uid-${pod.name}`,
      },
      value: always(1),
    });
    for (const phase of [
      'Pending',
      'Running',
      'Succeeded',
      'Failed',
      'Unknown',
    ]) {
      series.push({
        name: 'kube_pod_status_phase',
        labels: { ...ksm, ...podLabels, phase, uid: `uid-${pod.name}` },
        value: always(phase === pod.phase ? 1 : 0),
      });
    }
    const cadvisor = {
      job: 'kubelet',
      metrics_path: '/metrics/cadvisor',
      instance: pod.node,
      node: pod.node,
      ...podLabels,
    };
    // The kubelet of node-a is unreachable for three minutes.
    const scraped = (v: (t: number) => number | undefined) => (t: number) =>
      pod.node === 'node-a' && t >= gapFrom && t < gapTo ? undefined : v(t);
    const running = Object.values(pod.containers).filter(c => c.cores);
    if (running.length) {
      // The pod's own cgroup: the sum of its containers, with container="".
      const podCores = running.reduce((s, c) => s + c.cores![0], 0);
      const podCoresAfter = running.reduce((s, c) => s + c.cores![1], 0);
      series.push(
        {
          name: 'container_cpu_usage_seconds_total',
          labels: {
            ...cadvisor,
            container: '',
            id: `/kubepods/pod${pod.name}`,
          },
          value: scraped(counter(podCores, podCoresAfter)),
        },
        {
          name: 'container_memory_working_set_bytes',
          labels: {
            ...cadvisor,
            container: '',
            id: `/kubepods/pod${pod.name}`,
          },
          value: scraped(
            always(running.reduce((s, c) => s + c.workingSetBytes!, 0)),
          ),
        },
      );
    }
    for (const [container, c] of Object.entries(pod.containers)) {
      for (const [resource, unit, limit] of [
        ['cpu', 'core', c.limitCores],
        ['memory', 'byte', c.limitBytes],
      ] as const) {
        series.push({
          name: 'kube_pod_container_resource_limits',
          labels: {
            ...ksm,
            ...podLabels,
            container,
            node: pod.node,
            resource,
            unit,
          },
          value: always(limit),
        });
      }
      if (!c.cores) continue;
      const id = `/kubepods/pod${pod.name}/${container}`;
      const image = `registry.example.com/${container}:1.0`;
      series.push(
        {
          name: 'container_cpu_usage_seconds_total',
          labels: { ...cadvisor, container, id, image, cpu: 'total' },
          value: scraped(counter(c.cores[0], c.cores[1])),
        },
        {
          name: 'container_memory_working_set_bytes',
          labels: { ...cadvisor, container, id, image },
          value: scraped(always(c.workingSetBytes!)),
        },
      );
    }
  }
  return series;
}

describeWithTestPrometheus('featureSeriesOf against a real Prometheus', () => {
  let prometheus: TestPrometheus | undefined;
  let start: number;
  let end: number;
  let queryStart: number;
  let client: PrometheusClient;

  beforeAll(async () => {
    ({ startSeconds: start, endSeconds: end } = backfillRange(40 * 60, STEP));
    queryStart = start + QUERY_AFTER;
    prometheus = await startTestPrometheus({
      series: scenario(start),
      startSeconds: start,
      endSeconds: end,
      stepSeconds: STEP,
    });
    client = new PrometheusClient({ url: prometheus.url });
  }, 60_000);

  afterAll(async () => {
    await prometheus?.stop();
  }, 15_000);

  /** The feature series, one entry per 15-second step from queryStart to end. */
  async function feature(
    service: string,
    metric: FeatureMetric,
    namespace = 'trading',
  ) {
    const series = featureSeriesOf({ prometheus: client } as ClusterHandle)!;
    return series({
      cluster: 'prod-east-b',
      namespace,
      service,
      metric,
      start: new Date(queryStart * 1000),
      end: new Date(end * 1000),
      stepSeconds: STEP,
    });
  }

  /** The value at `secondsIn` seconds after the data starts. */
  function at(values: number[] | undefined, secondsIn: number): number {
    expect(values).toBeDefined();
    return values![(start + secondsIn - queryStart) / STEP];
  }

  const points = () => (end - queryStart) / STEP + 1;
  const beforeIncident = INCIDENT_AFTER - 60;
  const afterIncident = INCIDENT_AFTER + 2 * 60;
  const last = 40 * 60;

  it('reads 0 errors before the incident and 5 % after, destination side only', async () => {
    const values = await feature('ledger', 'error_rate');
    expect(values).toHaveLength(points());
    expect(at(values, QUERY_AFTER)).toBe(0);
    expect(at(values, beforeIncident)).toBe(0);
    expect(at(values, afterIncident)).toBeCloseTo(0.05, 6);
    expect(at(values, last)).toBeCloseTo(0.05, 6);
  });

  it('reads the error rate of the workload in its own namespace only', async () => {
    expect(
      at(await feature('ledger-archiver', 'error_rate'), last),
    ).toBeCloseTo(0.5, 6);
    expect(
      at(await feature('ledger', 'error_rate', 'trading-staging'), last),
    ).toBeCloseTo(0.5, 6);
  });

  it('interpolates p99 latency within its bucket', async () => {
    const values = await feature('ledger', 'lat_99');
    expect(values).toHaveLength(points());
    for (const secondsIn of [QUERY_AFTER, afterIncident, last]) {
      const p99 = at(values, secondsIn);
      expect(p99).toBeGreaterThan(50);
      expect(p99).toBeLessThanOrEqual(100);
      expect(p99).toBeCloseTo(50 + (50 * 0.2) / 0.3, 6);
    }
    // Staging's ledger: none within 250 ms, all within 1 s.
    expect(
      at(await feature('ledger', 'lat_99', 'trading-staging'), last),
    ).toBeCloseTo(250 + 750 * (3.96 / 4), 6);
  });

  it('measures CPU of the running pods of the workload against their limits', async () => {
    const values = await feature('ledger', 'cpu');
    expect(values).toHaveLength(points());
    // 0.3 + 0.05 + 0.5 + 0.05 cores of 2 × 1.5.
    expect(at(values, QUERY_AFTER)).toBeCloseTo(0.3, 6);
    expect(at(values, beforeIncident)).toBeCloseTo(0.3, 6);
    // 0.3 + 0.05 + 0.95 + 0.05 cores.
    expect(at(values, afterIncident)).toBeCloseTo(0.45, 6);
    expect(at(values, last)).toBeCloseTo(0.45, 6);
  });

  it('keeps missed scrapes in place as NaN', async () => {
    const values = await feature('ledger', 'cpu');
    expect(values).toHaveLength(points());
    expect(at(values, GAP_AFTER + GAP_SECONDS / 2)).toBeNaN();
    expect(at(values, GAP_AFTER - 60)).toBeCloseTo(0.3, 6);
    expect(at(values, GAP_AFTER + GAP_SECONDS + 60)).toBeCloseTo(0.3, 6);
  });

  it('measures memory of the running pods of the workload against their limits', async () => {
    const values = await feature('ledger', 'mem');
    expect(values).toHaveLength(points());
    // 2 × (400 + 112) MiB of 2 × (768 + 256) MiB.
    expect(at(values, QUERY_AFTER)).toBeCloseTo(0.5, 6);
    expect(at(values, last)).toBeCloseTo(0.5, 6);
  });

  it('tells workloads apart when one name prefixes another', async () => {
    expect(at(await feature('ledger-archiver', 'cpu'), last)).toBeCloseTo(
      0.9,
      6,
    );
    expect(at(await feature('ledger-archiver', 'mem'), last)).toBeCloseTo(
      1900 / 2048,
      6,
    );
    // A StatefulSet owns its pods directly.
    expect(at(await feature('ledger-db', 'cpu'), last)).toBeCloseTo(0.2, 6);
    expect(at(await feature('ledger-db', 'mem'), last)).toBeCloseTo(0.375, 6);
    expect(
      at(await feature('ledger', 'cpu', 'trading-staging'), last),
    ).toBeCloseTo(0.9, 6);
  });

  it('has no series for a workload without samples', async () => {
    for (const metric of ['error_rate', 'lat_99', 'cpu', 'mem'] as const) {
      expect(await feature('ledger-reports', metric)).toBeUndefined();
    }
  });
});
