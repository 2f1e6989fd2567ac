/**
 * One series to backfill into a test Prometheus: its name as stored, its
 * labels, and either a value per step or explicit samples.
 *
 * @public
 */
export type TestPrometheusSeries = {
  /** Metric name as queried, such as `istio_requests_total` or `…_bucket`. */
  name: string;
  labels?: Record<string, string>;
} & (
  | {
      /**
       * Value at each step from the start to the end (unix seconds);
       * undefined leaves that step without a sample, as a missed scrape does.
       */
      value: (unixSeconds: number) => number | undefined;
      samples?: never;
    }
  | {
      /** Samples as [unix seconds, value], in any order. */
      samples: ReadonlyArray<readonly [number, number]>;
      value?: never;
    }
);

/** Sample times of `value` series and the step between them. */
export interface TestPrometheusRange {
  startSeconds: number;
  endSeconds: number;
  stepSeconds: number;
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function labelValue(value: string): string {
  return value.replace(/[\\"\n]/g, c => (c === '\n' ? '\\n' : `\\${c}`));
}

function sampleValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function samplesOf(
  series: TestPrometheusSeries,
  range: TestPrometheusRange,
): Array<readonly [number, number]> {
  if (series.samples) {
    return [...series.samples].sort((a, b) => a[0] - b[0]);
  }
  const out: Array<[number, number]> = [];
  for (
    let t = range.startSeconds;
    t <= range.endSeconds;
    t += range.stepSeconds
  ) {
    const v = series.value(t);
    if (v !== undefined) out.push([t, v]);
  }
  return out;
}

/**
 * The OpenMetrics text `promtool tsdb create-blocks-from openmetrics` reads:
 * every sample of every series, each series in time order, since the
 * backfill appends one series at a time and rejects samples out of order.
 * No `# TYPE` lines are written: queries do not need the metadata, and
 * without it a histogram's `_bucket`, `_count` and `_sum` may be given as
 * separate series.
 */
export function toOpenMetrics(
  series: ReadonlyArray<TestPrometheusSeries>,
  range: TestPrometheusRange,
): string {
  if (!(range.stepSeconds > 0)) {
    throw new Error(
      `stepSeconds must be a positive number, got ${range.stepSeconds}`,
    );
  }
  const lines: string[] = [];
  for (const s of series) {
    if (!METRIC_NAME.test(s.name)) {
      throw new Error(`invalid metric name ${JSON.stringify(s.name)}`);
    }
    const labels = Object.entries(s.labels ?? {}).map(([k, v]) => {
      if (!LABEL_NAME.test(k) || k === '__name__') {
        throw new Error(`invalid label name ${JSON.stringify(k)} on ${s.name}`);
      }
      return `${k}="${labelValue(v)}"`;
    });
    const selector = labels.length ? `${s.name}{${labels.join(',')}}` : s.name;
    for (const [t, v] of samplesOf(s, range)) {
      lines.push(`${selector} ${sampleValue(v)} ${t}`);
    }
  }
  lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}
