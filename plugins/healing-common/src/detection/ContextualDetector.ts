import {
  AnomalyLikelihood,
  AnomalyLikelihoodOptions,
  DEFAULT_ANOMALY_LIKELIHOOD_OPTIONS,
} from './AnomalyLikelihood';

/** Settings of {@link ContextualDetector}; one set serves every series. */
export interface ContextualDetectorOptions {
  /** Points seen before the value grid is laid and scoring starts. */
  warmup: number;
  /** Grid cells across the range of values seen so far. */
  levels: number;
  /** Longest context, in points: contexts of 1..order preceding cells are remembered. */
  order: number;
  /** Range growth (as a factor) at which the grid is re-laid and the memory re-learnt. */
  regrid: number;
  /** Fraction of the range a value may pass the seen extremes by before it counts as new ground. */
  spatialTolerance: number;
  /** Output for a value beyond the extremes, whatever the likelihood says (0 leaves it to the likelihood). */
  spatialScore: number;
  /** Anomaly likelihood over the raw novelty. */
  likelihood: AnomalyLikelihoodOptions;
  /** Output at or above which the detector counts an alert. */
  alertLevel: number;
  /** Points after an alert during which outputs are damped. */
  refractory: number;
  /** Factor on outputs during the refractory period. */
  damping: number;
}

/** Defaults, chosen in the development runs the README counts. */
export const DEFAULT_CONTEXTUAL_DETECTOR_OPTIONS: ContextualDetectorOptions = {
  warmup: 150,
  levels: 16,
  order: 3,
  regrid: 1.5,
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
 * share of context lengths for which it is. A value beyond the extremes seen
 * so far is novel outright. The raw score goes through an anomaly
 * likelihood, so the output says how unusual the recent amount of novelty
 * is for this series, and after an alert further outputs are damped for a
 * while, since one incident should raise one alert.
 */
export class ContextualDetector {
  private readonly options: ContextualDetectorOptions;
  private readonly likelihood: AnomalyLikelihood;
  private readonly values: number[] = [];
  // memory[k - 1]: context of the k cells before → cells seen after it.
  private memory: Array<Map<number, Set<number>>> = [];
  private cells: number[] = [];
  private min = Infinity;
  private max = -Infinity;
  private origin = 0;
  private width = 0;
  private gridRange = 0;
  private sinceAlert = Infinity;

  constructor(options: Partial<ContextualDetectorOptions> = {}) {
    this.options = { ...DEFAULT_CONTEXTUAL_DETECTOR_OPTIONS, ...options };
    const o = this.options;
    for (const key of ['warmup', 'levels', 'order'] as const) {
      if (!Number.isInteger(o[key]) || o[key] < 1)
        throw new Error(
          `ContextualDetector ${key} must be a positive integer, got ${o[key]}`,
        );
    }
    if (!(o.regrid > 1))
      throw new Error(`ContextualDetector regrid must be > 1, got ${o.regrid}`);
    this.likelihood = new AnomalyLikelihood(o.likelihood);
  }

  /** Scores the next point; the result depends only on it and earlier points. */
  push(x: number): number {
    if (!Number.isFinite(x))
      throw new Error(`ContextualDetector got a non-finite value ${x}`);
    const o = this.options;
    this.values.push(x);
    const beyond =
      this.values.length > o.warmup &&
      (x > this.max + o.spatialTolerance * (this.max - this.min) ||
        x < this.min - o.spatialTolerance * (this.max - this.min));
    this.min = Math.min(this.min, x);
    this.max = Math.max(this.max, x);
    if (this.values.length < o.warmup) return 0;
    if (this.values.length === o.warmup) {
      this.layGrid();
      return 0;
    }
    const cell = this.cellOf(x);
    const raw = beyond ? 1 : this.novelty(cell);
    this.learn(cell);
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

  // Share of context lengths whose remembered successors miss this cell.
  private novelty(cell: number): number {
    const o = this.options;
    const n = this.cells.length;
    let novel = 0;
    let judged = 0;
    let key = 0;
    for (let k = 1; k <= o.order && k <= n; k++) {
      key = contextKey(key, this.cells[n - k]);
      judged++;
      if (!this.memory[k - 1].get(key)?.has(cell)) novel++;
    }
    return judged ? novel / judged : 1;
  }

  private learn(cell: number): void {
    const o = this.options;
    const n = this.cells.length;
    let key = 0;
    for (let k = 1; k <= o.order && k <= n; k++) {
      key = contextKey(key, this.cells[n - k]);
      let next = this.memory[k - 1].get(key);
      if (!next) this.memory[k - 1].set(key, (next = new Set()));
      next.add(cell);
    }
    this.cells.push(cell);
    if (this.cells.length > 4 * o.order) this.cells.splice(0, 2 * o.order);
  }

  // Lays a grid over the range seen so far and re-learns every past value on it.
  private layGrid(): void {
    const o = this.options;
    const range = this.max - this.min;
    const scale = Math.max(Math.abs(this.max), Math.abs(this.min), 1e-9);
    this.gridRange = Math.max(range, 1e-6 * scale);
    this.width = this.gridRange / o.levels;
    this.origin = this.min;
    this.memory = Array.from({ length: o.order }, () => new Map());
    this.cells = [];
    for (const v of this.values) this.learn(this.cellOf(v));
  }

  private cellOf(x: number): number {
    return Math.floor((x - this.origin) / this.width);
  }
}

// Extends a context key by one older cell: a polynomial hash modulo a prime
// near 2^31, exact in doubles; a rare collision merely merges two contexts.
function contextKey(key: number, cell: number): number {
  return (key * 1048576 + (cell & 0xfffff)) % 2147483647;
}

/** Scores a whole series point by point with a fresh detector. */
export function detectContextual(
  values: ArrayLike<number>,
  options: Partial<ContextualDetectorOptions> = {},
): Float64Array {
  const detector = new ContextualDetector(options);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = detector.push(values[i]);
  return out;
}
