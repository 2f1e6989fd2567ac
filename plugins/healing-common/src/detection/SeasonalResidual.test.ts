import { seededRandom } from './random';
import { SeasonalResidual } from './SeasonalResidual';
import { detectStream } from './StreamingDetector';

function daily(days: number, seed: number): number[] {
  const random = seededRandom(seed);
  return Array.from(
    { length: days * 288 },
    (_, i) => 50 + 20 * Math.sin((2 * Math.PI * i) / 288) + random() - 0.5,
  );
}

describe('SeasonalResidual', () => {
  it('finds the daily period of a 5-minute series, and none in noise', () => {
    const seasonal = new SeasonalResidual();
    daily(4, 1).forEach(x => seasonal.push(x));
    expect(seasonal.period).toBe(288);

    const random = seededRandom(2);
    const noise = new SeasonalResidual();
    for (let i = 0; i < 2000; i++) noise.push(random());
    expect(noise.period).toBe(0);
  });

  it('does not take a smooth trend for a season', () => {
    const trend = new SeasonalResidual();
    for (let i = 0; i < 3000; i++) trend.push(Math.sqrt(i));
    expect(trend.period).toBe(0);
  });

  it('sees a day that flattens although each value stays in range', () => {
    const values = daily(10, 3);
    const flat = 7 * 288;
    for (let i = flat; i < flat + 100; i++) values[i] = 50;
    const seasonal = new SeasonalResidual();
    const sigmas = values.map(x => seasonal.push(x) ?? 0);
    const before = Math.max(...sigmas.slice(4 * 288, flat));
    expect(Math.max(...sigmas.slice(flat, flat + 100))).toBeGreaterThan(
      2 * before,
    );
  });
});

describe('StreamingDetector on contextual anomalies', () => {
  it('flags a flattened day that the values alone would not betray', () => {
    const values = daily(10, 4);
    const flat = 7 * 288;
    for (let i = flat; i < flat + 100; i++) values[i] = 50;
    const scores = detectStream(values);
    expect(Math.max(...scores.slice(flat, flat + 100))).toBeGreaterThan(0.55);
  });

  it('flags a slow drift of the level', () => {
    const random = seededRandom(5);
    const values = Array.from(
      { length: 3000 },
      (_, i) => 10 + random() + (i > 2000 ? (i - 2000) * 0.01 : 0),
    );
    const scores = detectStream(values);
    const first = scores.findIndex((s, i) => i > 2000 && s >= 0.55);
    expect(first).toBeGreaterThan(2000);
    expect(first).toBeLessThan(2400);
  });
});
