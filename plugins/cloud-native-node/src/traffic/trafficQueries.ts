/**
 * Labels that identify one edge of the mesh in Istio's standard metrics.
 * Every traffic query aggregates by exactly these, so the series of all
 * queries line up edge by edge.
 *
 * @public
 */
export const TRAFFIC_EDGE_LABELS = [
  'source_cluster',
  'source_workload',
  'source_workload_namespace',
  'destination_cluster',
  'destination_workload',
  'destination_workload_namespace',
] as const;

/**
 * The queries of one traffic measurement, by what they measure.
 *
 * @public
 */
export interface TrafficQueries {
  /** Requests per second. */
  requests: string;
  /** Requests per second answered with a 5xx code. */
  errors: string;
  /** Requests per second over mutual TLS. */
  mtls: string;
  /** Median request duration in milliseconds. */
  p50: string;
  /** 99th percentile request duration in milliseconds. */
  p99: string;
  /** Bytes per second sent over TCP connections. */
  tcpSentBytes: string;
}

const UNITS: Array<[string, number]> = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
  ['ms', 1],
];

/**
 * A window in milliseconds as a PromQL duration, in the largest unit that
 * divides it: 300000 → `5m`, 90000 → `90s`, 1500 → `1500ms`.
 *
 * @throws RangeError when the window is not a positive whole number of
 *   milliseconds.
 * @public
 */
export function formatPromDuration(windowMs: number): string {
  if (!Number.isSafeInteger(windowMs) || windowMs <= 0) {
    throw new RangeError(
      `a traffic window must be a positive whole number of milliseconds, got ${windowMs}`,
    );
  }
  const [unit, size] = UNITS.find(([, ms]) => windowMs % ms === 0)!;
  return `${windowMs / size}${unit}`;
}

/**
 * The PromQL of a traffic measurement over a window.
 *
 * Each query covers a whole Prometheus at once: one query per metric,
 * whatever the number of namespaces and workloads, because a query per
 * namespace or per workload is what makes mesh graphs slow on large
 * clusters. Only the destination side's reports are read, so each request
 * is counted once even when both proxies report it.
 *
 * @public
 */
export function trafficQueries(windowMs: number): TrafficQueries {
  const window = formatPromDuration(windowMs);
  const by = TRAFFIC_EDGE_LABELS.join(', ');
  const requestRate = (extra: string) =>
    `sum by (${by}) (rate(istio_requests_total{reporter="destination"${extra}}[${window}]))`;
  const quantile = (q: string) =>
    `histogram_quantile(${q}, sum by (le, ${by}) (rate(istio_request_duration_milliseconds_bucket{reporter="destination"}[${window}])))`;
  return {
    requests: requestRate(''),
    errors: requestRate(',response_code=~"5.."'),
    mtls: requestRate(',connection_security_policy="mutual_tls"'),
    p50: quantile('0.5'),
    p99: quantile('0.99'),
    tcpSentBytes: `sum by (${by}) (rate(istio_tcp_sent_bytes_total{reporter="destination"}[${window}]))`,
  };
}
