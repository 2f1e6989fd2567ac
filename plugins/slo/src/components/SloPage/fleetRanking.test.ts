import {
  fleetObjectives,
  tradingEngineAvailability,
} from '../../testing/sloFixtures';
import { teamBudgets } from './teamBudgets';
import { worstBurners } from './worstBurners';

describe('teamBudgets', () => {
  it('groups SLOs by team, the lowest budget first, SLOs of no team last', () => {
    const teams = teamBudgets(fleetObjectives.items);
    expect(
      teams.map(t => [t.team, t.total, t.lowest?.name ?? null, t.counts]),
    ).toEqual([
      [
        'group:default/trading-team',
        3,
        'trading-engine-latency',
        { ok: 1, burning: 1, exhausted: 1, 'no-data': 0 },
      ],
      [
        'group:default/payments-team',
        2,
        'quotes-availability',
        { ok: 2, burning: 0, exhausted: 0, 'no-data': 0 },
      ],
      [
        'group:default/web-team',
        1,
        null,
        { ok: 0, burning: 0, exhausted: 0, 'no-data': 1 },
      ],
      [
        undefined,
        1,
        'batch-reports-availability',
        { ok: 1, burning: 0, exhausted: 0, 'no-data': 0 },
      ],
    ]);
  });

  it('has no group without SLOs', () => {
    expect(teamBudgets([])).toEqual([]);
  });
});

describe('worstBurners', () => {
  it('ranks by 1h burn rate, then 6h, leaving out SLOs without either', () => {
    expect(worstBurners(fleetObjectives.items).map(s => s.name)).toEqual([
      'trading-engine-availability',
      'order-gateway-availability',
      'quotes-availability',
      'trading-engine-latency',
      'payments-api-availability',
      'batch-reports-availability',
    ]);
  });

  it('keeps the top ten', () => {
    const many = Array.from({ length: 14 }, (_, i) => ({
      ...tradingEngineAvailability,
      name: `slo-${i}`,
      burnRates: { '5m': null, '1h': i, '6h': null, '3d': null },
    }));
    const top = worstBurners(many);
    expect(top).toHaveLength(10);
    expect(top[0].name).toBe('slo-13');
    expect(top[9].name).toBe('slo-4');
  });
});
