import {
  burnLevel,
  formatBudget,
  formatBurnRate,
  formatObjective,
  formatQuantile,
  formatRatio,
  formatSeconds,
  worstBurn,
} from './sloFigures';

// Figures and units are joined by a no-break space.
const text = (s: string) => s.replace(/\u00a0/g, ' ');

describe('SLO figures', () => {
  it('writes objectives with as many decimals as they have', () => {
    expect(text(formatObjective(0.9999))).toBe('99.99 %');
    expect(text(formatObjective(0.999))).toBe('99.9 %');
    expect(text(formatObjective(0.99))).toBe('99 %');
    expect(text(formatObjective(0.99995))).toBe('99.995 %');
  });

  it('writes the budget left with one decimal, negative when overspent', () => {
    expect(text(formatBudget(0.423))).toBe('42.3 %');
    expect(text(formatBudget(1))).toBe('100 %');
    expect(text(formatBudget(0))).toBe('0 %');
    expect(text(formatBudget(-0.125))).toBe('-12.5 %');
    expect(formatBudget(null)).toBe('–');
  });

  it('writes ratios with three significant digits', () => {
    expect(text(formatRatio(0.62))).toBe('62 %');
    expect(text(formatRatio(0.00012345))).toBe('0.0123 %');
    expect(text(formatRatio(0))).toBe('0 %');
    expect(formatRatio(null)).toBe('–');
  });

  it('writes burn rates, latencies and quantiles', () => {
    expect(formatBurnRate(15.123)).toBe('15.1×');
    expect(formatBurnRate(0.4)).toBe('0.40×');
    expect(formatBurnRate(null)).toBe('–');
    expect(text(formatSeconds(0.095))).toBe('95 ms');
    expect(text(formatSeconds(1.25))).toBe('1.25 s');
    expect(formatSeconds(null)).toBe('–');
    expect(formatQuantile(0.99)).toBe('p99');
    expect(formatQuantile(0.999)).toBe('p99.9');
  });

  it('ranks burn rates by the multi-window thresholds 14.4, 6 and 1', () => {
    expect(burnLevel(14.4)?.level).toBe('fast');
    expect(burnLevel(14.39)?.level).toBe('slow');
    expect(burnLevel(6)?.level).toBe('slow');
    expect(burnLevel(5.99)?.level).toBe('over');
    expect(burnLevel(1)?.level).toBe('over');
    expect(burnLevel(0.99)).toBeUndefined();
    expect(burnLevel(null)).toBeUndefined();
  });

  it('finds the worst burn over all windows', () => {
    expect(worstBurn({ '5m': 2, '1h': 3.5, '6h': null, '3d': 1 })).toEqual({
      window: '1h',
      rate: 3.5,
    });
    expect(
      worstBurn({ '5m': null, '1h': null, '6h': null, '3d': null }),
    ).toBeUndefined();
  });
});
