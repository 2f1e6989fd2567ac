import { RollingStats } from './RollingStats';

/**
 * Settings of {@link AnomalyLikelihood}.
 *
 * @public
 */
export interface AnomalyLikelihoodOptions {
  /** Raw scores averaged into the short-term level that is judged. */
  shortWindow: number;
  /** Past short-term levels whose mean and spread define "usual". */
  longWindow: number;
  /** Short-term levels seen before any likelihood is given (0.5 until then). */
  learning: number;
  /** Floor on the spread, so a series whose raw score never moves does not turn every blip into an alarm. */
  minStd: number;
}

/**
 * Defaults: a 10-point level judged against the last 2,000.
 *
 * @public
 */
export const DEFAULT_ANOMALY_LIKELIHOOD_OPTIONS: AnomalyLikelihoodOptions = {
  shortWindow: 10,
  longWindow: 2000,
  learning: 300,
  minStd: 0.02,
};

/**
 * Turns raw anomaly scores into how unlikely their recent level is: the
 * short rolling mean of the raw score is compared with a normal fitted to
 * its own long history, and the upper tail probability is reported as a
 * log score. The raw scores of a noisy series and of a clean one end up on
 * one scale, which is what lets one alert threshold serve both.
 *
 * @public
 */
export class AnomalyLikelihood {
  private readonly options: AnomalyLikelihoodOptions;
  private readonly recent: RollingStats;
  private readonly history: RollingStats;

  constructor(options: Partial<AnomalyLikelihoodOptions> = {}) {
    this.options = { ...DEFAULT_ANOMALY_LIKELIHOOD_OPTIONS, ...options };
    const o = this.options;
    for (const key of ['shortWindow', 'longWindow'] as const) {
      if (!Number.isInteger(o[key]) || o[key] < 1)
        throw new Error(
          `AnomalyLikelihood ${key} must be a positive integer, got ${o[key]}`,
        );
    }
    if (!(o.minStd > 0))
      throw new Error(`AnomalyLikelihood minStd must be > 0, got ${o.minStd}`);
    this.recent = new RollingStats(o.shortWindow);
    this.history = new RollingStats(o.longWindow);
  }

  /**
   * Takes the next raw score and returns how improbable the recent level
   * is under its history, as a log score in [0, 1] (0 while learning).
   */
  push(raw: number): number {
    this.recent.push(raw);
    const level = this.recent.mean();
    let score = 0;
    if (this.history.length >= this.options.learning) {
      const std = Math.max(this.history.std(), this.options.minStd);
      score = logTailScore(normalTail((level - this.history.mean()) / std));
    }
    this.history.push(level);
    return score;
  }
}

/**
 * Maps a tail probability onto [0, 1] by its order of magnitude: 1e-5 → 0.5,
 * 1e-10 or less → 1, 1 → 0.
 *
 * @public
 */
export function logTailScore(tail: number): number {
  const score = Math.log(Math.max(tail, 1e-10)) / Math.log(1e-10);
  return Math.min(Math.max(score, 0), 1);
}

/**
 * Upper tail of the standard normal, `P(Z > z)`, with relative error below ~1e-7.
 *
 * @public
 */
export function normalTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

// Complementary error function with relative error below 1.2e-7 everywhere
// (Chebyshev fit, Numerical Recipes' erfcc form).
function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const y =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t *
                                  (1.48851587 +
                                    t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? y : 2 - y;
}
