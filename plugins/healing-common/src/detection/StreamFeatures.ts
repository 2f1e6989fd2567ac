import { RollingStats } from './RollingStats';

/**
 * Window lengths of {@link StreamFeatures}.
 *
 * @public
 */
export interface StreamFeatureOptions {
  /** Points in the short window (recent level and spread). */
  shortWindow: number;
  /** Points in the long window (the series' usual level and spread). */
  longWindow: number;
}

/**
 * Number of values in each feature vector.
 *
 * @public
 */
export const STREAM_FEATURE_COUNT = 5;

/**
 * Turns a univariate stream into feature vectors, each from the current
 * value and the past only: where the value stands against the long and the
 * short window, how big the step from the previous value is, whether the
 * recent mean has moved, and whether the recent spread has changed.
 *
 * @public
 */
export class StreamFeatures {
  private readonly long: RollingStats;
  private readonly short: RollingStats;
  private readonly steps: RollingStats;
  private readonly recent: RollingStats;
  private previous: number | undefined;

  constructor(readonly options: StreamFeatureOptions) {
    this.long = new RollingStats(options.longWindow);
    this.short = new RollingStats(options.shortWindow);
    this.steps = new RollingStats(options.longWindow);
    this.recent = new RollingStats(options.shortWindow);
  }

  /** Points seen so far, up to the long window. */
  get history(): number {
    return this.long.length;
  }

  /** Features of `x` against what came before it, then `x` joins the history. */
  push(x: number): Float64Array {
    const mean = this.long.mean();
    const scale = spread(this.long.std(), mean);
    const step = this.previous === undefined ? 0 : x - this.previous;
    const stepScale = spread(this.steps.std(), mean);
    this.recent.push(x);
    const features = new Float64Array(STREAM_FEATURE_COUNT);
    if (this.long.length > 1) {
      features[0] = (x - mean) / scale;
      features[1] = (x - this.short.mean()) / scale;
      features[2] = (step - this.steps.mean()) / stepScale;
      features[3] = (this.recent.mean() - mean) / scale;
      features[4] = Math.log((this.recent.std() + scale * 1e-3) / scale);
    }
    this.long.push(x);
    this.short.push(x);
    if (this.previous !== undefined) this.steps.push(step);
    this.previous = x;
    return features;
  }
}

// A flat series has no spread; dividing by a small share of its level keeps
// the first change finite but large.
function spread(std: number, level: number): number {
  return Math.max(std, 1e-6 * Math.abs(level), 1e-9);
}
