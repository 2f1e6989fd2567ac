import { IsolationForest } from '../detection/IsolationForest';
import { robustSigmas } from '../rca/rankRootCauses';
import {
  StreamingDetector,
  StreamingDetectorOptions,
} from '../detection/StreamingDetector';

/**
 * The streaming detector's settings for the pipeline's short windows (an
 * hour of 15-second samples before an alert), where the NAB defaults'
 * 200-point warm-up would leave nothing to score. The calibration table
 * holds scores of exactly these settings.
 *
 * @public
 */
export const PIPELINE_DETECTOR_OPTIONS: Partial<StreamingDetectorOptions> = {
  shortWindow: 6,
  longWindow: 120,
  trainingWindow: 240,
  refitEvery: 60,
  warmup: 60,
  trees: 50,
  sampleSize: 128,
  scoreHistory: 400,
  refractory: 0,
  // The weights of the scores recorded beside the confidence table: a change
  // here needs a new run of bench/healing-calibration.ts.
  forestWeight: 1,
  seasonalWeight: 0,
  shiftWeight: 0,
};

/**
 * Points of the detection window at the end of every feature series.
 *
 * @public
 */
export const DETECTION_POINTS = 40;
/**
 * Points of history before the detection window.
 *
 * @public
 */
export const HISTORY_POINTS = 240;

/**
 * Raw scores of one detection.
 *
 * @public
 */
export interface DetectionScores {
  /** Highest streaming-detector output in the detection window, over every series. */
  raw: number;
  /** The same per series, in input order (NaN when a series was too short). */
  perSeries: number[];
  /** Mean isolation score of the detection window's feature vectors against the history's. */
  forest?: number;
  /**
   * Per series, in input order, how far the detection window sits from the
   * history in robust sigmas, as the root-cause ranking measures it
   * (`robustSigmas`: half the window at least this far out); NaN when a
   * series was too short. The calibrated
   * confidence is read from the largest.
   */
  shift: number[];
}

/** Non-finite samples (gaps, NaN from Prometheus) take the last finite value. */
function fillGaps(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  let last = 0;
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i])) last = values[i];
    out.push(last);
  }
  return out;
}

/**
 * Scores the end of each series: a streaming detector (isolation forest on
 * stream features plus an EWMA baseline) runs through the series, and the
 * raw score is its highest output over the last `detectPoints`. When several
 * series of equal length are given, an isolation forest fitted on the
 * history's multivariate rows also scores the detection window's rows.
 * Each series' shift compares its detection window with its history.
 *
 * @public
 */
export function detectionScore(
  series: ReadonlyArray<ArrayLike<number>>,
  detectPoints = DETECTION_POINTS,
): DetectionScores {
  const minimum = (PIPELINE_DETECTOR_OPTIONS.warmup ?? 60) + 30 + detectPoints;
  const filled = series.map(fillGaps);
  const perSeries = filled.map(values => {
    if (values.length < minimum) return NaN;
    const detector = new StreamingDetector(PIPELINE_DETECTOR_OPTIONS);
    let best = 0;
    values.forEach((x, i) => {
      const s = detector.push(x);
      if (i >= values.length - detectPoints && s > best) best = s;
    });
    return best;
  });
  const shift = series.map(values => {
    if (values.length < minimum) return NaN;
    const at = values.length - detectPoints;
    return robustSigmas(
      Array.prototype.slice.call(values, 0, at),
      Array.prototype.slice.call(values, at),
    );
  });
  const finite = perSeries.filter(Number.isFinite);
  const raw = finite.length ? Math.max(...finite) : 0;
  let forest: number | undefined;
  const length = filled[0]?.length ?? 0;
  if (
    filled.length > 1 &&
    length >= minimum &&
    filled.every(v => v.length === length)
  ) {
    const rows = Array.from({ length }, (_, i) => filled.map(v => v[i]));
    const history = rows.slice(0, length - detectPoints);
    const recent = rows.slice(length - detectPoints);
    const model = IsolationForest.fit(history, { trees: 50, seed: 7 });
    forest = recent.reduce((s, r) => s + model.score(r), 0) / recent.length;
  }
  return { raw, perSeries, forest, shift };
}
