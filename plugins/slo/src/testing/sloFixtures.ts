import type {
  SloObjective,
  SloObjectivesResponse,
  SloTrendResponse,
} from '@cloud-native-platform/plugin-slo-common';

/**
 * The SLOs of the demo's trading engine: availability, burning fast in
 * prod-east-a, and p99 latency, overspent; dr-west has no Prometheus.
 */
export const tradingEngineAvailability: SloObjective = {
  name: 'trading-engine-availability',
  service: 'trading-engine',
  entityRef: 'component:default/trading-engine',
  team: 'group:default/trading-team',
  kind: 'availability',
  source: 'generated',
  definedIn: 'prod-east-a/trading/PrometheusRule/trading-engine-slo',
  objective: 0.9999,
  window: '30d',
  errorBudgetRemaining: 0.423,
  errorRatio: 0.0000577,
  burnRates: { '5m': 16.2, '1h': 15.1, '6h': 7.3, '3d': 0.8 },
  alerting: {
    rules: [
      'TradingEngineAvailabilityFastBurn',
      'TradingEngineAvailabilitySlowBurn',
    ],
    active: [
      {
        name: 'TradingEngineAvailabilityFastBurn',
        cluster: 'prod-east-a',
        state: 'firing',
        severity: 'critical',
        activeAt: '2026-12-04T18:40:00Z',
      },
    ],
  },
  clusters: [
    {
      cluster: 'prod-east-a',
      good: 61_993_800,
      total: 62_000_000,
      share: 0.62,
      errorRatio: 0.0001,
    },
    {
      cluster: 'prod-east-b',
      good: 37_998_100,
      total: 38_000_000,
      share: 0.38,
      errorRatio: 0.00005,
    },
    {
      cluster: 'dr-west',
      good: null,
      total: null,
      share: null,
      errorRatio: null,
      error: 'cluster dr-west has no Prometheus configured',
    },
  ],
  status: 'burning',
};

/** The trading engine's p99 latency SLO, overspent. */
export const tradingEngineLatency: SloObjective = {
  name: 'trading-engine-latency',
  service: 'trading-engine',
  entityRef: 'component:default/trading-engine',
  team: 'group:default/trading-team',
  kind: 'latency',
  source: 'sloth',
  definedIn: 'prod-east-a/trading/PrometheusServiceLevel/trading-engine',
  objective: 0.999,
  window: '30d',
  errorBudgetRemaining: -0.125,
  errorRatio: 0.001125,
  burnRates: { '5m': 0.5, '1h': 0.9, '6h': 1.4, '3d': 1.1 },
  alerting: {
    rules: ['TradingEngineLatencyBudgetBurn'],
    active: [
      {
        name: 'TradingEngineLatencyBudgetBurn',
        cluster: 'prod-east-b',
        state: 'pending',
      },
    ],
  },
  latency: {
    quantile: 0.99,
    thresholdSeconds: 0.095,
    observedSeconds: 0.112,
    met: false,
  },
  clusters: [
    {
      cluster: 'prod-east-a',
      good: 61_930_000,
      total: 62_000_000,
      share: 0.62,
      errorRatio: 0.00113,
    },
    {
      cluster: 'prod-east-b',
      good: 37_957_500,
      total: 38_000_000,
      share: 0.38,
      errorRatio: 0.00112,
    },
  ],
  status: 'exhausted',
};

/** `GET /objectives?entityRef=component:default/trading-engine`. */
export const tradingEngineObjectives: SloObjectivesResponse = {
  items: [tradingEngineAvailability, tradingEngineLatency],
  errors: [
    {
      cluster: 'dr-west',
      message: 'cluster dr-west has no Prometheus configured',
    },
  ],
};

const otherSlo = (
  overrides: Partial<SloObjective> &
    Pick<SloObjective, 'name' | 'service' | 'burnRates' | 'status'>,
): SloObjective => ({
  entityRef: `component:default/${overrides.service}`,
  kind: 'availability',
  source: 'pyrra',
  definedIn: `prod-east-a/${overrides.service}/ServiceLevelObjective/${overrides.name}`,
  objective: 0.9995,
  window: '28d',
  errorBudgetRemaining: 0.91,
  errorRatio: 0.000045,
  alerting: { rules: [], active: [] },
  clusters: [],
  ...overrides,
});

/** Every SLO of the fleet, with one cluster that could not be read. */
export const fleetObjectives: SloObjectivesResponse = {
  items: [
    otherSlo({
      name: 'payments-api-availability',
      service: 'payments-api',
      team: 'group:default/payments-team',
      burnRates: { '5m': 0.1, '1h': 0.2, '6h': 0.3, '3d': 0.25 },
      status: 'ok',
    }),
    tradingEngineLatency,
    otherSlo({
      name: 'order-gateway-availability',
      service: 'order-gateway',
      team: 'group:default/trading-team',
      errorBudgetRemaining: 0.78,
      burnRates: { '5m': 2.5, '1h': 2.1, '6h': 6.4, '3d': 1.2 },
      status: 'ok',
    }),
    tradingEngineAvailability,
    otherSlo({
      name: 'quotes-availability',
      service: 'quotes',
      team: 'group:default/payments-team',
      errorBudgetRemaining: 0.66,
      burnRates: { '5m': null, '1h': 2.1, '6h': 0.4, '3d': 0.3 },
      status: 'ok',
    }),
    otherSlo({
      name: 'docs-site-availability',
      service: 'docs-site',
      team: 'group:default/web-team',
      source: 'annotation',
      definedIn: 'component:default/docs-site',
      window: '30d',
      objective: 0.999,
      errorBudgetRemaining: null,
      errorRatio: null,
      burnRates: { '5m': null, '1h': null, '6h': null, '3d': null },
      status: 'no-data',
    }),
    otherSlo({
      name: 'batch-reports-availability',
      service: 'batch-reports',
      team: undefined,
      errorBudgetRemaining: 0.5,
      burnRates: { '5m': 0, '1h': 0, '6h': 0.9, '3d': 0.6 },
      status: 'ok',
    }),
  ],
  errors: [
    {
      cluster: 'dr-west',
      message: 'cluster dr-west has no Prometheus configured',
    },
    {
      cluster: 'prod-east-b',
      definedIn: 'prod-east-b/quotes/ServiceLevelObjective/quotes-latency',
      message: 'the objective 1.5 is not a ratio below 1',
    },
  ],
};

const DAY_MS = 86_400_000;

/** A budget trend of `name` falling linearly from `from` to `to` over 30 days, ending at `end`. */
export function linearTrend(
  name: string,
  from: number,
  to: number,
  options: { end?: string; points?: number; gapAt?: number } = {},
): SloTrendResponse {
  const end = Date.parse(options.end ?? '2026-12-04T18:00:00Z');
  const count = options.points ?? 31;
  const step = (30 * DAY_MS) / (count - 1);
  return {
    name,
    entityRef: 'component:default/trading-engine',
    window: '30d',
    points: Array.from({ length: count }, (_, i) => ({
      time: new Date(end - (count - 1 - i) * step).toISOString(),
      errorBudgetRemaining:
        i === options.gapAt
          ? null
          : Number((from + ((to - from) * i) / (count - 1)).toFixed(4)),
    })),
  };
}
