/**
 * `AC@k`: the share of cases whose true root cause is among the first k ranked.
 *
 * @public
 */
export function accuracyAtK(
  rankings: ReadonlyArray<readonly string[]>,
  truths: readonly string[],
  k: number,
): number {
  if (rankings.length === 0) return 0;
  let hits = 0;
  rankings.forEach((ranking, i) => {
    if (ranking.slice(0, k).includes(truths[i])) hits++;
  });
  return hits / rankings.length;
}

/**
 * `Avg@k`: the mean of `AC@1` … `AC@k` (`Avg@5` in the RCA literature).
 *
 * @public
 */
export function averageAccuracy(
  rankings: ReadonlyArray<readonly string[]>,
  truths: readonly string[],
  k = 5,
): number {
  let sum = 0;
  for (let i = 1; i <= k; i++) sum += accuracyAtK(rankings, truths, i);
  return sum / k;
}
