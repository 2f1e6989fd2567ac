import { calibrate } from './calibrate';
import { seededRandom } from './random';

describe('calibrate', () => {
  it('is monotone and measures precision at a score', () => {
    const random = seededRandom(11);
    const pairs = Array.from({ length: 2000 }, () => {
      const score = random();
      // True incidents become likelier with the score, with noise.
      return { score, label: random() < score * score };
    });
    const probability = calibrate(pairs);
    let last = -1;
    for (let s = 0; s <= 1; s += 0.01) {
      const p = probability(s);
      expect(p).toBeGreaterThanOrEqual(last);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      last = p;
    }
    expect(probability(0.95)).toBeGreaterThan(0.8);
    expect(probability(0.1)).toBeLessThan(0.1);
  });

  it('pools violators into one block', () => {
    const probability = calibrate([
      { score: 0.1, label: false },
      { score: 0.2, label: true },
      { score: 0.3, label: false },
      { score: 0.4, label: true },
    ]);
    // 0.2 and 0.3 pool to 0.5 at their mean score 0.25.
    expect(probability(0.25)).toBeCloseTo(0.5);
    expect(probability(0)).toBe(0);
    expect(probability(1)).toBe(1);
  });

  it('answers 0 without data', () => {
    expect(calibrate([])(0.7)).toBe(0);
  });
});
