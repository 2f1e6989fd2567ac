import { formatPromDuration, trafficQueries } from './trafficQueries';

describe('formatPromDuration', () => {
  it.each([
    [300_000, '5m'],
    [60_000, '1m'],
    [3_600_000, '1h'],
    [86_400_000, '1d'],
    [90_000, '90s'],
    [5_400_000, '90m'],
    [1_500, '1500ms'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(formatPromDuration(ms)).toBe(text);
  });

  it.each([0, -60_000, 1.5, Number.NaN, Infinity])('rejects %p', ms => {
    expect(() => formatPromDuration(ms)).toThrow(RangeError);
  });
});

describe('trafficQueries', () => {
  const by =
    'source_cluster, source_workload, source_workload_namespace, destination_cluster, destination_workload, destination_workload_namespace';

  it('asks one cluster-wide query per metric', () => {
    expect(trafficQueries(300_000)).toEqual({
      requests: `sum by (${by}) (rate(istio_requests_total{reporter="destination"}[5m]))`,
      errors: `sum by (${by}) (rate(istio_requests_total{reporter="destination",response_code=~"5.."}[5m]))`,
      mtls: `sum by (${by}) (rate(istio_requests_total{reporter="destination",connection_security_policy="mutual_tls"}[5m]))`,
      p50: `histogram_quantile(0.5, sum by (le, ${by}) (rate(istio_request_duration_milliseconds_bucket{reporter="destination"}[5m])))`,
      p99: `histogram_quantile(0.99, sum by (le, ${by}) (rate(istio_request_duration_milliseconds_bucket{reporter="destination"}[5m])))`,
      tcpSentBytes: `sum by (${by}) (rate(istio_tcp_sent_bytes_total{reporter="destination"}[5m]))`,
    });
  });

  it('never narrows a query to a namespace or a workload', () => {
    for (const query of Object.values(trafficQueries(60_000))) {
      expect(query).not.toMatch(/namespace\s*=|workload\s*=/);
    }
  });
});
