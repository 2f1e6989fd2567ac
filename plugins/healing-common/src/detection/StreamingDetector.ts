import { IsolationForest } from './IsolationForest';
import { RollingStats } from './RollingStats';
import { SeasonalResidual } from './SeasonalResidual';
import { SlidingQuantile } from './SlidingQuantile';
import { STREAM_FEATURE_COUNT, StreamFeatures } from './StreamFeatures';

// Values a slow component's tail needs before it is trusted.
const TAIL_MIN = 200;

/**
 * Settings of {@link StreamingDetector}; one set serves every series.
 *
 * @public
 */
export interface StreamingDetectorOptions {
  /** Short feature window, in points. */
  shortWindow: number;
  /** Long feature window, in points. */
  longWindow: number;
  /** Past feature vectors the forest is fitted on. */
  trainingWindow: number;
  /** Points between re-fits of the forest. */
  refitEvery: number;
  /** Points seen before the first fit; the score is 0 until then. */
  warmup: number;
  /** Trees per forest. */
  trees: number;
  /** Sub-sample per tree, ψ. */
  sampleSize: number;
  /** Seed of the first forest; each re-fit derives its own from it. */
  seed: number;
  /** Smoothing factor of the exponentially weighted baseline. */
  baselineAlpha: number;
  /** Factor on the forest's evidence (0 leaves the baseline alone). */
  forestWeight: number;
  /** Divisor of the baseline's evidence. */
  baselineScale: number;
  /** Factor on the seasonal residual's evidence (0 leaves it out). */
  seasonalWeight: number;
  /** Points in the recent mean whose shift from the level is measured. */
  shiftWindow: number;
  /** Points in the level and spread the recent mean is measured against. */
  levelWindow: number;
  /** Factor on the mean shift's evidence (0 leaves it out). */
  shiftWeight: number;
  /** Forest scores averaged before they are compared with their history. */
  smoothing: number;
  /** Past evidence values each new one is compared with. */
  scoreHistory: number;
  /** Quantile of past evidence that counts as 1 (the tail's edge). */
  quantile: number;
  /** Evidence that maps to an output of 0.5. */
  halfScore: number;
  /** Output at or above which the detector counts an alert. */
  alertLevel: number;
  /** Points after an alert during which outputs are damped. */
  refractory: number;
  /** Factor on outputs during the refractory period. */
  damping: number;
}

/**
 * The configuration tuned once on the NAB subset (see the README).
 *
 * @public
 */
export const DEFAULT_STREAMING_DETECTOR_OPTIONS: StreamingDetectorOptions = {
  shortWindow: 12,
  longWindow: 400,
  trainingWindow: 1000,
  refitEvery: 200,
  warmup: 200,
  trees: 100,
  sampleSize: 256,
  seed: 1,
  baselineAlpha: 0.003,
  forestWeight: 0.8,
  baselineScale: 1,
  seasonalWeight: 0.8,
  shiftWindow: 30,
  levelWindow: 1000,
  shiftWeight: 1,
  smoothing: 3,
  scoreHistory: 2500,
  quantile: 0.995,
  halfScore: 1,
  alertLevel: 0.55,
  refractory: 60,
  damping: 0.5,
};

/**
 * Online anomaly detector for one univariate series: each point is scored
 * from the past only. An isolation forest, re-fitted on a sliding window of
 * past feature vectors, says how unusual the present looks; an EWMA z-score
 * says how far the value is from its running level; a seasonal residual
 * compares it with the value one period back, and a mean shift compares the
 * last 30 points with the last 1,000. Each is compared with
 * the tail of its own history, so one threshold fits quiet and noisy series
 * alike; the largest is mapped to an anomaly score in [0, 1).
 *
 * @public
 */
export class StreamingDetector {
  private readonly options: StreamingDetectorOptions;
  private readonly features: StreamFeatures;
  private readonly training: Float64Array[] = [];
  private forest: IsolationForest | undefined;
  private seen = 0;
  private fits = 0;
  private readonly recentForest: RollingStats;
  private readonly forestTail: SlidingQuantile;
  private readonly baselineTail: SlidingQuantile;
  private readonly seasonal = new SeasonalResidual();
  private readonly seasonalTail: SlidingQuantile;
  private readonly level: RollingStats;
  private readonly recent: RollingStats;
  private readonly shiftTail: SlidingQuantile;
  private ewMean: number | undefined;
  private ewVar = 0;
  private sinceAlert = Infinity;

  constructor(options: Partial<StreamingDetectorOptions> = {}) {
    this.options = { ...DEFAULT_STREAMING_DETECTOR_OPTIONS, ...options };
    const o = this.options;
    this.features = new StreamFeatures(o);
    this.recentForest = new RollingStats(Math.max(o.smoothing, 1));
    this.forestTail = new SlidingQuantile(o.scoreHistory, o.quantile);
    this.baselineTail = new SlidingQuantile(o.scoreHistory, o.quantile);
    this.seasonalTail = new SlidingQuantile(o.scoreHistory, o.quantile);
    this.level = new RollingStats(o.levelWindow);
    this.recent = new RollingStats(o.shiftWindow);
    this.shiftTail = new SlidingQuantile(o.scoreHistory, o.quantile);
  }

  /** Scores the next point; the result depends only on it and earlier points. */
  push(x: number): number {
    const o = this.options;
    const vector = this.features.push(x);
    const baseline = this.baselineSigmas(x);
    this.seen++;
    let evidence = 0;
    if (this.forest) {
      this.recentForest.push(this.forest.score(vector));
      const f = this.recentForest.mean();
      // Too short a history has no tail to compare with.
      if (this.forestTail.length >= o.smoothing * 10) {
        evidence = Math.max(
          tailExcess(f, this.forestTail) * o.forestWeight,
          tailExcess(baseline, this.baselineTail) / o.baselineScale,
        );
      }
      this.forestTail.push(f);
      this.baselineTail.push(baseline);
    }
    evidence = Math.max(
      evidence,
      this.seasonalEvidence(x) * o.seasonalWeight,
      this.shiftEvidence(x) * o.shiftWeight,
    );
    this.remember(vector);
    let score = evidence / (evidence + o.halfScore);
    // One incident should raise one alert, not one per point it lasts.
    this.sinceAlert++;
    if (this.sinceAlert <= o.refractory) score *= o.damping;
    else if (score >= o.alertLevel) this.sinceAlert = 0;
    return score;
  }

  private remember(vector: Float64Array): void {
    const o = this.options;
    this.training.push(vector);
    if (this.training.length > o.trainingWindow) this.training.shift();
    const due = this.forest
      ? (this.seen - o.warmup) % o.refitEvery === 0
      : this.seen >= o.warmup;
    if (
      due &&
      this.training.length >= Math.min(o.warmup, STREAM_FEATURE_COUNT)
    ) {
      this.fits++;
      this.forest = IsolationForest.fit(this.training, {
        trees: o.trees,
        sampleSize: o.sampleSize,
        seed: (o.seed * 7919 + this.fits) >>> 0,
      });
    }
  }

  // A day that looks unlike the day before, against how days usually differ.
  private seasonalEvidence(x: number): number {
    const sigmas = this.seasonal.push(x);
    if (sigmas === undefined) return 0;
    const e =
      this.seasonalTail.length >= TAIL_MIN
        ? tailExcess(sigmas, this.seasonalTail)
        : 0;
    this.seasonalTail.push(sigmas);
    return e;
  }

  // The last few dozen points' mean against the level of the last thousand:
  // a slow drift or a small lasting step that no single point gives away.
  private shiftEvidence(x: number): number {
    const scale = Math.max(
      this.level.std(),
      1e-6 * Math.abs(this.level.mean()),
      1e-9,
    );
    this.recent.push(x);
    let e = 0;
    if (this.level.length > 100) {
      const sigmas = Math.abs(this.recent.mean() - this.level.mean()) / scale;
      if (this.shiftTail.length >= TAIL_MIN)
        e = tailExcess(sigmas, this.shiftTail);
      this.shiftTail.push(sigmas);
    }
    this.level.push(x);
    return e;
  }

  /** How many running sigmas `x` is from the running level, then updates both. */
  private baselineSigmas(x: number): number {
    const a = this.options.baselineAlpha;
    if (this.ewMean === undefined) {
      this.ewMean = x;
      return 0;
    }
    const delta = x - this.ewMean;
    const sd = Math.max(
      Math.sqrt(this.ewVar),
      1e-6 * Math.abs(this.ewMean),
      1e-9,
    );
    const sigmas = this.seen > 1 / a ? Math.abs(delta) / sd : 0;
    this.ewMean += a * delta;
    this.ewVar = (1 - a) * (this.ewVar + a * delta * delta);
    return sigmas;
  }
}

/**
 * Scores a whole series point by point with a fresh detector.
 *
 * @public
 */
export function detectStream(
  values: ArrayLike<number>,
  options: Partial<StreamingDetectorOptions> = {},
): Float64Array {
  const detector = new StreamingDetector(options);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = detector.push(values[i]);
  return out;
}

// Where a value stands in the tail of its own history: 0 at the median, 1
// at the configured quantile, more beyond it.
function tailExcess(v: number, history: SlidingQuantile): number {
  const median = history.value(0.5);
  const spread = Math.max(history.value() - median, 1e-9);
  return Math.max(v - median, 0) / spread;
}
