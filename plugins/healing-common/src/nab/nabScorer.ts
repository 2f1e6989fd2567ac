/**
 * Weights of one NAB application profile.
 *
 * @public
 */
export interface NabProfile {
  name: string;
  tpWeight: number;
  fpWeight: number;
  fnWeight: number;
}

/**
 * NAB's three application profiles.
 *
 * @public
 */
export const NAB_PROFILES: readonly NabProfile[] = [
  { name: 'standard', tpWeight: 1, fpWeight: 0.11, fnWeight: 1 },
  { name: 'reward_low_FP_rate', tpWeight: 1, fpWeight: 0.22, fnWeight: 1 },
  { name: 'reward_low_FN_rate', tpWeight: 1, fpWeight: 0.11, fnWeight: 2 },
];

/**
 * Rows at the start of a file that NAB does not score: min(15 %, 750).
 *
 * @public
 */
export function nabProbationaryPeriod(rows: number): number {
  return Math.min(Math.floor(0.15 * rows), 750);
}

/**
 * NAB's scaled sigmoid: ~1 at a window's left edge (-1), 0 at its right edge, -1 far past it.
 *
 * @public
 */
export function nabScaledSigmoid(position: number): number {
  if (position > 3) return -1;
  return 2 / (1 + Math.exp(5 * position)) - 1;
}

/**
 * Parses NAB's `YYYY-MM-DD HH:MM:SS[.ffffff]` as UTC milliseconds.
 *
 * @public
 */
export function parseNabTimestamp(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(text);
  if (!m) throw new Error(`not a NAB timestamp: '${text}'`);
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/**
 * A window as row indices, both ends included.
 *
 * @public
 */
export interface RowWindow {
  start: number;
  end: number;
}

/**
 * Maps `[start, end]` timestamp windows onto the rows they cover.
 *
 * @public
 */
export function windowRows(
  timestamps: readonly number[],
  windows: ReadonlyArray<readonly [number, number]>,
): RowWindow[] {
  const out: RowWindow[] = [];
  for (const [from, to] of windows) {
    let start = -1;
    let end = -1;
    for (let i = 0; i < timestamps.length; i++) {
      if (timestamps[i] >= from && timestamps[i] <= to) {
        if (start < 0) start = i;
        end = i;
      }
    }
    if (start >= 0) out.push({ start, end });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Marks a row as probationary in {@link NabRowWeights.window}.
 *
 * @public
 */
export const PROBATIONARY = -2;
/**
 * Marks a row outside every window in {@link NabRowWeights.window}.
 *
 * @public
 */
export const OUTSIDE = -1;

/**
 * What a detection at each row would be worth, before profile weights:
 * inside window w, the tp share in (0, 1]; outside, the fp share in [-1, 0].
 *
 * @public
 */
export interface NabRowWeights {
  /** Window index, {@link OUTSIDE} or {@link PROBATIONARY}. */
  window: Int32Array;
  value: Float64Array;
  windowCount: number;
}

/**
 * Per-row sweep weights of one file, following NAB's sweeper.
 *
 * @public
 */
export function nabRowWeights(
  rows: number,
  windows: RowWindow[],
): NabRowWeights {
  const probation = nabProbationaryPeriod(rows);
  const window = new Int32Array(rows).fill(OUTSIDE);
  const value = new Float64Array(rows);
  const maxTp = nabScaledSigmoid(-1);
  let w = 0;
  let prevRight = -1;
  let prevWidth = 0;
  for (let i = 0; i < rows; i++) {
    const current = windows[w];
    if (current && i >= current.start && i <= current.end) {
      const width = current.end - current.start + 1;
      // -1 at the left edge, approaching 0 at the right edge.
      value[i] = nabScaledSigmoid(-(current.end - i + 1) / width) / maxTp;
      window[i] = w;
      if (i === current.end) {
        prevRight = i;
        prevWidth = width;
        w++;
      }
    } else if (prevRight < 0) {
      value[i] = -1;
    } else {
      // Just after a window a detection is nearly free; three widths on, a full fp.
      value[i] = nabScaledSigmoid((i - prevRight) / Math.max(prevWidth - 1, 1));
    }
    if (i < probation) window[i] = PROBATIONARY;
  }
  return { window, value, windowCount: windows.length };
}

/**
 * Counts and raw score of one file (or a corpus) under one profile.
 *
 * @public
 */
export interface NabResult {
  raw: number;
  tp: number;
  fp: number;
  fn: number;
  windows: number;
}

/**
 * Scores detections (`score >= threshold`) of one file under a profile.
 *
 * @public
 */
export function nabScoreAt(
  scores: ArrayLike<number>,
  weights: NabRowWeights,
  threshold: number,
  profile: NabProfile,
): NabResult {
  const best = new Float64Array(weights.windowCount).fill(-Infinity);
  let fpCost = 0;
  let fp = 0;
  for (let i = 0; i < scores.length; i++) {
    if (scores[i] < threshold) continue;
    const w = weights.window[i];
    if (w === PROBATIONARY) continue;
    if (w === OUTSIDE) {
      fpCost += weights.value[i];
      fp++;
    } else if (weights.value[i] > best[w]) {
      // The earliest detection has the highest weight, so max = first.
      best[w] = weights.value[i];
    }
  }
  let tp = 0;
  let raw = fpCost * profile.fpWeight;
  for (const b of best) {
    if (b === -Infinity) raw -= profile.fnWeight;
    else {
      raw += b * profile.tpWeight;
      tp++;
    }
  }
  return {
    raw,
    tp,
    fp,
    fn: weights.windowCount - tp,
    windows: weights.windowCount,
  };
}

/**
 * NAB's normalisation: 0 for a detector that never fires, 100 for a perfect one.
 *
 * @public
 */
export function nabNormalise(
  raw: number,
  windows: number,
  profile: NabProfile,
): number {
  const nullScore = -profile.fnWeight * windows;
  const perfect = profile.tpWeight * windows;
  if (perfect === nullScore) return 0;
  return (100 * (raw - nullScore)) / (perfect - nullScore);
}

/**
 * One scored file for the threshold sweep.
 *
 * @public
 */
export interface NabFile {
  scores: ArrayLike<number>;
  weights: NabRowWeights;
}

/**
 * Sweeps every distinct score as threshold over the whole corpus at once, as
 * NAB's optimiser does, and returns the one with the highest summed raw score.
 *
 * @public
 */
export function nabBestThreshold(
  files: readonly NabFile[],
  profile: NabProfile,
): { threshold: number; raw: number } {
  const points: Array<{ score: number; file: number; row: number }> = [];
  let windows = 0;
  const offsets: number[] = [];
  files.forEach((file, f) => {
    offsets.push(windows);
    windows += file.weights.windowCount;
    for (let row = 0; row < file.scores.length; row++) {
      if (file.weights.window[row] !== PROBATIONARY) {
        points.push({ score: file.scores[row], file: f, row });
      }
    }
  });
  points.sort((a, b) => b.score - a.score);
  const best = new Float64Array(windows).fill(-Infinity);
  let raw = -profile.fnWeight * windows;
  let top = { threshold: Infinity, raw };
  for (let i = 0; i < points.length; i++) {
    const { file, row, score } = points[i];
    const weights = files[file].weights;
    const w = weights.window[row];
    const v = weights.value[row];
    if (w === OUTSIDE) raw += v * profile.fpWeight;
    else {
      const g = offsets[file] + w;
      if (best[g] === -Infinity) {
        raw += profile.fnWeight + v * profile.tpWeight;
        best[g] = v;
      } else if (v > best[g]) {
        raw += (v - best[g]) * profile.tpWeight;
        best[g] = v;
      }
    }
    const tieNext = i + 1 < points.length && points[i + 1].score === score;
    if (!tieNext && raw > top.raw) top = { threshold: score, raw };
  }
  return top;
}
