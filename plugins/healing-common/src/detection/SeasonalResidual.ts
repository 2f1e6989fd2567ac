import { RollingStats } from './RollingStats';

/**
 * Daily and weekly periods, in points, of series sampled every minute, 5,
 * 10 or 30 minutes, or hour. Calendar periods rather than periods searched
 * over every lag: cheap, and a smooth series cannot pass off a short lag as
 * its season.
 *
 * @public
 */
export const CANDIDATE_PERIODS: readonly number[] = [
  24, 48, 144, 168, 288, 336, 1440, 2016,
];

/**
 * Settings of {@link SeasonalResidual}.
 *
 * @public
 */
export interface SeasonalResidualOptions {
  /** Periods tried, in points. */
  periods: readonly number[];
  /** Past points the autocorrelation is computed on. */
  history: number;
  /** Points between two choices of the period. */
  every: number;
  /** Past residuals whose mean and spread scale the current one. */
  residualWindow: number;
}

const DEFAULTS: SeasonalResidualOptions = {
  periods: CANDIDATE_PERIODS,
  history: 4000,
  every: 200,
  residualWindow: 1000,
};

/**
 * How far a value is from the value one season ago, in sigmas of past such
 * differences: a daily pattern that flattens, shifts or skips a beat shows
 * here while the value itself stays in its usual range. The season is the
 * candidate period whose autocorrelation on the past stands highest above
 * the autocorrelation at half that period (a peak, not mere smoothness);
 * none is used when no candidate reaches 0.3.
 *
 * @public
 */
export class SeasonalResidual {
  private readonly options: SeasonalResidualOptions;
  private readonly ring: Float64Array;
  private seen = 0;
  private chosen = 0;
  private readonly residuals: RollingStats;
  private readonly level: RollingStats;

  constructor(options: Partial<SeasonalResidualOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
    this.ring = new Float64Array(this.options.history);
    this.residuals = new RollingStats(this.options.residualWindow);
    this.level = new RollingStats(this.options.residualWindow);
  }

  /** The period in use, in points; 0 when the series shows none. */
  get period(): number {
    return this.chosen;
  }

  /**
   * Sigmas of `x` minus the value one period back (0 until enough residuals
   * are known), or undefined while there is no period.
   */
  push(x: number): number | undefined {
    const p = this.chosen;
    let sigmas: number | undefined;
    if (p > 0 && this.seen > p) {
      const r = x - this.back(p - 1);
      const scale = Math.max(
        this.residuals.std(),
        1e-6 * Math.abs(this.level.mean()),
        1e-9,
      );
      sigmas =
        this.residuals.length > 100
          ? Math.abs(r - this.residuals.mean()) / scale
          : 0;
      this.residuals.push(r);
    }
    this.ring[this.seen % this.ring.length] = x;
    this.seen++;
    this.level.push(x);
    if (this.seen % this.options.every === 0) this.choosePeriod();
    return sigmas;
  }

  // The value `k` points before the newest one held.
  private back(k: number): number {
    const n = this.ring.length;
    return this.ring[(((this.seen - 1 - k) % n) + n) % n];
  }

  private choosePeriod(): void {
    const n = Math.min(this.seen, this.ring.length);
    let best = 0;
    let bestPeak = 0.2;
    for (const p of this.options.periods) {
      if (n < 3 * p) continue;
      const a = this.autocorrelation(p, n);
      const peak = a - this.autocorrelation(p >> 1, n);
      if (a > 0.3 && peak > bestPeak) {
        best = p;
        bestPeak = peak;
      }
    }
    this.chosen = best;
  }

  // Autocorrelation at `lag` over the last `n` values.
  private autocorrelation(lag: number, n: number): number {
    let mean = 0;
    for (let k = 0; k < n; k++) mean += this.back(k);
    mean /= n;
    let num = 0;
    let den = 0;
    for (let k = 0; k < n; k++) {
      const a = this.back(k) - mean;
      den += a * a;
      if (k + lag < n) num += a * (this.back(k + lag) - mean);
    }
    return den > 0 ? num / den : 0;
  }
}
