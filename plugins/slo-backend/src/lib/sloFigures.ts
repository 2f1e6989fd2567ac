import type {
  SloAlert,
  SloBurnRates,
  SloBurnWindow,
  SloClusterShare,
  SloStatus,
} from '@cloud-native-platform/plugin-slo-common';

/** The windows burn rates are reported over, with their length in seconds. */
export const BURN_WINDOWS: ReadonlyArray<[SloBurnWindow, number]> = [
  ['5m', 300],
  ['1h', 3_600],
  ['6h', 21_600],
  ['3d', 259_200],
];

/**
 * Bad and all events of one cluster over one window, as per-second rates;
 * null where Prometheus returned no series. For raw SLIs (an error ratio
 * without counts) `errors` is the ratio and `total` 1.
 */
export interface EventRates {
  errors: number | null;
  total: number | null;
}

/** What one cluster's Prometheus answered for one SLO. */
export interface ClusterReading {
  cluster: string;
  /** Why the cluster has no figures; the rest of the reading is empty then. */
  error?: string;
  /** The SLI gives a ratio, not counts: shares and good/total are unknown. */
  raw?: boolean;
  window: EventRates;
  burn: Partial<Record<SloBurnWindow, EventRates>>;
}

/** The figures of one SLO summed over its clusters. */
export interface SloTotals {
  errorRatio: number | null;
  errorBudgetRemaining: number | null;
  burnRates: SloBurnRates;
  clusters: SloClusterShare[];
}

function usable(r: EventRates | undefined): r is {
  errors: number;
  total: number;
} {
  return (
    r !== undefined &&
    r.errors !== null &&
    r.total !== null &&
    Number.isFinite(r.errors) &&
    Number.isFinite(r.total)
  );
}

/** Σ errors / Σ total over the clusters that have both; null without events. */
export function errorRatioOf(
  rates: Array<EventRates | undefined>,
): number | null {
  let errors = 0;
  let total = 0;
  for (const r of rates) {
    if (!usable(r)) continue;
    errors += r.errors;
    total += r.total;
  }
  return total > 0 ? errors / total : null;
}

/** 1 − errorRatio / (1 − objective): 1 untouched, 0 spent, negative overspent. */
export function budgetRemaining(
  errorRatio: number | null,
  objective: number,
): number | null {
  return errorRatio === null ? null : 1 - errorRatio / (1 - objective);
}

/**
 * Sums the clusters' events: the error ratio and the budget over the SLO
 * window, the burn rate over each burn window, and each cluster's good and
 * total events (rate × window seconds) and share of the total.
 */
export function sumClusters(
  objective: number,
  windowSeconds: number,
  readings: ClusterReading[],
): SloTotals {
  const errorRatio = errorRatioOf(readings.map(r => r.window));
  const burnRates = Object.fromEntries(
    BURN_WINDOWS.map(([w]) => {
      const ratio = errorRatioOf(readings.map(r => r.burn[w]));
      return [w, ratio === null ? null : ratio / (1 - objective)];
    }),
  ) as SloBurnRates;
  const totalEvents = readings.reduce(
    (sum, r) => (!r.raw && usable(r.window) ? sum + r.window.total : sum),
    0,
  );
  const clusters = readings.map((r): SloClusterShare => {
    if (r.error !== undefined) {
      return {
        cluster: r.cluster,
        good: null,
        total: null,
        share: null,
        errorRatio: null,
        error: r.error,
      };
    }
    const w = r.window;
    if (!usable(w)) {
      return {
        cluster: r.cluster,
        good: null,
        total: null,
        share: null,
        errorRatio: null,
      };
    }
    if (r.raw) {
      return {
        cluster: r.cluster,
        good: null,
        total: null,
        share: null,
        errorRatio: w.errors,
      };
    }
    const total = w.total * windowSeconds;
    const good = Math.max(0, (w.total - w.errors) * windowSeconds);
    return {
      cluster: r.cluster,
      good,
      total,
      share: totalEvents > 0 ? w.total / totalEvents : null,
      errorRatio: w.total > 0 ? w.errors / w.total : null,
    };
  });
  return {
    errorRatio,
    errorBudgetRemaining: budgetRemaining(errorRatio, objective),
    burnRates,
    clusters,
  };
}

/**
 * Where the budget stands: no events anywhere is no-data, a spent budget is
 * exhausted, a firing burn-rate alert is burning.
 */
export function sloStatus(
  errorBudgetRemaining: number | null,
  active: SloAlert[],
): SloStatus {
  if (errorBudgetRemaining === null) return 'no-data';
  if (errorBudgetRemaining <= 0) return 'exhausted';
  if (active.some(a => a.state === 'firing')) return 'burning';
  return 'ok';
}

/** One bucket of a cumulative histogram: events at or below `le`. */
export interface HistogramBucket {
  le: number;
  count: number;
}

/**
 * The q-quantile of a cumulative histogram, interpolated linearly within
 * the bucket it falls in, as Prometheus's histogram_quantile does: the
 * lowest bucket starts at 0 and a quantile in the +Inf bucket is the
 * highest finite bound. Null without events or without a +Inf bucket.
 */
export function histogramQuantile(
  q: number,
  input: HistogramBucket[],
): number | null {
  const buckets = [...input].sort((a, b) => a.le - b.le);
  if (buckets.length < 2 || buckets[buckets.length - 1].le !== Infinity) {
    return null;
  }
  // Counts of a sum of rates may dip by rounding; keep them monotonic.
  for (let i = 1; i < buckets.length; i++) {
    if (buckets[i].count < buckets[i - 1].count) {
      buckets[i] = { ...buckets[i], count: buckets[i - 1].count };
    }
  }
  const observations = buckets[buckets.length - 1].count;
  if (!(observations > 0)) return null;
  const rank = q * observations;
  const index = buckets.findIndex(b => b.count >= rank);
  if (index === buckets.length - 1) return buckets[buckets.length - 2].le;
  const upper = buckets[index];
  const lowerBound = index === 0 ? 0 : buckets[index - 1].le;
  const lowerCount = index === 0 ? 0 : buckets[index - 1].count;
  if (index === 0 && upper.le <= 0) return upper.le;
  const inBucket = upper.count - lowerCount;
  if (inBucket <= 0) return upper.le;
  return (
    lowerBound + (upper.le - lowerBound) * ((rank - lowerCount) / inBucket)
  );
}
