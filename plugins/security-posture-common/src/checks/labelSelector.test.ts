import {
  SelectorIndex,
  isEmptySelector,
  selectorMatches,
} from './labelSelector';

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'front' };

  it.each([
    [{}, true],
    [{ matchLabels: { app: 'web' } }, true],
    [{ matchLabels: { app: 'web', tier: 'back' } }, false],
    [
      {
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['front', 'back'] },
        ],
      },
      true,
    ],
    [
      { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] },
      false,
    ],
    [
      { matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] },
      true,
    ],
    [
      {
        matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }],
      },
      false,
    ],
    [{ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, false],
    [
      {
        matchLabels: { app: 'web' },
        matchExpressions: [{ key: 'zone', operator: 'Exists' }],
      },
      false,
    ],
  ])('%j matches app=web,tier=front: %s', (selector, expected) => {
    expect(selectorMatches(selector, labels)).toBe(expected);
  });

  it('treats a selector without requirements as selecting everything', () => {
    expect(isEmptySelector(undefined)).toBe(true);
    expect(isEmptySelector({ matchLabels: {}, matchExpressions: [] })).toBe(
      true,
    );
    expect(isEmptySelector({ matchLabels: { app: 'web' } })).toBe(false);
  });

  it('finds every matching selector of an index in insertion order', () => {
    const index = new SelectorIndex<string>();
    index.add({ matchLabels: { tier: 'front', app: 'web' } }, 'a');
    index.add({ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, 'b');
    index.add({ matchLabels: { tier: 'front' } }, 'c');
    index.add({ matchLabels: { app: 'api' } }, 'd');
    expect(index.size).toBe(4);
    expect(index.matching(labels)).toEqual(['a', 'b', 'c']);
    expect(index.matchesAny({ app: 'api' })).toBe(true);
    expect(index.matching({ other: 'x' })).toEqual([]);
  });
});
