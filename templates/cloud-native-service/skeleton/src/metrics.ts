/*
 * The two metrics the service level objectives are computed from, written in
 * the Prometheus text exposition format by hand so that the service needs no
 * dependency: a counter of requests by status code and a histogram of their
 * durations. The latency objective's threshold (${{ values.latencyThresholdSeconds }} s)
 * must stay one of the bucket bounds.
 */

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const requests = new Map<string, number>();
const bucketCounts = BUCKETS.map(() => 0);
let durationSum = 0;
let durationCount = 0;

/** Counts one finished request. */
export function observeRequest(code: number, seconds: number): void {
  const key = String(code);
  requests.set(key, (requests.get(key) ?? 0) + 1);
  BUCKETS.forEach((bound, i) => {
    if (seconds <= bound) bucketCounts[i] += 1;
  });
  durationSum += seconds;
  durationCount += 1;
}

/** The metrics in the text exposition format, version 0.0.4. */
export function renderMetrics(): string {
  const lines = [
    '# HELP http_requests_total Requests served, by status code.',
    '# TYPE http_requests_total counter',
    ...[...requests.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, count]) => `http_requests_total{code="${code}"} ${count}`),
    '# HELP http_request_duration_seconds Time to serve a request.',
    '# TYPE http_request_duration_seconds histogram',
    ...BUCKETS.map(
      (bound, i) => `http_request_duration_seconds_bucket{le="${String(bound)}"} ${bucketCounts[i]}`,
    ),
    `http_request_duration_seconds_bucket{le="+Inf"} ${durationCount}`,
    `http_request_duration_seconds_sum ${durationSum}`,
    `http_request_duration_seconds_count ${durationCount}`,
  ];
  return `${lines.join('\n')}\n`;
}
