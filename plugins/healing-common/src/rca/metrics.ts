/**
 * Per-metric samples of one period, keyed by column name (`<service>_cpu`, …).
 *
 * @public
 */
export type MetricSeries = Record<string, ArrayLike<number>>;

/**
 * The kinds of per-service metric the ranking understands: resource use,
 * load and latency (the RCD data set's columns) and the mesh's error rate,
 * which the healing pipeline reads from Istio's metrics.
 *
 * @public
 */
export type MetricKind =
  | 'cpu'
  | 'mem'
  | 'lod'
  | 'lat_50'
  | 'lat_90'
  | 'lat_99'
  | 'error_rate';

const KINDS: readonly MetricKind[] = [
  'error_rate',
  'lat_50',
  'lat_90',
  'lat_99',
  'cpu',
  'mem',
  'lod',
];

/**
 * Splits `<service>_<kind>` (service names may hold `-` and `_`).
 *
 * @public
 */
export function parseMetricName(
  column: string,
): { service: string; kind: MetricKind } | undefined {
  for (const kind of KINDS) {
    const suffix = `_${kind}`;
    if (column.endsWith(suffix) && column.length > suffix.length) {
      return { service: column.slice(0, -suffix.length), kind };
    }
  }
  return undefined;
}

/**
 * How far one metric moved in the anomalous period, in sigmas of the normal one.
 *
 * @public
 */
export interface MetricEvidence {
  metric: string;
  kind: MetricKind;
  sigmas: number;
}

/**
 * A candidate root cause with its score and the metrics behind it, strongest first.
 *
 * @public
 */
export interface RootCauseCandidate {
  service: string;
  score: number;
  evidence: MetricEvidence[];
}

/** Mean and population standard deviation, ignoring NaN. */
export function meanStd(values: ArrayLike<number>): {
  mean: number;
  std: number;
} {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i])) {
      sum += values[i];
      n++;
    }
  }
  const mean = n ? sum / n : 0;
  let squares = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i])) squares += (values[i] - mean) ** 2;
  }
  return { mean, std: n ? Math.sqrt(squares / n) : 0 };
}

/** The q-quantile (linear interpolation) of the finite values. */
export function quantile(values: ArrayLike<number>, q: number): number {
  const sorted = Array.from(values)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Ranks candidates by score, highest first, with a stable order by name on ties. */
export function byScore(a: RootCauseCandidate, b: RootCauseCandidate): number {
  return b.score - a.score || a.service.localeCompare(b.service);
}

/** Groups per-metric evidence into per-service candidates scored by their strongest metric. */
export function candidatesFromEvidence(
  evidence: MetricEvidence[],
  weight: (kind: MetricKind) => number = () => 1,
): RootCauseCandidate[] {
  const services = new Map<string, MetricEvidence[]>();
  for (const e of evidence) {
    const parsed = parseMetricName(e.metric);
    if (!parsed) continue;
    const list = services.get(parsed.service) ?? [];
    list.push(e);
    services.set(parsed.service, list);
  }
  return [...services.entries()]
    .map(([service, list]) => {
      list.sort(
        (a, b) => b.sigmas * weight(b.kind) - a.sigmas * weight(a.kind),
      );
      return {
        service,
        score: list.length ? list[0].sigmas * weight(list[0].kind) : 0,
        evidence: list,
      };
    })
    .sort(byScore);
}
