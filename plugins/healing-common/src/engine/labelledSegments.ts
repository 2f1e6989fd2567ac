import { MetricSeries, parseMetricName } from '../rca/metrics';
import { RowWindow } from '../nab/nabScorer';
import { DETECTION_POINTS, HISTORY_POINTS } from './detectionScore';
import { FEATURE_METRICS } from './features';

const LENGTH = HISTORY_POINTS + DETECTION_POINTS;

/** Feature series of one target, shaped like the pipeline's input. */
export interface Segment {
  /** Where it was cut from (`file@row`, `case:service`). */
  name: string;
  /** The cross-validation fold it belongs to. */
  fold: string;
  /** One series per feature, HISTORY_POINTS then DETECTION_POINTS each. */
  series: Float64Array[];
}

/** A segment with whether its detection window holds a real anomaly. */
export interface LabelledSegment extends Segment {
  label: boolean;
}

/** Settings of {@link nabSegments}. */
export interface NabSegmentOptions {
  /** Rows between the starts of consecutive detection windows (40). */
  stride?: number;
  /** Rows a negative's detection window keeps clear of every labelled window (100). */
  margin?: number;
}

function checkStride(stride: number): void {
  if (!Number.isInteger(stride) || stride < 1) {
    throw new RangeError(`stride must be a positive integer, got ${stride}`);
  }
}

/**
 * Cuts one NAB series into pipeline-shaped segments whose detection
 * windows start every `stride` rows: a positive when the detection window
 * overlaps a labelled window, a negative when it is at least `margin` rows
 * from every window; the ones in between are left out, since NAB's window
 * edges are not exact.
 */
export function nabSegments(
  name: string,
  fold: string,
  values: ArrayLike<number>,
  windows: readonly RowWindow[],
  options: NabSegmentOptions = {},
): LabelledSegment[] {
  const stride = options.stride ?? DETECTION_POINTS;
  const margin = options.margin ?? 100;
  checkStride(stride);
  if (!(margin >= 0)) {
    throw new RangeError(`margin must be 0 or more, got ${margin}`);
  }
  const column = Float64Array.from(values);
  const out: LabelledSegment[] = [];
  for (
    let a = HISTORY_POINTS;
    a + DETECTION_POINTS <= column.length;
    a += stride
  ) {
    const end = a + DETECTION_POINTS - 1;
    const overlaps = windows.some(w => w.start <= end && w.end >= a);
    const near = windows.some(
      w => w.start <= end + margin && w.end >= a - margin,
    );
    if (!overlaps && near) continue;
    out.push({
      name: `${name}@${a}`,
      fold,
      label: overlaps,
      series: [column.slice(a - HISTORY_POINTS, a + DETECTION_POINTS)],
    });
  }
  return out;
}

/** One run of an RCD case: every metric before and after the fault. */
export interface RcdRun {
  /** `<service>-<fault>/<run>`. */
  name: string;
  /** The root-cause service. */
  truth: string;
  normal: MetricSeries;
  anomalous: MetricSeries;
}

/** Settings of {@link rcdSegments}. */
export interface RcdSegmentOptions {
  /** Rows after the fault start at which positives' detection windows begin ([0, 10, 20]). */
  offsets?: readonly number[];
  /** Rows between negatives cut from the normal periods (40). */
  stride?: number;
}

/** Services with a CPU or memory column, sorted. */
export function rcdServices(metrics: MetricSeries): string[] {
  const services = new Set<string>();
  for (const column of Object.keys(metrics)) {
    const parsed = parseMetricName(column);
    if (parsed && (parsed.kind === 'cpu' || parsed.kind === 'mem'))
      services.add(parsed.service);
  }
  return [...services].sort();
}

/** The columns the pipeline would read for `service`, in its order. */
function targetColumns(service: string, ...periods: MetricSeries[]): string[] {
  return FEATURE_METRICS.map(m => `${service}_${m}`).filter(c =>
    periods.every(p => c in p),
  );
}

function concat(parts: ReadonlyArray<ArrayLike<number>>): Float64Array {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(Array.from(p), at);
    at += p.length;
  }
  return out;
}

/** The last `history` normal rows then the first `detect` anomalous rows of a column. */
function splice(
  run: RcdRun,
  column: string,
  history: number,
  detect: number,
): Float64Array | undefined {
  const normal = run.normal[column];
  const anomalous = run.anomalous[column];
  if (normal.length < history || anomalous.length < detect) return undefined;
  return concat([
    Array.prototype.slice.call(normal, normal.length - history),
    Array.prototype.slice.call(anomalous, 0, detect),
  ]);
}

function checkRuns(runs: readonly RcdRun[]): void {
  if (runs.length === 0) throw new RangeError('an RCD case needs runs');
  const truth = runs[0].truth;
  const other = runs.find(r => r.truth !== truth);
  if (other) {
    throw new RangeError(
      `run ${other.name} has root cause ${other.truth}, not ${truth} like ${runs[0].name}`,
    );
  }
}

/**
 * Labelled segments of one RCD case (its runs in time order; the fold is
 * the root-cause service). Positives: the root-cause service's series, the
 * end of the normal period then the start of the anomalous one, with the
 * detection window beginning `offset` rows after the fault started. Negatives: every
 * service's series within the normal periods, which the runs record back
 * to back, so they are joined and cut every `stride` rows. The other
 * services of the anomalous periods are left out (see
 * {@link rcdSymptomSegments}).
 */
export function rcdSegments(
  runs: readonly RcdRun[],
  options: RcdSegmentOptions = {},
): LabelledSegment[] {
  const offsets = options.offsets ?? [0, 10, 20];
  const stride = options.stride ?? DETECTION_POINTS;
  checkStride(stride);
  checkRuns(runs);
  for (const k of offsets) {
    if (!Number.isInteger(k) || k < 0 || k >= HISTORY_POINTS) {
      throw new RangeError(
        `offsets must be integers in [0, ${HISTORY_POINTS}), got ${k}`,
      );
    }
  }
  const fold = runs[0].truth;
  const out: LabelledSegment[] = [];
  for (const run of runs) {
    const columns = targetColumns(run.truth, run.normal, run.anomalous);
    if (columns.length === 0) {
      throw new RangeError(`run ${run.name} has no column of ${run.truth}`);
    }
    for (const k of offsets) {
      const series = columns.map(c =>
        splice(run, c, HISTORY_POINTS - k, DETECTION_POINTS + k),
      );
      if (series.some(s => !s)) continue;
      out.push({
        name: `${run.name}:${run.truth}+${k}`,
        fold,
        label: true,
        series: series as Float64Array[],
      });
    }
  }
  const caseName = runs[0].name.split('/')[0];
  for (const service of rcdServices(runs[0].normal)) {
    const columns = targetColumns(service, ...runs.map(r => r.normal));
    const joined = columns.map(c => concat(runs.map(r => r.normal[c])));
    const rows = joined[0]?.length ?? 0;
    for (let a = 0; a + LENGTH <= rows; a += stride) {
      out.push({
        name: `${caseName}/normal:${service}@${a}`,
        fold,
        label: false,
        series: joined.map(v => v.slice(a, a + LENGTH)),
      });
    }
  }
  return out;
}

/**
 * The services other than the root cause at the fault start of each run
 * (history from the normal period, detection window from the anomalous
 * one). They carry no label: a caller of the faulty service may show its
 * symptoms (a real anomaly, not the root cause), others nothing, and the
 * normal and anomalous periods were recorded hours apart.
 */
export function rcdSymptomSegments(runs: readonly RcdRun[]): Segment[] {
  checkRuns(runs);
  const out: Segment[] = [];
  for (const run of runs) {
    for (const service of rcdServices(run.normal)) {
      if (service === run.truth) continue;
      const series = targetColumns(service, run.normal, run.anomalous).map(c =>
        splice(run, c, HISTORY_POINTS, DETECTION_POINTS),
      );
      if (series.length === 0 || series.some(s => !s)) continue;
      out.push({
        name: `${run.name}:${service}`,
        fold: run.truth,
        series: series as Float64Array[],
      });
    }
  }
  return out;
}
