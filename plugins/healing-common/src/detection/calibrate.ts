/**
 * A detector score with whether it was a real incident.
 *
 * @public
 */
export interface LabelledScore {
  score: number;
  label: boolean;
}

/**
 * Fits a monotone map from score to the probability of a real incident by
 * isotonic regression (pool-adjacent-violators) on labelled pairs, so a
 * confidence of 0.9 means nine in ten such alerts were right; raw
 * isolation scores rarely get near that. Between fitted blocks the map
 * interpolates linearly; outside them it holds the end values.
 *
 * @public
 */
export function calibrate(
  pairs: readonly LabelledScore[],
): (score: number) => number {
  if (pairs.length === 0) return () => 0;
  const sorted = [...pairs].sort((a, b) => a.score - b.score);
  // Each block: mean score, mean label, weight; merged while labels decrease.
  const blocks: Array<{ score: number; p: number; n: number }> = [];
  let i = 0;
  while (i < sorted.length) {
    // Equal scores must get one probability, so they start as one block.
    let j = i;
    let positives = 0;
    while (j < sorted.length && sorted[j].score === sorted[i].score) {
      if (sorted[j].label) positives++;
      j++;
    }
    blocks.push({ score: sorted[i].score, p: positives / (j - i), n: j - i });
    while (
      blocks.length > 1 &&
      blocks[blocks.length - 2].p >= blocks[blocks.length - 1].p
    ) {
      const b = blocks.pop()!;
      const a = blocks.pop()!;
      const n = a.n + b.n;
      blocks.push({
        score: (a.score * a.n + b.score * b.n) / n,
        p: (a.p * a.n + b.p * b.n) / n,
        n,
      });
    }
    i = j;
  }
  return (score: number) => {
    if (score <= blocks[0].score) return blocks[0].p;
    const last = blocks[blocks.length - 1];
    if (score >= last.score) return last.p;
    let lo = 0;
    let hi = blocks.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (blocks[mid].score <= score) lo = mid;
      else hi = mid;
    }
    const a = blocks[lo];
    const b = blocks[hi];
    return a.p + ((b.p - a.p) * (score - a.score)) / (b.score - a.score);
  };
}
