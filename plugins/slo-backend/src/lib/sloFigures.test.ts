import { histogramQuantile, sloStatus, sumClusters } from './sloFigures';

describe('sumClusters', () => {
  it('sums events across clusters, with each share and the budget', () => {
    // 99.9 % over 1000 s. a: 9 req/s, 0.018 err/s; b: 1 req/s, 0.012 err/s.
    // Σ errors 0.03 / Σ total 10 → 0.003; budget 1 − 0.003 / 0.001 = −2.
    const totals = sumClusters(0.999, 1000, [
      {
        cluster: 'a',
        window: { errors: 0.018, total: 9 },
        burn: {
          '5m': { errors: 0, total: 9 },
          '1h': { errors: 0.009, total: 9 },
        },
      },
      {
        cluster: 'b',
        window: { errors: 0.012, total: 1 },
        burn: {
          '5m': { errors: 0.001, total: 1 },
          '1h': { errors: 0.001, total: 1 },
        },
      },
      {
        cluster: 'c',
        error: 'down',
        window: { errors: null, total: null },
        burn: {},
      },
    ]);
    expect(totals.errorRatio).toBeCloseTo(0.003, 12);
    expect(totals.errorBudgetRemaining).toBeCloseTo(-2, 9);
    expect(totals.burnRates['5m']).toBeCloseTo(0.1, 9);
    expect(totals.burnRates['1h']).toBeCloseTo(1, 9);
    expect(totals.burnRates['6h']).toBeNull();
    expect(totals.clusters).toEqual([
      {
        cluster: 'a',
        good: expect.closeTo(8982, 6),
        total: 9000,
        share: 0.9,
        errorRatio: 0.002,
      },
      {
        cluster: 'b',
        good: expect.closeTo(988, 6),
        total: 1000,
        share: 0.1,
        errorRatio: 0.012,
      },
      {
        cluster: 'c',
        good: null,
        total: null,
        share: null,
        errorRatio: null,
        error: 'down',
      },
    ]);
  });

  it('has no figures without events', () => {
    const totals = sumClusters(0.99, 60, [
      { cluster: 'a', window: { errors: null, total: null }, burn: {} },
      { cluster: 'b', window: { errors: 0, total: 0 }, burn: {} },
    ]);
    expect(totals.errorRatio).toBeNull();
    expect(totals.errorBudgetRemaining).toBeNull();
    expect(sloStatus(totals.errorBudgetRemaining, [])).toBe('no-data');
  });
});

describe('sloStatus', () => {
  const firing = { name: 'Burn', cluster: 'a', state: 'firing' as const };
  it('puts a spent budget before a firing alert, and a pending alert at ok', () => {
    expect(sloStatus(0, [firing])).toBe('exhausted');
    expect(sloStatus(0.5, [firing])).toBe('burning');
    expect(sloStatus(0.5, [{ ...firing, state: 'pending' }])).toBe('ok');
  });
});

describe('histogramQuantile', () => {
  it('interpolates within the bucket the rank falls in', () => {
    // 100 observations: 50 ≤ 0.1, 90 ≤ 0.2, 98 ≤ 0.5, 100 ≤ +Inf.
    const buckets = [
      { le: 0.1, count: 50 },
      { le: 0.2, count: 90 },
      { le: 0.5, count: 98 },
      { le: Infinity, count: 100 },
    ];
    // p50 = 0.1 exactly; p80: rank 80, 0.1 + 0.1 × 30/40 = 0.175.
    expect(histogramQuantile(0.5, buckets)).toBeCloseTo(0.1, 12);
    expect(histogramQuantile(0.8, buckets)).toBeCloseTo(0.175, 12);
    // p99: rank 99 is in +Inf: the highest finite bound.
    expect(histogramQuantile(0.99, buckets)).toBe(0.5);
    // p25: rank 25 in the first bucket, from 0: 0.05.
    expect(histogramQuantile(0.25, buckets)).toBeCloseTo(0.05, 12);
  });

  it('has no answer without observations or a +Inf bucket', () => {
    expect(
      histogramQuantile(0.99, [
        { le: 1, count: 5 },
        { le: 2, count: 5 },
      ]),
    ).toBeNull();
    expect(
      histogramQuantile(0.99, [
        { le: 1, count: 0 },
        { le: Infinity, count: 0 },
      ]),
    ).toBeNull();
  });
});
