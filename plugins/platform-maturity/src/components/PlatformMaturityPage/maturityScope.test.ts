import {
  historyQuery,
  sameScope,
  scopeFromParams,
  scopeRef,
  scopeSubject,
  scopeToParams,
} from './maturityScope';

describe('maturityScope', () => {
  it('turns the names of the leaderboard into references', () => {
    expect(scopeRef('team', 'trading-team')).toBe('group:default/trading-team');
    expect(scopeRef('team', 'group:ops/sre')).toBe('group:ops/sre');
    expect(scopeRef('system', 'core-trading')).toBe(
      'system:default/core-trading',
    );
    expect(scopeRef('team', 'group:')).toBeUndefined();
  });

  it('reads the scope from the URL query, the team first', () => {
    expect(scopeFromParams(new URLSearchParams())).toEqual({ type: 'fleet' });
    expect(
      scopeFromParams(new URLSearchParams('team=group:default/trading-team')),
    ).toEqual({ type: 'team', ref: 'group:default/trading-team' });
    expect(scopeFromParams(new URLSearchParams('team=trading-team'))).toEqual({
      type: 'team',
      ref: 'group:default/trading-team',
    });
    expect(
      scopeFromParams(new URLSearchParams('system=core-trading&team=')),
    ).toEqual({ type: 'system', ref: 'system:default/core-trading' });
    expect(scopeFromParams(new URLSearchParams('team=group:'))).toEqual({
      type: 'fleet',
    });
  });

  it('writes the scope into the URL query, keeping other parameters', () => {
    const current = new URLSearchParams('system=system:default/x&tab=1');
    expect(
      scopeToParams(
        { type: 'team', ref: 'group:default/trading-team' },
        current,
      ).toString(),
    ).toBe('tab=1&team=group%3Adefault%2Ftrading-team');
    expect(scopeToParams({ type: 'fleet' }, current).toString()).toBe('tab=1');
  });

  it('names the scope and its history query', () => {
    const team = { type: 'team', ref: 'group:ops/sre' } as const;
    expect(scopeSubject(team)).toBe('team ops/sre');
    expect(scopeSubject({ type: 'fleet' })).toBe('the fleet');
    expect(historyQuery(team)).toEqual({ team: 'group:ops/sre' });
    expect(historyQuery({ type: 'fleet' })).toBeUndefined();
    expect(sameScope(team, { type: 'team', ref: 'group:ops/sre' })).toBe(true);
    expect(sameScope(team, { type: 'system', ref: 'group:ops/sre' })).toBe(
      false,
    );
    expect(sameScope({ type: 'fleet' }, { type: 'fleet' })).toBe(true);
  });
});
