import {
  IsolationForest,
  averagePathLength,
  harmonicNumber,
} from './IsolationForest';
import { seededRandom } from './random';

function cluster(n: number, seed: number): number[][] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => [random() - 0.5, random() - 0.5]);
}

describe('averagePathLength', () => {
  it('has the exact small values', () => {
    expect(averagePathLength(1)).toBe(0);
    expect(averagePathLength(2)).toBe(1);
    // 2H(2) - 2·2/3 = 3 - 4/3
    expect(averagePathLength(3)).toBeCloseTo(5 / 3, 12);
    // 2·H(255) - 2·255/256, summed exactly; the ln-based approximation gives ≈ 10.24.
    expect(averagePathLength(256)).toBeCloseTo(10.24869, 5);
  });

  it('sums the harmonic number exactly for small n', () => {
    expect(harmonicNumber(4)).toBeCloseTo(25 / 12, 14);
    expect(harmonicNumber(200_000)).toBeCloseTo(
      Math.log(200_000) + 0.5772156649 + 1 / 400_000,
      9,
    );
  });
});

describe('IsolationForest', () => {
  const samples = cluster(500, 3);

  it('repeats with the same seed and differs with another', () => {
    const a = IsolationForest.fit(samples, { seed: 7 });
    const b = IsolationForest.fit(samples, { seed: 7 });
    const c = IsolationForest.fit(samples, { seed: 8 });
    const x = [0.3, -0.2];
    expect(a.score(x)).toBe(b.score(x));
    expect(a.score(x)).not.toBe(c.score(x));
  });

  it('scores outliers above inliers, every score in (0, 1]', () => {
    const forest = IsolationForest.fit(samples, { seed: 1 });
    const inlier = forest.score([0, 0]);
    const outlier = forest.score([4, -4]);
    expect(outlier).toBeGreaterThan(0.6);
    expect(inlier).toBeLessThan(0.5);
    for (const x of [...cluster(50, 9), [10, 10], [-3, 0]]) {
      const s = forest.score(x);
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });

  it('stops at the height limit ceil(log2 ψ)', () => {
    const forest = IsolationForest.fit(samples, { sampleSize: 16, seed: 2 });
    // Far outside, x is isolated at depth ≤ 4 but never deeper.
    expect(forest.pathLength([100, 100])).toBeLessThanOrEqual(4);
  });
});
