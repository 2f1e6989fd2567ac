import { seededRandom } from './random';
import { StreamingDetector, detectStream } from './StreamingDetector';

function noisy(n: number, seed: number): number[] {
  const random = seededRandom(seed);
  return Array.from(
    { length: n },
    (_, i) => 50 + 5 * Math.sin((2 * Math.PI * i) / 100) + 2 * (random() - 0.5),
  );
}

describe('StreamingDetector', () => {
  it('says nothing before it has seen data', () => {
    const scores = detectStream(noisy(150, 1));
    expect(Math.max(...scores)).toBe(0);
  });

  it('flags an injected spike once it has learnt the series', () => {
    const values = noisy(1500, 2);
    values[1200] += 40;
    const scores = detectStream(values);
    const before = Math.max(...scores.slice(700, 1200));
    expect(scores[1200]).toBeGreaterThan(0.6);
    expect(scores[1200]).toBeGreaterThan(before);
  });

  it('flags a level shift', () => {
    const values = noisy(1500, 3).map((v, i) => (i >= 1100 ? v + 25 : v));
    const scores = detectStream(values);
    const after = Math.max(...scores.slice(1100, 1110));
    expect(after).toBeGreaterThan(0.6);
    expect(after).toBeGreaterThan(Math.max(...scores.slice(700, 1100)));
  });

  it('uses only the past: later points do not change earlier scores', () => {
    const values = noisy(900, 4);
    const full = detectStream(values);
    const prefix = detectStream(values.slice(0, 600));
    expect(Array.from(full.slice(0, 600))).toEqual(Array.from(prefix));
  });

  it('is deterministic and stays in [0, 1]', () => {
    const values = noisy(800, 5);
    const a = detectStream(values);
    const b = detectStream(values);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(a.every(s => s >= 0 && s <= 1)).toBe(true);
    const detector = new StreamingDetector({ seed: 2 });
    expect(detector.push(1)).toBe(0);
  });
});
