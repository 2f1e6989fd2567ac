import { Random, randomInt, seededRandom } from './random';

// Below this the harmonic number is summed term by term, so c(n) is exact
// for every sub-sample size in use; above it the asymptotic expansion is
// already correct to double precision.
const EXACT_HARMONIC_LIMIT = 100_000;
const EULER_GAMMA = 0.5772156649015329;

/**
 * The harmonic number H(k) = 1 + 1/2 + … + 1/k.
 *
 * @public
 */
export function harmonicNumber(k: number): number {
  if (k <= 0) return 0;
  if (k <= EXACT_HARMONIC_LIMIT) {
    let sum = 0;
    // Smallest terms first keeps the rounding error lowest.
    for (let i = Math.floor(k); i >= 1; i--) sum += 1 / i;
    return sum;
  }
  return (
    Math.log(k) +
    EULER_GAMMA +
    1 / (2 * k) -
    1 / (12 * k * k) +
    1 / (120 * k ** 4)
  );
}

/**
 * c(n): the mean path length of an unsuccessful search in a binary search
 * tree of n points, 2H(n-1) - 2(n-1)/n; it normalises isolation depths.
 *
 * @public
 */
export function averagePathLength(n: number): number {
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * harmonicNumber(n - 1) - (2 * (n - 1)) / n;
}

/**
 * Settings of an isolation forest.
 *
 * @public
 */
export interface IsolationForestOptions {
  /** Number of trees (100). */
  trees?: number;
  /** Points per tree, ψ (256, or all points when fewer). */
  sampleSize?: number;
  /** Seed of the generator that draws sub-samples and splits (1). */
  seed?: number;
}

/** One tree in flat arrays: node i splits on feature[i] < threshold[i]. */
interface Tree {
  feature: Int32Array; // -1 marks an external node
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  // For an external node: depth + c(size), precomputed once.
  leafPath: Float64Array;
}

/**
 * Isolation forest (Liu, Ting and Zhou, 2008): anomalies are isolated by
 * fewer random splits, so score(x) = 2^(-E[h(x)] / c(ψ)) is near 1 for them
 * and at or below 0.5 for ordinary points.
 *
 * @public
 */
export class IsolationForest {
  private constructor(
    private readonly trees: Tree[],
    private readonly normaliser: number,
  ) {}

  /** Fits a forest on `samples` (rows of equal length). */
  static fit(
    samples: ArrayLike<number>[],
    options: IsolationForestOptions = {},
  ): IsolationForest {
    if (samples.length === 0) throw new Error('isolation forest needs samples');
    const treeCount = options.trees ?? 100;
    const psi = Math.min(options.sampleSize ?? 256, samples.length);
    const random = seededRandom(options.seed ?? 1);
    const heightLimit = Math.ceil(Math.log2(Math.max(psi, 2)));
    const trees: Tree[] = [];
    for (let t = 0; t < treeCount; t++) {
      trees.push(
        buildTree(sampleRows(samples, psi, random), heightLimit, random),
      );
    }
    return new IsolationForest(trees, averagePathLength(psi));
  }

  /** Mean path length E[h(x)] over the trees. */
  pathLength(x: ArrayLike<number>): number {
    let total = 0;
    for (const tree of this.trees) {
      let node = 0;
      while (tree.feature[node] >= 0) {
        node =
          x[tree.feature[node]] < tree.threshold[node]
            ? tree.left[node]
            : tree.right[node];
      }
      total += tree.leafPath[node];
    }
    return total / this.trees.length;
  }

  /** Anomaly score in (0, 1]: higher is more anomalous. */
  score(x: ArrayLike<number>): number {
    if (this.normaliser === 0) return 0.5;
    return 2 ** (-this.pathLength(x) / this.normaliser);
  }
}

/** ψ rows drawn without replacement (partial Fisher–Yates on indices). */
function sampleRows(
  samples: ArrayLike<number>[],
  psi: number,
  random: Random,
): ArrayLike<number>[] {
  const index = Array.from(samples, (_, i) => i);
  const out: ArrayLike<number>[] = [];
  for (let i = 0; i < psi; i++) {
    const j = i + randomInt(random, index.length - i);
    [index[i], index[j]] = [index[j], index[i]];
    out.push(samples[index[i]]);
  }
  return out;
}

function buildTree(
  rows: ArrayLike<number>[],
  heightLimit: number,
  random: Random,
): Tree {
  // A tree on ψ points has at most 2ψ - 1 nodes.
  const capacity = 2 * rows.length;
  const tree: Tree = {
    feature: new Int32Array(capacity).fill(-1),
    threshold: new Float64Array(capacity),
    left: new Int32Array(capacity),
    right: new Int32Array(capacity),
    leafPath: new Float64Array(capacity),
  };
  const width = rows[0].length;
  let next = 0;
  const grow = (part: ArrayLike<number>[], depth: number): number => {
    const node = next++;
    if (depth < heightLimit && part.length > 1) {
      const split = chooseSplit(part, width, random);
      if (split) {
        const [feature, threshold] = split;
        const lower = part.filter(r => r[feature] < threshold);
        const upper = part.filter(r => r[feature] >= threshold);
        tree.feature[node] = feature;
        tree.threshold[node] = threshold;
        tree.left[node] = grow(lower, depth + 1);
        tree.right[node] = grow(upper, depth + 1);
        return node;
      }
    }
    tree.leafPath[node] = depth + averagePathLength(part.length);
    return node;
  };
  grow(rows, 0);
  return tree;
}

/**
 * A random feature among those that still vary in `part`, cut uniformly
 * between its minimum and maximum; undefined when every row is the same.
 */
function chooseSplit(
  part: ArrayLike<number>[],
  width: number,
  random: Random,
): [number, number] | undefined {
  const candidates: Array<[number, number, number]> = [];
  for (let f = 0; f < width; f++) {
    let min = Infinity;
    let max = -Infinity;
    for (const row of part) {
      if (row[f] < min) min = row[f];
      if (row[f] > max) max = row[f];
    }
    if (max > min) candidates.push([f, min, max]);
  }
  if (candidates.length === 0) return undefined;
  const [feature, min, max] = candidates[randomInt(random, candidates.length)];
  // Never exactly min, so both sides of the cut are non-empty.
  let threshold = min + random() * (max - min);
  if (threshold <= min) threshold = max;
  return [feature, threshold];
}
