import { seededRandom } from './random';
import { ContextualDetector, detectContextual } from './ContextualDetector';

// A daily-like cycle of 96 points with a little seeded noise.
function cycle(n: number, seed = 7): Float64Array {
  const random = seededRandom(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++)
    out[i] = 50 + 30 * Math.sin((2 * Math.PI * i) / 96) + 2 * random();
  return out;
}

const max = (a: ArrayLike<number>, from = 0, to = a.length) =>
  Math.max(...Array.from(a).slice(from, to));

describe('ContextualDetector', () => {
  it('is deterministic and never looks ahead', () => {
    const values = cycle(1500);
    const whole = detectContextual(values);
    expect(detectContextual(values)).toEqual(whole);
    expect(detectContextual(values.subarray(0, 900))).toEqual(
      whole.subarray(0, 900),
    );
  });

  it('scores a value beyond the range seen as new ground', () => {
    const values = cycle(2000);
    values[1500] = 120;
    const scores = detectContextual(values);
    expect(scores[1500]).toBe(1);
    expect(max(scores, 600, 1500)).toBeLessThan(0.5);
  });

  it('flags a familiar range visited in an unfamiliar order', () => {
    const values = cycle(2400);
    // Within the usual range, but the cycle now jumps back and forth.
    for (let i = 1800; i < 1830; i++) values[i] = i % 2 ? 25 : 75;
    const scores = detectContextual(values);
    expect(max(scores, 1800, 1840)).toBeGreaterThan(0.5);
    expect(max(scores, 600, 1800)).toBeLessThan(max(scores, 1800, 1840) / 2);
  });

  it('damps outputs for a while after an alert', () => {
    const values = cycle(2400);
    values[1500] = 120;
    values[1550] = 150;
    const scores = detectContextual(values, { damping: 0.3 });
    expect(scores[1500]).toBe(1);
    expect(scores[1550]).toBeCloseTo(0.3, 9);
    expect(detectContextual(values, { refractory: 0 })[1550]).toBe(1);
  });

  it('keeps a bounded window of past values to re-learn from', () => {
    // The range grows late, so the grid is re-laid from the kept values only.
    const values = cycle(6000);
    for (let i = 5000; i < 6000; i++) values[i] *= 2;
    const bounded = detectContextual(values, { relearnWindow: 400 });
    const whole = detectContextual(values, { relearnWindow: 10_000 });
    // Identical until the first re-grid, which sees fewer values…
    expect(bounded.subarray(0, 5000)).toEqual(whole.subarray(0, 5000));
    // …and still flags the new ground at once.
    expect(bounded[5000]).toBe(whole[5000]);
    expect(max(bounded, 5000, 5010)).toBe(1);
  });

  it('names a bad setting or value', () => {
    expect(() => new ContextualDetector({ levels: 0 })).toThrow(
      /levels must be a positive integer, got 0/,
    );
    expect(() => new ContextualDetector({ regrid: 1 })).toThrow(
      /regrid must be > 1/,
    );
    expect(() => new ContextualDetector().push(NaN)).toThrow(
      /non-finite value NaN/,
    );
  });
});
