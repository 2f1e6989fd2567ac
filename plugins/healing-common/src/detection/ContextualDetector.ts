import {
  AnomalyLikelihood,
  AnomalyLikelihoodOptions,
  DEFAULT_ANOMALY_LIKELIHOOD_OPTIONS,
} from './AnomalyLikelihood';
import { CellContexts } from './CellContexts';

/**
 * Settings of {@link ContextualDetector}; one set serves every series.
 *
 * @public
 */
export interface ContextualDetectorOptions {
  /** Points seen before the value grid is laid and scoring starts. */
  warmup: number;
  /** Grid cells across the range of values seen so far. */
  levels: number;
  /** Grids laid over the values, each offset by a fraction of a cell; the raw novelty is their mean. */
  grids: number;
  /** Longest context, in points: contexts of 1..order preceding cells are remembered. */
  order: number;
  /** Range growth (as a factor) at which the grid is re-laid and the memory re-learnt. */
  regrid: number;
  /** Past values kept to re-learn the memory from when the grid is re-laid (bounds the detector's memory). */
  relearnWindow: number;
  /** Fraction of the range a value may pass the seen extremes by before it counts as new ground. */
  spatialTolerance: number;
  /** Output for a value beyond the extremes, whatever the likelihood says (0 leaves it to the likelihood). */
  spatialScore: number;
  /** Anomaly likelihood over the raw novelty; unset keys take its defaults. */
  likelihood: Partial<AnomalyLikelihoodOptions>;
  /** Output at or above which the detector counts an alert. */
  alertLevel: number;
  /** Points after an alert during which outputs are damped. */
  refractory: number;
  /** Factor on outputs during the refractory period. */
  damping: number;
}

/**
 * Defaults, chosen in the development runs the README counts.
 *
 * @public
 */
export const DEFAULT_CONTEXTUAL_DETECTOR_OPTIONS: ContextualDetectorOptions = {
  warmup: 150,
  levels: 16,
  order: 3,
  grids: 1,
  regrid: 1.5,
  relearnWindow: 5000,
  spatialTolerance: 0.05,
  spatialScore: 1,
  likelihood: DEFAULT_ANOMALY_LIKELIHOOD_OPTIONS,
  alertLevel: 0.5,
  refractory: 200,
  damping: 0.3,
};

/**
 * Online detector that remembers contexts: each value falls in a cell of a
 * grid over the range seen so far, and for every context length k ≤ order
 * the detector remembers which cell followed the k cells before it. A point
 * whose cell no remembered context predicted is novel; the raw score is the
 * share of context lengths for which it is. The raw score goes through an
 * anomaly likelihood, so the output says how unusual the recent amount of
 * novelty is for this series rather than how novel the point is, which
 * lets one threshold serve noisy and clean series. A value beyond the
 * extremes seen so far (by more than a tolerance) is new ground and scores
 * `spatialScore` outright. After an alert further outputs are damped for a
 * while, since one incident should raise one alert. The grid is re-laid,
 * and the memory re-learnt from the last `relearnWindow` values, when the
 * range outgrows it; the extremes are those of the whole series.
 *
 * @public
 */
export class ContextualDetector {
  private readonly options: ContextualDetectorOptions;
  private readonly likelihood: AnomalyLikelihood;
  // The last `relearnWindow` values (a few more between trims), for re-gridding.
  private values: number[] = [];
  private seen = 0;
  private readonly grids: CellContexts[];
  private min = Infinity;
  private max = -Infinity;
  private origin = 0;
  private width = 0;
  private gridRange = 0;
  private sinceAlert = Infinity;

  constructor(options: Partial<ContextualDetectorOptions> = {}) {
    this.options = { ...DEFAULT_CONTEXTUAL_DETECTOR_OPTIONS, ...options };
    const o = this.options;
    for (const key of [
      'warmup',
      'levels',
      'order',
      'grids',
      'relearnWindow',
    ] as const) {
      if (!Number.isInteger(o[key]) || o[key] < 1)
        throw new Error(
          `ContextualDetector ${key} must be a positive integer, got ${o[key]}`,
        );
    }
    if (!(o.regrid > 1))
      throw new Error(`ContextualDetector regrid must be > 1, got ${o.regrid}`);
    this.likelihood = new AnomalyLikelihood(o.likelihood);
    this.grids = Array.from(
      { length: o.grids },
      (_, g) => new CellContexts(o.order, g / o.grids),
    );
  }

  /** Scores the next point; the result depends only on it and earlier points. */
  push(x: number): number {
    if (!Number.isFinite(x))
      throw new Error(`ContextualDetector got a non-finite value ${x}`);
    const o = this.options;
    this.seen++;
    this.values.push(x);
    if (this.values.length >= 2 * o.relearnWindow)
      this.values = this.values.slice(-o.relearnWindow);
    const margin = o.spatialTolerance * (this.max - this.min);
    const beyond =
      this.seen > o.warmup && (x > this.max + margin || x < this.min - margin);
    this.min = Math.min(this.min, x);
    this.max = Math.max(this.max, x);
    if (this.seen < o.warmup) return 0;
    if (this.seen === o.warmup) {
      this.layGrid();
      return 0;
    }
    const u = (x - this.origin) / this.width;
    let novelty = 0;
    for (const grid of this.grids) novelty += grid.novelty(grid.cellOf(u));
    const raw = beyond ? 1 : novelty / this.grids.length;
    for (const grid of this.grids) grid.learn(grid.cellOf(u));
    if (this.max - this.min > this.gridRange * o.regrid) this.layGrid();
    let score = Math.max(
      this.likelihood.push(raw),
      beyond ? o.spatialScore : 0,
    );
    this.sinceAlert++;
    if (this.sinceAlert <= o.refractory) score *= o.damping;
    else if (score >= o.alertLevel) this.sinceAlert = 0;
    return score;
  }

  // Lays the grids over the range seen so far and re-learns every past value on them.
  private layGrid(): void {
    const range = this.max - this.min;
    const scale = Math.max(Math.abs(this.max), Math.abs(this.min), 1e-9);
    this.gridRange = Math.max(range, 1e-6 * scale);
    this.width = this.gridRange / this.options.levels;
    this.origin = this.min;
    for (const grid of this.grids) {
      grid.clear();
      for (const v of this.values)
        grid.learn(grid.cellOf((v - this.origin) / this.width));
    }
  }
}

/**
 * Scores a whole series point by point with a fresh detector.
 *
 * @public
 */
export function detectContextual(
  values: ArrayLike<number>,
  options: Partial<ContextualDetectorOptions> = {},
): Float64Array {
  const detector = new ContextualDetector(options);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = detector.push(values[i]);
  return out;
}
