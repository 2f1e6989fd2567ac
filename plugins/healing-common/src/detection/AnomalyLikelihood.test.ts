import {
  AnomalyLikelihood,
  logTailScore,
  normalTail,
} from './AnomalyLikelihood';

describe('AnomalyLikelihood', () => {
  it('has the normal tail and the log score', () => {
    expect(normalTail(0)).toBeCloseTo(0.5, 7);
    expect(normalTail(1.959964)).toBeCloseTo(0.025, 6);
    expect(normalTail(-1.959964)).toBeCloseTo(0.975, 6);
    expect(normalTail(5) / 2.8665157e-7).toBeCloseTo(1, 5);
    expect(logTailScore(1e-5)).toBeCloseTo(0.5, 9);
    expect(logTailScore(1)).toBe(0);
    expect(logTailScore(1e-20)).toBe(1);
  });

  it('is 0 while learning, then flags a burst above the usual level', () => {
    const l = new AnomalyLikelihood({
      shortWindow: 5,
      longWindow: 500,
      learning: 100,
    });
    const quiet: number[] = [];
    for (let i = 0; i < 400; i++) quiet.push(l.push(i % 10 === 0 ? 0.3 : 0));
    expect(quiet.slice(0, 100).every(s => s === 0)).toBe(true);
    expect(Math.max(...quiet.slice(100))).toBeLessThan(0.2);
    const burst = [1, 1, 1].map(r => l.push(r));
    expect(burst[2]).toBeGreaterThan(0.9);
  });

  it('judges a noisy series by its own spread', () => {
    const noisy = new AnomalyLikelihood({ learning: 100 });
    let top = 0;
    for (let i = 0; i < 1000; i++)
      top = Math.max(top, noisy.push(((i * 7919) % 13) / 13));
    // The same burst that is extreme for a quiet series is ordinary here.
    expect(top).toBeLessThan(0.5);
  });

  it('names a bad setting', () => {
    expect(() => new AnomalyLikelihood({ shortWindow: 0 })).toThrow(
      /shortWindow must be a positive integer, got 0/,
    );
    expect(() => new AnomalyLikelihood({ minStd: 0 })).toThrow(
      /minStd must be > 0/,
    );
  });
});
