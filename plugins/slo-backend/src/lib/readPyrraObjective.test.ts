import type { PyrraServiceLevelObjective } from '@cloud-native-platform/plugin-cloud-native-common';
import { readPyrraObjective } from './readPyrraObjective';

const slo = (
  spec: PyrraServiceLevelObjective['spec'],
  labels?: Record<string, string>,
): PyrraServiceLevelObjective => ({
  apiVersion: 'pyrra.dev/v1alpha1',
  kind: 'ServiceLevelObjective',
  metadata: { name: 'trading-engine-latency', namespace: 'trading', labels },
  spec,
});

describe('readPyrraObjective', () => {
  it('reads a ratio indicator as error and total rates', () => {
    const { definitions, errors } = readPyrraObjective(
      slo(
        {
          target: '99.9',
          window: '4w',
          indicator: {
            ratio: {
              errors: { metric: 'http_requests_total{job="api",code=~"5.."}' },
              total: { metric: 'http_requests_total{job="api"}' },
              grouping: ['route'],
            },
          },
        },
        { 'app.kubernetes.io/name': 'api' },
      ),
      'prod-east-b',
    );
    expect(errors).toEqual([]);
    expect(definitions).toEqual([
      {
        service: 'api',
        name: 'trading-engine-latency',
        kind: 'availability',
        source: 'pyrra',
        definedIn:
          'prod-east-b/trading/ServiceLevelObjective/trading-engine-latency',
        objective: 0.999,
        window: '4w',
        queries: {
          errorQuery:
            'sum(rate(http_requests_total{job="api",code=~"5.."}[$window]))',
          totalQuery: 'sum(rate(http_requests_total{job="api"}[$window]))',
        },
        alertRules: ['ErrorBudgetBurn'],
        alertLabels: { slo: 'trading-engine-latency' },
        cluster: 'prod-east-b',
      },
    ]);
  });

  it('reads a latency indicator: the threshold from le, the histogram for the p99', () => {
    const { definitions } = readPyrraObjective(
      slo(
        {
          target: '99',
          indicator: {
            latency: {
              success: {
                metric:
                  'istio_request_duration_milliseconds_bucket{destination_workload="trading-engine",le="200"}',
              },
              total: {
                metric:
                  'istio_request_duration_milliseconds_count{destination_workload="trading-engine"}',
              },
            },
          },
          alerting: { name: 'TradingEngineLatencyBudgetBurn' },
        },
        { 'backstage.io/kubernetes-id': 'trading-engine' },
      ),
      'prod-east-a',
    );
    expect(definitions).toEqual([
      expect.objectContaining({
        service: 'trading-engine',
        kind: 'latency',
        window: '28d',
        objective: 0.99,
        alertRules: ['TradingEngineLatencyBudgetBurn'],
        queries: {
          errorQuery:
            '(sum(rate(istio_request_duration_milliseconds_count{destination_workload="trading-engine"}[$window])) - sum(rate(istio_request_duration_milliseconds_bucket{destination_workload="trading-engine",le="200"}[$window])))',
          totalQuery:
            'sum(rate(istio_request_duration_milliseconds_count{destination_workload="trading-engine"}[$window]))',
        },
        latency: {
          thresholdSeconds: 0.2,
          histogram: {
            metric: 'istio_request_duration_milliseconds',
            matchers: 'destination_workload="trading-engine"',
            unit: 'milliseconds',
          },
        },
      }),
    ]);
  });

  it('names no alert when Pyrra writes none', () => {
    const ratio = { errors: { metric: 'e' }, total: { metric: 't' } };
    for (const alerting of [{ disabled: true }, { burnrates: false }]) {
      const [d] = readPyrraObjective(
        slo({ target: '99', alerting, indicator: { ratio } }),
        'c',
      ).definitions;
      expect(d.alertRules).toEqual([]);
    }
  });

  it.each([
    [
      { target: '100', indicator: {} },
      'spec.target must be a percentage between 0 and 100, got 100',
    ],
    [
      { indicator: {} },
      'spec.target must be a percentage between 0 and 100, got undefined',
    ],
    [
      { target: '99', window: '1 month' },
      "spec.window '1 month' is not a Prometheus duration",
    ],
    [
      { target: '99', indicator: { ratio: { total: { metric: 'x' } } } },
      'spec.indicator.ratio needs errors.metric and total.metric',
    ],
    [
      {
        target: '99',
        indicator: {
          latency: {
            success: { metric: 'h_bucket{job="a"}' },
            total: { metric: 'h_count' },
          },
        },
      },
      `spec.indicator.latency.success.metric 'h_bucket{job="a"}' is not a histogram bucket with an le bound`,
    ],
    [
      { target: '99', indicator: { bool_gauge: { metric: 'up' } } },
      'bool_gauge indicators are not supported; use ratio or latency',
    ],
    [{ target: '99' }, 'spec.indicator has neither ratio nor latency'],
  ] as Array<[PyrraServiceLevelObjective['spec'], string]>)(
    'refuses %j: %s',
    (spec, message) => {
      const result = readPyrraObjective(slo(spec), 'c');
      expect(result.definitions).toEqual([]);
      expect(result.errors).toEqual([
        {
          cluster: 'c',
          service: 'trading-engine-latency',
          definedIn: 'c/trading/ServiceLevelObjective/trading-engine-latency',
          message,
        },
      ]);
    },
  );
});
