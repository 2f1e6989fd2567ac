import { adminEquivalentRules, execGrants } from './rbacGrants';
import { ResolvedRule } from './rbacResolution';

function ruleList(...specs: any[]): ResolvedRule[] {
  return specs.map((spec, index) => ({
    apiGroups: spec.apiGroups ?? [''],
    resources: spec.resources,
    verbs: spec.verbs,
    resourceNames: spec.resourceNames ?? [],
    role: { kind: 'ClusterRole', name: 'r' },
    index: index + 1,
  }));
}

describe('adminEquivalentRules', () => {
  it('finds a * on * in * rule', () => {
    const all = ruleList(
      { resources: ['pods'], verbs: ['get'] },
      { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
    );
    expect(adminEquivalentRules(all)).toEqual([all[1]]);
  });

  it('adds up the everyday verbs of several * on * rules', () => {
    const parts = ruleList(
      { apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list', 'watch'] },
      {
        apiGroups: ['*'],
        resources: ['*'],
        verbs: ['create', 'update', 'patch', 'delete'],
      },
    );
    expect(adminEquivalentRules(parts)).toEqual(parts);
    expect(adminEquivalentRules(parts.slice(0, 1))).toBeUndefined();
  });

  it('does not count rules narrowed to some groups, resources or names', () => {
    expect(
      adminEquivalentRules(
        ruleList(
          { apiGroups: [''], resources: ['*'], verbs: ['*'] },
          { apiGroups: ['*'], resources: ['pods'], verbs: ['*'] },
          {
            apiGroups: ['*'],
            resources: ['*'],
            verbs: ['*'],
            resourceNames: ['one'],
          },
        ),
      ),
    ).toBeUndefined();
  });
});

describe('execGrants', () => {
  it.each([
    [{ resources: ['pods/exec'], verbs: ['get'] }, 'pods/exec get'],
    [
      { resources: ['pods/attach'], verbs: ['create', 'get'] },
      'pods/attach create,get',
    ],
    [{ resources: ['pods/*'], verbs: ['*'] }, 'pods/exec *|pods/attach *'],
    [{ resources: ['*/exec'], verbs: ['create'] }, 'pods/exec create'],
    [
      { apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list'] },
      'pods/exec get|pods/attach get',
    ],
  ])('finds %j', (spec, expected) => {
    expect(
      execGrants(ruleList(spec))
        .map(grant => `${grant.resource} ${grant.verbs.join(',')}`)
        .join('|'),
    ).toBe(expected);
  });

  it.each([
    { resources: ['pods/exec'], verbs: ['list', 'watch'] },
    { resources: ['pods', 'pods/log'], verbs: ['*'] },
    { apiGroups: ['apps'], resources: ['*'], verbs: ['*'] },
    { resources: ['pods/portforward'], verbs: ['create'] },
  ])('finds nothing in %j', spec => {
    expect(execGrants(ruleList(spec))).toEqual([]);
  });
});
