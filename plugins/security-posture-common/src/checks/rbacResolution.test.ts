import { KubeObject } from '../kube';
import {
  ResolvedRule,
  RoleCatalog,
  describeSubject,
  isKubernetesDefault,
  subjectsOf,
} from './rbacResolution';

const API = 'rbac.authorization.k8s.io/v1';

function clusterRole(
  name: string,
  rules: any[],
  extra: { labels?: Record<string, string>; aggregationRule?: any } = {},
): KubeObject {
  return {
    apiVersion: API,
    kind: 'ClusterRole',
    metadata: { name, ...(extra.labels && { labels: extra.labels }) },
    ...(extra.aggregationRule && { aggregationRule: extra.aggregationRule }),
    rules,
  };
}

function role(name: string, namespace: string, rules: any[]): KubeObject {
  return {
    apiVersion: API,
    kind: 'Role',
    metadata: { name, namespace },
    rules,
  };
}

function binding(
  kind: 'RoleBinding' | 'ClusterRoleBinding',
  roleRef: { kind: string; name: string },
  subjects: any[] = [{ kind: 'User', name: 'alice' }],
  namespace?: string,
): KubeObject {
  return {
    apiVersion: API,
    kind,
    metadata: { name: 'b', ...(namespace && { namespace }) },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef },
    subjects,
  };
}

function rulesOf(catalog: RoleCatalog, object: KubeObject): ResolvedRule[] {
  const resolution = catalog.resolveBinding(object);
  if (resolution.status !== 'resolved') {
    throw new Error(`not resolved: ${JSON.stringify(resolution)}`);
  }
  return resolution.role.rules;
}

function origins(rules: ResolvedRule[]): string[] {
  return rules.map(rule => `${rule.role.name}#${rule.index}`);
}

const read = (resources: string[]) => ({
  apiGroups: [''],
  resources,
  verbs: ['get', 'list', 'watch'],
});
const aggregateTo = (label: string) => ({
  clusterRoleSelectors: [{ matchLabels: { [label]: 'true' } }],
});

describe('RoleCatalog', () => {
  it('resolves a RoleBinding to a Role of its own namespace only', () => {
    const catalog = new RoleCatalog([
      role('reader', 'shop', [read(['pods'])]),
      role('reader', 'other', [read(['secrets'])]),
    ]);
    const rules = rulesOf(
      catalog,
      binding('RoleBinding', { kind: 'Role', name: 'reader' }, [], 'shop'),
    );
    expect(rules.map(rule => rule.resources)).toEqual([['pods']]);
    expect(rules[0].role).toEqual({
      kind: 'Role',
      namespace: 'shop',
      name: 'reader',
    });
    expect(
      catalog.resolveBinding(
        binding('RoleBinding', { kind: 'Role', name: 'reader' }, [], 'ops'),
      ),
    ).toEqual({ status: 'missing', kind: 'Role', name: 'reader' });
  });

  it('resolves RoleBindings and ClusterRoleBindings to a ClusterRole', () => {
    const catalog = new RoleCatalog([clusterRole('pods', [read(['pods'])])]);
    const ref = { kind: 'ClusterRole', name: 'pods' };
    for (const object of [
      binding('RoleBinding', ref, [], 'shop'),
      binding('ClusterRoleBinding', ref),
    ]) {
      expect(origins(rulesOf(catalog, object))).toEqual(['pods#1']);
    }
  });

  it('refuses a ClusterRoleBinding to a Role, as the API server does', () => {
    const catalog = new RoleCatalog([role('reader', 'shop', [])]);
    expect(
      catalog.resolveBinding(
        binding('ClusterRoleBinding', { kind: 'Role', name: 'reader' }),
      ),
    ).toEqual({
      status: 'missing',
      kind: 'Role',
      name: 'reader',
      reason: 'which a ClusterRoleBinding cannot refer to',
    });
  });

  it('adds the rules of every ClusterRole an aggregationRule selects, transitively', () => {
    const catalog = new RoleCatalog([
      clusterRole('top', [], {
        aggregationRule: aggregateTo('example.com/aggregate-to-top'),
      }),
      clusterRole('middle', [read(['configmaps'])], {
        labels: { 'example.com/aggregate-to-top': 'true' },
        aggregationRule: aggregateTo('example.com/aggregate-to-middle'),
      }),
      clusterRole('leaf', [read(['services'])], {
        labels: { 'example.com/aggregate-to-middle': 'true' },
      }),
      clusterRole('unrelated', [read(['secrets'])], {
        labels: { 'example.com/aggregate-to-top': 'false' },
      }),
    ]);
    const rules = rulesOf(
      catalog,
      binding('ClusterRoleBinding', { kind: 'ClusterRole', name: 'top' }),
    );
    expect(origins(rules)).toEqual(['middle#1', 'leaf#1']);
  });

  it('keeps a rule the aggregation controller copied into the role once, as its own', () => {
    const label = { 'example.com/aggregate-to-top': 'true' };
    const catalog = new RoleCatalog([
      clusterRole('top', [read(['configmaps'])], {
        aggregationRule: { clusterRoleSelectors: [{ matchLabels: label }] },
      }),
      clusterRole('part', [read(['configmaps']), read(['services'])], {
        labels: label,
      }),
    ]);
    const rules = rulesOf(
      catalog,
      binding('ClusterRoleBinding', { kind: 'ClusterRole', name: 'top' }),
    );
    expect(origins(rules)).toEqual(['top#1', 'part#2']);
  });

  it('ends on a cycle of aggregated ClusterRoles', () => {
    const catalog = new RoleCatalog([
      clusterRole('a', [read(['pods'])], {
        labels: { ring: 'a' },
        aggregationRule: aggregateTo('ring'),
      }),
      clusterRole('b', [read(['services'])], {
        labels: { ring: 'true' },
        aggregationRule: {
          clusterRoleSelectors: [{ matchLabels: { ring: 'a' } }],
        },
      }),
    ]);
    const rules = rulesOf(
      catalog,
      binding('ClusterRoleBinding', { kind: 'ClusterRole', name: 'a' }),
    );
    expect(origins(rules)).toEqual(['a#1', 'b#1']);
  });

  it('reads an empty selector as every ClusterRole and a null one as none', () => {
    const catalog = new RoleCatalog([
      clusterRole('everything', [], {
        aggregationRule: { clusterRoleSelectors: [{}] },
      }),
      clusterRole('nothing', [], {
        aggregationRule: { clusterRoleSelectors: [null] },
      }),
      clusterRole('pods', [read(['pods'])]),
    ]);
    const resolve = (name: string) =>
      origins(
        rulesOf(
          catalog,
          binding('ClusterRoleBinding', { kind: 'ClusterRole', name }),
        ),
      );
    // The built-in roles are ClusterRoles of every cluster, so they count.
    expect(resolve('everything')).toContain('pods#1');
    expect(resolve('everything')).toContain('cluster-admin#1');
    expect(resolve('nothing')).toEqual([]);
  });

  it('stands in the built-in ClusterRoles for those not among the objects', () => {
    const catalog = new RoleCatalog([]);
    const resolution = catalog.resolveBinding(
      binding('ClusterRoleBinding', { kind: 'ClusterRole', name: 'edit' }),
    );
    expect(resolution).toMatchObject({
      status: 'resolved',
      role: { kind: 'ClusterRole', name: 'edit', builtIn: true },
    });
    const edit = rulesOf(
      catalog,
      binding('ClusterRoleBinding', { kind: 'ClusterRole', name: 'edit' }),
    );
    // edit holds view, as Kubernetes aggregates it.
    expect(new Set(edit.map(rule => rule.role.name))).toEqual(
      new Set(['edit', 'view']),
    );
  });

  it('lets the objects replace a built-in ClusterRole of the same name', () => {
    const catalog = new RoleCatalog([clusterRole('view', [read(['pods'])])]);
    const resolution = catalog.resolveBinding(
      binding('ClusterRoleBinding', { kind: 'ClusterRole', name: 'view' }),
    );
    expect(resolution).toEqual({
      status: 'resolved',
      role: {
        kind: 'ClusterRole',
        name: 'view',
        rules: [expect.objectContaining({ resources: ['pods'] })],
      },
    });
  });

  it('aggregates custom roles labelled for the built-in ones', () => {
    const catalog = new RoleCatalog([
      clusterRole('view-secrets', [read(['secrets'])], {
        labels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' },
      }),
    ]);
    const admin = rulesOf(
      catalog,
      binding('ClusterRoleBinding', { kind: 'ClusterRole', name: 'admin' }),
    );
    expect(origins(admin)).toContain('view-secrets#1');
  });

  it('knows system: ClusterRoles exist without knowing their rules', () => {
    expect(
      new RoleCatalog([]).resolveBinding(
        binding('ClusterRoleBinding', {
          kind: 'ClusterRole',
          name: 'system:auth-delegator',
        }),
      ),
    ).toEqual({ status: 'system', name: 'system:auth-delegator' });
    expect(
      new RoleCatalog([]).resolveBinding(
        binding('ClusterRoleBinding', { kind: 'ClusterRole', name: 'gone' }),
      ),
    ).toEqual({ status: 'missing', kind: 'ClusterRole', name: 'gone' });
  });

  it('ignores kinds of the same name in other API groups', () => {
    const lookalike = { ...clusterRole('edit', [read(['pods'])]) };
    lookalike.apiVersion = 'example.com/v1';
    const catalog = new RoleCatalog([lookalike]);
    expect(
      catalog.resolveBinding(
        binding('ClusterRoleBinding', { kind: 'ClusterRole', name: 'edit' }),
      ),
    ).toMatchObject({ role: { builtIn: true } });
  });
});

describe('subjects', () => {
  it('names every kind and defaults a ServiceAccount to the namespace', () => {
    const object = binding(
      'RoleBinding',
      { kind: 'ClusterRole', name: 'edit' },
      [
        { kind: 'User', name: 'alice' },
        { kind: 'Group', name: 'devs' },
        { kind: 'ServiceAccount', name: 'ci' },
        { kind: 'ServiceAccount', name: 'deployer', namespace: 'ops' },
        { kind: 'Group', name: 'system:masters' },
        { kind: 'User' },
      ],
      'shop',
    );
    expect(subjectsOf(object).map(describeSubject)).toEqual([
      'User alice',
      'Group devs',
      'ServiceAccount shop/ci',
      'ServiceAccount ops/deployer',
    ]);
  });

  it('tells the objects Kubernetes reconciles itself', () => {
    const labelled = binding('ClusterRoleBinding', {
      kind: 'ClusterRole',
      name: 'view',
    });
    labelled.metadata.labels = {
      'kubernetes.io/bootstrapping': 'rbac-defaults',
    };
    const named = binding('ClusterRoleBinding', {
      kind: 'ClusterRole',
      name: 'view',
    });
    named.metadata.name = 'system:public-info-viewer';
    expect(isKubernetesDefault(labelled)).toBe(true);
    expect(isKubernetesDefault(named)).toBe(true);
    expect(
      isKubernetesDefault(
        binding('ClusterRoleBinding', { kind: 'ClusterRole', name: 'view' }),
      ),
    ).toBe(false);
  });
});
