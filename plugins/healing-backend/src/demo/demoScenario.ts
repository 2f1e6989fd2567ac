import {
  FeatureMetric,
  FeatureRequest,
  seededRandom,
} from '@cloud-native-platform/plugin-healing-common';

const MINUTE_MS = 60_000;

/** How one feature of one service leaves its normal level around an incident. */
export interface DemoAnomaly {
  service: string;
  metric: FeatureMetric;
  /** Level the metric reaches, as a multiple of its normal level. */
  factor: number;
  /** Seconds from onset to the full level: 0 is a step. */
  rampSeconds: number;
}

/**
 * One incident of the demo: the alert Alertmanager would have sent, when
 * the engine decided on it, when it resolved, and what the metrics did.
 *
 * @public
 */
export interface DemoIncident {
  fingerprint: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Minutes before the replay the alert started firing. */
  startedMinutesAgo: number;
  /** Minutes after the start the resolved notification came; none: still firing. */
  resolvedAfterMinutes?: number;
  /** The metrics move this long before the alert fires (its `for:` delay and more). */
  onsetMinutesBefore: number;
  anomalies: DemoAnomaly[];
}

/** risk-service's crash-looping pod in prod-east-b, as the design document tells it. */
const RISK_SERVICE_CRASH_LOOP: DemoIncident = {
  fingerprint: 'demo-risk-service-crash-loop',
  labels: {
    alertname: 'KubePodCrashLooping',
    severity: 'critical',
    cluster: 'prod-east-b',
    namespace: 'trading',
    pod: 'risk-service-bbffd545bd-9xlqz',
    container: 'risk-service',
  },
  annotations: {
    summary:
      'Pod trading/risk-service-bbffd545bd-9xlqz is crash looping (5 restarts in 10 minutes)',
  },
  startedMinutesAgo: 300,
  resolvedAfterMinutes: 4,
  // kube-prometheus's KubePodCrashLooping waits 15 minutes; the failing
  // pod's share of requests (half of them) has failed since.
  onsetMinutesBefore: 15,
  anomalies: [
    {
      service: 'risk-service',
      metric: 'error_rate',
      factor: 250,
      rampSeconds: 120,
    },
    { service: 'risk-service', metric: 'lat_99', factor: 3, rampSeconds: 90 },
    { service: 'risk-service', metric: 'mem', factor: 1.6, rampSeconds: 60 },
  ],
};

/**
 * The incidents of the design document's cases, on the demo fleet of
 * examples/clusters: a crash-looping risk-service pod in prod-east-b (twice,
 * an hour and a half apart), the
 * flash-sale surge in prod-east-a's commerce namespace, and prod-east-a's
 * zone failing under the trading engine.
 *
 * @public
 */
export const DEMO_INCIDENTS: readonly DemoIncident[] = [
  {
    ...RISK_SERVICE_CRASH_LOOP,
    fingerprint: 'demo-risk-service-crash-loop-earlier',
    // The same crash loop an hour and a half earlier: its verified restart
    // is the evidence the later one's action choice shows.
    startedMinutesAgo: 390,
  },
  RISK_SERVICE_CRASH_LOOP,
  {
    fingerprint: 'demo-prod-east-a-zone-failure',
    labels: {
      alertname: 'ZoneUnavailable',
      severity: 'critical',
      cluster: 'prod-east-a',
      zone: 'cn-east-1a',
      namespace: 'trading',
      deployment: 'trading-engine',
    },
    annotations: {
      summary:
        'Zone cn-east-1a of prod-east-a: trading-engine error rate above 20 % for 2 minutes',
    },
    startedMinutesAgo: 130,
    resolvedAfterMinutes: 12,
    // The zone's errors climbed for four minutes before they passed 20 %,
    // then the rule waited its two minutes.
    onsetMinutesBefore: 6,
    anomalies: [
      {
        service: 'trading-engine',
        metric: 'error_rate',
        factor: 200,
        rampSeconds: 0,
      },
      {
        service: 'trading-engine',
        metric: 'lat_99',
        factor: 9,
        rampSeconds: 30,
      },
      {
        service: 'order-gateway',
        metric: 'error_rate',
        factor: 6,
        rampSeconds: 60,
      },
    ],
  },
  {
    fingerprint: 'demo-flash-sale-surge',
    labels: {
      alertname: 'FlashSaleLatencyHigh',
      severity: 'warning',
      cluster: 'prod-east-a',
      namespace: 'commerce',
      deployment: 'flash-sale',
    },
    annotations: {
      summary:
        'flash-sale p99 latency 640 ms (SLO 200 ms) with CPU at 97 % of its limit',
    },
    startedMinutesAgo: 25,
    // The sale opened eight minutes before the latency alert fired.
    onsetMinutesBefore: 8,
    anomalies: [
      { service: 'flash-sale', metric: 'lat_99', factor: 8, rampSeconds: 180 },
      { service: 'flash-sale', metric: 'cpu', factor: 1.75, rampSeconds: 120 },
      {
        service: 'flash-sale',
        metric: 'error_rate',
        factor: 5,
        rampSeconds: 180,
      },
    ],
  },
];

/** Normal level and relative noise of each feature. */
const NORMAL: Record<FeatureMetric, { level: number; noise: number }> = {
  error_rate: { level: 0.002, noise: 0.15 },
  lat_99: { level: 80, noise: 0.06 },
  cpu: { level: 0.55, noise: 0.05 },
  mem: { level: 0.6, noise: 0.02 },
};

function seedOf(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++)
    h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** When an incident's alert started and resolved, relative to `now`. */
export function incidentTimes(incident: DemoIncident, now: Date) {
  const startsAt = new Date(
    now.getTime() - incident.startedMinutesAgo * MINUTE_MS,
  );
  const endsAt =
    incident.resolvedAfterMinutes === undefined
      ? undefined
      : new Date(
          startsAt.getTime() + incident.resolvedAfterMinutes * MINUTE_MS,
        );
  return { startsAt, endsAt };
}

/**
 * The demo's feature source: deterministic noisy series at each feature's
 * normal level, with the incidents' anomalies where their cluster,
 * namespace and service match. The demo has no Prometheus, so this stands
 * in for it during the replay only.
 *
 * @public
 */
export function demoFeatureSeries(
  incidents: readonly DemoIncident[],
  now: Date,
) {
  return async (request: FeatureRequest): Promise<number[]> => {
    const { metric, service, cluster, namespace } = request;
    const normal = NORMAL[metric];
    const stepMs = request.stepSeconds * 1000;
    const points =
      Math.floor((request.end.getTime() - request.start.getTime()) / stepMs) +
      1;
    // Seeded and shaped by the time relative to `now`, never by the clock,
    // so that every replay decides alike whenever it runs.
    const random = seededRandom(
      seedOf(
        `${cluster}/${namespace}/${service}/${metric}/${
          request.start.getTime() - now.getTime()
        }`,
      ),
    );
    const active = incidents.flatMap(incident => {
      if (
        incident.labels.cluster !== cluster ||
        incident.labels.namespace !== namespace
      ) {
        return [];
      }
      const { startsAt, endsAt } = incidentTimes(incident, now);
      const onset =
        startsAt.getTime() - incident.onsetMinutesBefore * MINUTE_MS;
      // A resolved incident's metrics are back to normal from then on.
      const end = endsAt?.getTime() ?? Infinity;
      return incident.anomalies
        .filter(a => a.service === service && a.metric === metric)
        .map(a => ({ ...a, onset, end }));
    });
    return Array.from({ length: points }, (_, i) => {
      const at = request.start.getTime() + i * stepMs;
      let factor = 1;
      for (const a of active) {
        if (at < a.onset || at > a.end) continue;
        const rise = a.rampSeconds
          ? Math.min(1, (at - a.onset) / (a.rampSeconds * 1000))
          : 1;
        factor *= 1 + (a.factor - 1) * rise;
      }
      const wave =
        1 +
        0.03 *
          Math.sin((2 * Math.PI * (at - now.getTime())) / (45 * MINUTE_MS));
      const noise = 1 + normal.noise * (random() * 2 - 1);
      return normal.level * factor * wave * noise;
    });
  };
}
