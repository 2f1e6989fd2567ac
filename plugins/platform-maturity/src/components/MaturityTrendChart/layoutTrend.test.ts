import { layoutTrend, TrendFrame } from './layoutTrend';

const frame: TrendFrame = {
  width: 240,
  height: 120,
  margin: { top: 10, right: 20, bottom: 10, left: 20 },
};

describe('layoutTrend', () => {
  it('spreads the samples over the plot, 0 at the bottom and 100 at the top', () => {
    const layout = layoutTrend(
      [
        { takenAt: '2026-11-26T08:00:00Z', score: 0 },
        { takenAt: '2026-11-26T09:00:00Z', score: 50 },
        { takenAt: '2026-11-26T10:00:00Z', score: 100 },
      ],
      frame,
    );

    expect(layout.points.map(p => [p.x, p.y])).toEqual([
      [20, 110],
      [120, 60],
      [220, 10],
    ]);
    expect(layout.line).toBe('M20,110 L120,60 L220,10');
    expect(layout.area).toBe('M20,110 L120,60 L220,10 L220,110 L20,110 Z');
    expect(layout.yTicks).toEqual([
      { y: 110, value: 0 },
      { y: 85, value: 25 },
      { y: 60, value: 50 },
      { y: 35, value: 75 },
      { y: 10, value: 100 },
    ]);
  });

  it('places the time ticks between the first and the last sample', () => {
    const layout = layoutTrend(
      [
        { takenAt: '2026-11-01T12:00:00Z', score: 40 },
        { takenAt: '2026-11-30T12:00:00Z', score: 60 },
      ],
      frame,
      { locale: 'en-GB' },
    );

    expect(layout.xTicks.length).toBeGreaterThanOrEqual(4);
    expect(layout.xTicks.length).toBeLessThanOrEqual(6);
    expect(layout.xTicks.every(t => t.x >= 20 && t.x <= 220)).toBe(true);
    expect(layout.xTicks[0].label).toMatch(/^\d{1,2} Nov$/);
  });

  it('keeps scores outside 0–100 on the plot', () => {
    const layout = layoutTrend(
      [
        { takenAt: '2026-11-26T08:00:00Z', score: -5 },
        { takenAt: '2026-11-26T09:00:00Z', score: 120 },
      ],
      frame,
    );
    expect(layout.points.map(p => p.y)).toEqual([110, 10]);
  });

  it('centres samples taken at one time', () => {
    const layout = layoutTrend(
      [{ takenAt: '2026-11-26T08:00:00Z', score: 50 }],
      frame,
    );
    expect(layout.points).toEqual([
      { x: 120, y: 60, time: Date.parse('2026-11-26T08:00:00Z'), score: 50 },
    ]);
  });
});
