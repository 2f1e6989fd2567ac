import { parsePrometheusDuration } from './prometheusDuration';

/**
 * A latency histogram an SLO reads: its metric name without `_bucket`, the
 * label matchers that select the service, and the unit of its `le` bounds.
 *
 * @public
 */
export interface SloHistogram {
  /** Metric name without the `_bucket` / `_count` suffix. */
  metric: string;
  /** Label matchers without braces, such as `destination_workload="api"`; may be empty. */
  matchers: string;
  unit: 'seconds' | 'milliseconds';
}

/**
 * One SLO of the `cloud-native-platform.io/slo` annotation, checked and
 * with its defaults filled in.
 *
 * @public
 */
export interface SloAnnotationEntry {
  /** Given name; the reader names it `<service>-<kind>` without one. */
  name?: string;
  kind: 'availability' | 'latency';
  /** Percent, such as 99.9. */
  objective: number;
  /** Prometheus duration; 30d unless given. */
  window: string;
  /** Per-second rate of bad events over `$window` (or `{{.window}}`). */
  errorQuery?: string;
  /** Per-second rate of all events over `$window` (or `{{.window}}`). */
  totalQuery?: string;
  /** Latency SLOs: requests slower than this are bad. */
  thresholdMs?: number;
  /** Latency SLOs: the histogram good events and the p99 are read from. */
  histogram?: SloHistogram;
  /** Names of the alerts that watch this SLO's burn rate. */
  alerts: string[];
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const SLO_NAME = /^[a-z0-9]([-a-z0-9_.]*[a-z0-9])?$/;
const KEYS = new Set([
  'name',
  'kind',
  'objective',
  'window',
  'errorQuery',
  'totalQuery',
  'thresholdMs',
  'histogram',
  'matchers',
  'histogramUnit',
  'alerts',
]);

/** The window placeholders a query may use: Sloth's and a shorter one. */
const WINDOW_PLACEHOLDER = /\{\{\s*\.window\s*\}\}|\$window\b/;

function fail(index: number, message: string): never {
  throw new Error(`item ${index} ${message}`);
}

function query(
  item: Record<string, unknown>,
  key: 'errorQuery' | 'totalQuery',
  index: number,
): string | undefined {
  const value = item[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    return fail(index, `${key} must be a PromQL expression`);
  }
  if (!WINDOW_PLACEHOLDER.test(value)) {
    return fail(
      index,
      `${key} must contain the window placeholder $window or {{.window}}`,
    );
  }
  return value;
}

function histogramOf(
  item: Record<string, unknown>,
  index: number,
): SloHistogram | undefined {
  const { histogram, matchers, histogramUnit } = item;
  if (histogram === undefined) return undefined;
  if (typeof histogram !== 'string' || !METRIC_NAME.test(histogram)) {
    return fail(index, 'histogram must be a metric name without _bucket');
  }
  if (matchers !== undefined && typeof matchers !== 'string') {
    return fail(index, 'matchers must be label matchers such as job="api"');
  }
  if (
    histogramUnit !== undefined &&
    histogramUnit !== 'seconds' &&
    histogramUnit !== 'milliseconds'
  ) {
    return fail(index, 'histogramUnit must be seconds or milliseconds');
  }
  const metric = histogram.replace(/_bucket$/, '');
  return {
    metric,
    matchers: (matchers ?? '').trim().replace(/^\{|\}$/g, ''),
    unit:
      histogramUnit ??
      (/_milliseconds(_|$)/.test(metric) ? 'milliseconds' : 'seconds'),
  };
}

function entryOf(raw: unknown, index: number): SloAnnotationEntry {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail(index, 'is not an object');
  }
  const item = raw as Record<string, unknown>;
  const unknown = Object.keys(item).find(key => !KEYS.has(key));
  if (unknown !== undefined) {
    return fail(
      index,
      `has an unknown field ${unknown}; fields are ${[...KEYS].join(', ')}`,
    );
  }
  const { name, kind = 'availability', objective, window = '30d' } = item;
  if (
    name !== undefined &&
    (typeof name !== 'string' || !SLO_NAME.test(name))
  ) {
    return fail(index, 'name must be lowercase letters, digits, -, _ or .');
  }
  if (kind !== 'availability' && kind !== 'latency') {
    return fail(index, 'kind must be availability or latency');
  }
  if (
    typeof objective !== 'number' ||
    !Number.isFinite(objective) ||
    objective <= 0 ||
    objective >= 100
  ) {
    return fail(
      index,
      'objective must be a percentage between 0 and 100 (exclusive), such as 99.9',
    );
  }
  if (typeof window !== 'string' || !parsePrometheusDuration(window)) {
    return fail(
      index,
      'window must be a Prometheus duration such as 30d or 4w',
    );
  }
  const errorQuery = query(item, 'errorQuery', index);
  const totalQuery = query(item, 'totalQuery', index);
  if ((errorQuery === undefined) !== (totalQuery === undefined)) {
    return fail(index, 'needs both errorQuery and totalQuery, or neither');
  }
  const histogram = histogramOf(item, index);
  const { thresholdMs, alerts = [] } = item;
  if (
    thresholdMs !== undefined &&
    (typeof thresholdMs !== 'number' ||
      !Number.isFinite(thresholdMs) ||
      thresholdMs <= 0)
  ) {
    return fail(index, 'thresholdMs must be a positive number');
  }
  if (
    !Array.isArray(alerts) ||
    alerts.some(a => typeof a !== 'string' || !METRIC_NAME.test(a))
  ) {
    return fail(index, 'alerts must be a list of alert names');
  }
  if (kind === 'availability' && errorQuery === undefined) {
    return fail(
      index,
      'is an availability SLO without errorQuery and totalQuery',
    );
  }
  if (kind === 'latency') {
    if (thresholdMs === undefined) {
      return fail(index, 'is a latency SLO without thresholdMs');
    }
    if (errorQuery === undefined && histogram === undefined) {
      return fail(
        index,
        'is a latency SLO without a histogram or errorQuery and totalQuery',
      );
    }
  }
  return {
    ...(name !== undefined && { name: name as string }),
    kind,
    objective,
    window,
    ...(errorQuery !== undefined && { errorQuery, totalQuery }),
    ...(thresholdMs !== undefined && { thresholdMs: thresholdMs as number }),
    ...(histogram && { histogram }),
    alerts: alerts as string[],
  };
}

/**
 * Reads the `cloud-native-platform.io/slo` annotation: a JSON array of SLOs,
 * each with `objective` and either `errorQuery` and `totalQuery` or, for
 * latency, `thresholdMs` and `histogram` (fields of {@link SloAnnotationEntry}).
 * Throws an error saying which item is wrong and why.
 *
 * @public
 */
export function parseSloAnnotation(value: string): SloAnnotationEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    throw new Error(`is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed) || parsed.length === 0) {
    throw new Error(
      'must be a non-empty JSON array of { kind, objective, errorQuery, totalQuery } or latency { kind, objective, thresholdMs, histogram }',
    );
  }
  const entries = parsed.map(entryOf);
  const names = new Set<string>();
  for (const [index, entry] of entries.entries()) {
    const key = entry.name ?? entry.kind;
    if (names.has(key)) {
      fail(index, `repeats the SLO ${key}; give each a distinct name`);
    }
    names.add(key);
  }
  return entries;
}

/**
 * Fills a query's window placeholders (`$window`, `{{.window}}`) and its
 * cluster placeholders (`$cluster`, `{{.cluster}}`), for Prometheus servers
 * that hold several clusters' series.
 *
 * @public
 */
export function fillSloQuery(
  template: string,
  window: string,
  cluster: string,
): string {
  return template
    .replace(/\{\{\s*\.window\s*\}\}|\$window\b/g, window)
    .replace(/\{\{\s*\.cluster\s*\}\}|\$cluster\b/g, cluster);
}
