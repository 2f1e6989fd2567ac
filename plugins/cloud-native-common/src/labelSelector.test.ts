import { matchesLabelSelector, parseLabelSelector } from './labelSelector';
import { parseDuration } from './duration';

describe('parseLabelSelector', () => {
  it('parses every operator of the string form', () => {
    expect(
      parseLabelSelector('app=web, tier!=db,env in (prod, dr),!canary,team'),
    ).toEqual([
      { key: 'app', operator: 'In', values: ['web'] },
      { key: 'tier', operator: 'NotIn', values: ['db'] },
      { key: 'env', operator: 'In', values: ['prod', 'dr'] },
      { key: 'canary', operator: 'DoesNotExist', values: [] },
      { key: 'team', operator: 'Exists', values: [] },
    ]);
  });

  it('names the bad term', () => {
    expect(() => parseLabelSelector('app=web,=x')).toThrow("'=x'");
    expect(() => parseLabelSelector('a=b c')).toThrow('a=b c');
    expect(() => parseLabelSelector(' ')).toThrow('empty');
  });

  it('matches labels', () => {
    const selector = parseLabelSelector('app=web,env in (prod,dr),!canary');
    expect(matchesLabelSelector(selector, { app: 'web', env: 'dr' })).toBe(
      true,
    );
    expect(matchesLabelSelector(selector, { app: 'web', env: 'staging' })).toBe(
      false,
    );
    expect(
      matchesLabelSelector(selector, {
        app: 'web',
        env: 'prod',
        canary: 'true',
      }),
    ).toBe(false);
    expect(matchesLabelSelector(selector, undefined)).toBe(false);
  });
});

describe('parseDuration', () => {
  it.each([
    ['15s', 15_000],
    ['0s', 0],
    ['500ms', 500],
    ['1m30s', 90_000],
    ['2h', 7_200_000],
  ])('parses %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '15', '15 s', 's', '1d', '1m30'])('rejects %s', text => {
    expect(parseDuration(text)).toBeUndefined();
  });
});
