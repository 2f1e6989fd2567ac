import {
  fillSloQuery,
  parsePrometheusDuration,
  redactText,
} from '@cloud-native-platform/plugin-cloud-native-common';
import type {
  ClusterHandle,
  PrometheusAlert,
  PrometheusClient,
  PrometheusSeries,
} from '@cloud-native-platform/plugin-cloud-native-node';
import type {
  SloAlert,
  SloLatency,
  SloObjective,
  SloTrendPoint,
} from '@cloud-native-platform/plugin-slo-common';
import { MergedSlo, SloTarget } from '../lib/mergeDefinitions';
import {
  BURN_WINDOWS,
  budgetRemaining,
  ClusterReading,
  errorRatioOf,
  EventRates,
  HistogramBucket,
  histogramQuantile,
  sloStatus,
  sumClusters,
} from '../lib/sloFigures';
import { SloDefinition, SloQueries } from '../lib/SloDefinition';

/** The quantile latency SLOs report, and the window it is read over. */
const LATENCY_QUANTILE = 0.99;
const LATENCY_WINDOW = '5m';

/** The clusters of the fleet by name, as the cluster state holds them. */
export type ClusterLookup = (name: string) => ClusterHandle | undefined;

/** One evaluation's view of the fleet: alerts are fetched once per cluster. */
export class FleetReader {
  private readonly alertsByCluster = new Map<
    string,
    Promise<PrometheusAlert[]>
  >();

  constructor(private readonly lookup: ClusterLookup, readonly at: Date) {}

  /** The cluster's Prometheus, or why there is none. */
  prometheus(cluster: string): PrometheusClient | string {
    const handle = this.lookup(cluster);
    if (!handle) return `cluster ${cluster} is not configured`;
    if (!handle.prometheus) {
      return `cluster ${cluster} has no Prometheus configured (cloudNativePlatform.clusters[].prometheus.url)`;
    }
    return handle.prometheus;
  }

  alerts(
    cluster: string,
    client: PrometheusClient,
  ): Promise<PrometheusAlert[]> {
    let alerts = this.alertsByCluster.get(cluster);
    if (!alerts) {
      alerts = client.alerts();
      this.alertsByCluster.set(cluster, alerts);
    }
    return alerts;
  }
}

function sumOf(series: PrometheusSeries[]): number | null {
  let sum: number | null = null;
  for (const s of series) {
    const value = s.values[s.values.length - 1]?.[1];
    if (value === undefined || !Number.isFinite(value)) continue;
    sum = (sum ?? 0) + value;
  }
  return sum;
}

async function eventRates(
  client: PrometheusClient,
  queries: SloQueries,
  window: string,
  cluster: string,
  at: Date,
): Promise<EventRates> {
  const fill = (q: string) => fillSloQuery(q, window, cluster);
  if (queries.errorRatioQuery !== undefined) {
    const ratio = sumOf(await client.query(fill(queries.errorRatioQuery), at));
    return { errors: ratio, total: ratio === null ? null : 1 };
  }
  const [errors, total] = await Promise.all([
    client.query(fill(queries.errorQuery), at),
    client.query(fill(queries.totalQuery), at),
  ]);
  const totalRate = sumOf(total);
  // No bad events in a window with traffic is a series-less error query.
  return {
    errors: sumOf(errors) ?? (totalRate === null ? null : 0),
    total: totalRate,
  };
}

/** An error for the answer: a Prometheus URL may carry a password. */
function message(error: unknown): string {
  return redactText(error instanceof Error ? error.message : String(error));
}

function belongsTo(
  alert: PrometheusAlert,
  cluster: string,
  rules: string[],
  labels: Record<string, string>,
): boolean {
  if (!rules.includes(alert.labels.alertname)) return false;
  // A Prometheus holding several clusters' series labels their alerts.
  if (alert.labels.cluster !== undefined && alert.labels.cluster !== cluster) {
    return false;
  }
  return Object.entries(labels).every(
    ([key, value]) =>
      alert.labels[key] === undefined || alert.labels[key] === value,
  );
}

/** Sums histogram buckets of every cluster by bound. */
function addBuckets(into: Map<number, number>, series: PrometheusSeries[]) {
  for (const s of series) {
    const le = s.metric.le === '+Inf' ? Infinity : Number(s.metric.le);
    const value = s.values[s.values.length - 1]?.[1];
    if (Number.isNaN(le) || value === undefined || !Number.isFinite(value)) {
      continue;
    }
    into.set(le, (into.get(le) ?? 0) + value);
  }
}

/** The seconds of an SLO's window; definitions are checked when read. */
export function windowSeconds(definition: SloDefinition): number {
  return parsePrometheusDuration(definition.window) ?? 30 * 86_400;
}

/**
 * Reads one SLO from each of its clusters' Prometheus and sums them: the
 * budget over the window, burn rates, alerts firing and, for latency SLOs,
 * the p99 of the summed histogram. A cluster that fails is reported in its
 * share and leaves the others counted.
 */
export async function evaluateSlo(
  slo: MergedSlo,
  fleet: FleetReader,
  owner: { entityRef?: string; team?: string },
): Promise<SloObjective> {
  const { definition } = slo;
  const seconds = windowSeconds(definition);
  const active: SloAlert[] = [];
  const buckets = new Map<number, number>();
  let latencyRead = false;

  async function readTarget(target: SloTarget): Promise<ClusterReading> {
    const { cluster, queries } = target;
    const client = fleet.prometheus(cluster);
    const empty = { window: { errors: null, total: null }, burn: {} };
    if (typeof client === 'string') return { cluster, error: client, ...empty };
    const raw = queries.errorRatioQuery !== undefined;
    try {
      const histogram = target.latency?.histogram;
      const [window, burns, alerts, latency] = await Promise.all([
        eventRates(client, queries, definition.window, cluster, fleet.at),
        Promise.all(
          BURN_WINDOWS.map(([w]) =>
            eventRates(client, queries, w, cluster, fleet.at),
          ),
        ),
        slo.alertRules.length
          ? fleet.alerts(cluster, client)
          : Promise.resolve([]),
        histogram
          ? client.query(
              `sum by (le) (rate(${histogram.metric}_bucket${
                histogram.matchers
                  ? `{${fillSloQuery(
                      histogram.matchers,
                      LATENCY_WINDOW,
                      cluster,
                    )}}`
                  : ''
              }[${LATENCY_WINDOW}]))`,
              fleet.at,
            )
          : Promise.resolve(undefined),
      ]);
      for (const alert of alerts) {
        if (
          !belongsTo(alert, cluster, slo.alertRules, definition.alertLabels)
        ) {
          continue;
        }
        active.push({
          name: alert.labels.alertname,
          cluster,
          state: alert.state,
          ...(alert.labels.severity && { severity: alert.labels.severity }),
          ...(alert.activeAt && { activeAt: alert.activeAt }),
        });
      }
      if (latency) {
        latencyRead = true;
        addBuckets(buckets, latency);
      }
      return {
        cluster,
        raw,
        window,
        burn: Object.fromEntries(BURN_WINDOWS.map(([w], i) => [w, burns[i]])),
      };
    } catch (error) {
      return { cluster, error: message(error), ...empty };
    }
  }

  const readings = await Promise.all(slo.targets.map(readTarget));
  const totals = sumClusters(definition.objective, seconds, readings);
  let latency: SloLatency | undefined;
  const threshold = definition.latency?.thresholdSeconds;
  if (definition.kind === 'latency' && threshold !== undefined) {
    const histogram = definition.latency?.histogram;
    const quantile = latencyRead
      ? histogramQuantile(
          LATENCY_QUANTILE,
          [...buckets].map(([le, count]): HistogramBucket => ({ le, count })),
        )
      : null;
    const perSecond = histogram?.unit === 'milliseconds' ? 1000 : 1;
    const observedSeconds = quantile === null ? null : quantile / perSecond;
    latency = {
      quantile: LATENCY_QUANTILE,
      thresholdSeconds: threshold,
      observedSeconds,
      met: observedSeconds === null ? null : observedSeconds <= threshold,
    };
  }
  const seen = new Set<string>();
  const alerts = active.filter(a => {
    const key = `${a.cluster}/${a.name}/${a.severity}/${a.activeAt}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    name: definition.name,
    service: definition.service,
    ...(owner.entityRef && { entityRef: owner.entityRef }),
    ...(owner.team && { team: owner.team }),
    kind: definition.kind,
    source: definition.source,
    definedIn: definition.definedIn,
    objective: definition.objective,
    window: definition.window,
    errorBudgetRemaining: totals.errorBudgetRemaining,
    errorRatio: totals.errorRatio,
    burnRates: totals.burnRates,
    alerting: { rules: slo.alertRules, active: alerts },
    ...(latency && { latency }),
    clusters: totals.clusters,
    status: sloStatus(totals.errorBudgetRemaining, alerts),
  };
}

/**
 * The budget left over the window ending at each of `points` instants
 * spread over the last window, summed across clusters with Prometheus
 * range queries; clusters that fail are left out and named.
 */
export async function sloTrend(
  slo: MergedSlo,
  fleet: FleetReader,
  points: number,
): Promise<{
  points: SloTrendPoint[];
  errors: Array<{ cluster: string; message: string }>;
}> {
  const { definition } = slo;
  const seconds = windowSeconds(definition);
  const endMs = fleet.at.getTime();
  const step = Math.max(1, Math.floor(seconds / Math.max(1, points - 1)));
  const start = new Date(endMs - step * (points - 1) * 1000);
  const times = Array.from({ length: points }, (_, i) =>
    Math.round(start.getTime() / 1000 + i * step),
  );
  const sums = times.map((): EventRates[] => []);
  const errors: Array<{ cluster: string; message: string }> = [];
  await Promise.all(
    slo.targets.map(async ({ cluster, queries }) => {
      const client = fleet.prometheus(cluster);
      if (typeof client === 'string') {
        errors.push({ cluster, message: client });
        return;
      }
      const fill = (q: string) => fillSloQuery(q, definition.window, cluster);
      const range = (q: string) =>
        client.queryRange(fill(q), start, fleet.at, step);
      try {
        const byTime = (series: PrometheusSeries[]) => {
          const out = new Map<number, number>();
          for (const s of series) {
            for (const [t, v] of s.values) {
              if (!Number.isFinite(v)) continue;
              const key = Math.round(t);
              out.set(key, (out.get(key) ?? 0) + v);
            }
          }
          return out;
        };
        if (queries.errorRatioQuery !== undefined) {
          const ratio = byTime(await range(queries.errorRatioQuery));
          times.forEach((t, i) => {
            const r = ratio.get(t);
            if (r !== undefined) sums[i].push({ errors: r, total: 1 });
          });
          return;
        }
        const [bad, all] = await Promise.all([
          range(queries.errorQuery),
          range(queries.totalQuery),
        ]);
        const badByTime = byTime(bad);
        const allByTime = byTime(all);
        times.forEach((t, i) => {
          const total = allByTime.get(t);
          if (total !== undefined) {
            sums[i].push({ errors: badByTime.get(t) ?? 0, total });
          }
        });
      } catch (error) {
        errors.push({ cluster, message: message(error) });
      }
    }),
  );
  return {
    points: times.map((t, i) => ({
      time: new Date(t * 1000).toISOString(),
      errorBudgetRemaining: budgetRemaining(
        errorRatioOf(sums[i]),
        definition.objective,
      ),
    })),
    errors,
  };
}
