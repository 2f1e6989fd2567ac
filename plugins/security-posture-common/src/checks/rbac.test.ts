import { KubeObject } from '../kube';
import { findingLines, messagesFor } from '../testing/fixtures';

function clusterRole(rules: any[], name = 'custom'): KubeObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name },
    rules,
  };
}

const readPods = {
  apiGroups: [''],
  resources: ['pods'],
  verbs: ['get', 'list'],
};

describe('RBAC checks', () => {
  it.each([
    {
      id: 'rbac-admin-wildcard',
      pass: clusterRole([readPods]),
      fail: clusterRole([
        readPods,
        { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
      ]),
      message: 'rule 2 grants * verbs on * resources in * apiGroups',
    },
    {
      id: 'rbac-wildcard',
      pass: clusterRole([readPods]),
      fail: clusterRole([
        { apiGroups: ['apps'], resources: ['*'], verbs: ['get'] },
      ]),
      message:
        'rule 1 uses * in resources (apiGroups apps; resources *; verbs get)',
    },
    {
      id: 'rbac-pod-exec',
      pass: clusterRole([
        readPods,
        { apiGroups: [''], resources: ['pods/exec'], verbs: ['list'] },
        { apiGroups: ['apps'], resources: ['*'], verbs: ['create'] },
      ]),
      fail: clusterRole([
        {
          apiGroups: [''],
          resources: ['pods', 'pods/attach'],
          verbs: ['create'],
        },
      ]),
      message: 'rule 1 grants create on pods/attach',
    },
  ])('$id: $message', ({ id, pass, fail, message }) => {
    expect(messagesFor(id, [pass])).toEqual([]);
    expect(messagesFor(id, [fail])).toEqual([message]);
  });

  it('reports a full wildcard once, as admin, not also as a wildcard', () => {
    const role = clusterRole([
      { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
    ]);
    expect(messagesFor('rbac-wildcard', [role])).toEqual([]);
  });

  it('skips the roles Kubernetes manages itself', () => {
    const all = [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }];
    expect(
      messagesFor('rbac-admin-wildcard', [
        clusterRole(all, 'cluster-admin'),
        clusterRole(all, 'system:controller:foo'),
      ]),
    ).toEqual([]);
  });

  it('checks namespaced Roles too', () => {
    const role: KubeObject = {
      ...clusterRole([
        { apiGroups: [''], resources: ['pods/exec'], verbs: ['*'] },
      ]),
      kind: 'Role',
      metadata: { name: 'debug', namespace: 'shop' },
    };
    expect(messagesFor('rbac-pod-exec', [role])).toEqual([
      'rule 1 grants * on pods/exec',
    ]);
  });

  it('finds get on pods/exec in a Role: exec over a websocket is a GET', () => {
    const role: KubeObject = {
      ...clusterRole([
        { apiGroups: [''], resources: ['pods/exec'], verbs: ['get'] },
      ]),
      kind: 'Role',
      metadata: { name: 'peek', namespace: 'shop' },
    };
    expect(findingLines('rbac-pod-exec', [role])).toEqual([
      'high Role shop/peek: rule 1 grants get on pods/exec',
    ]);
  });

  it('finds exec through a wildcard resource and names both subresources', () => {
    const role = clusterRole([
      { apiGroups: [''], resources: ['*'], verbs: ['get', 'list'] },
    ]);
    expect(messagesFor('rbac-pod-exec', [role])).toEqual([
      'rule 1 grants get on pods/exec, pods/attach',
    ]);
  });

  it('judges an aggregated ClusterRole by the rules of its parts', () => {
    const label = { 'example.com/aggregate-to-ops': 'true' };
    const aggregated: KubeObject = {
      ...clusterRole([], 'ops'),
      aggregationRule: { clusterRoleSelectors: [{ matchLabels: label }] },
    };
    const part = (name: string, rules: any[]): KubeObject => ({
      ...clusterRole(rules, name),
      metadata: { name, labels: label },
    });
    const debug = part('ops-debug', [
      { apiGroups: [''], resources: ['pods/attach'], verbs: ['create'] },
    ]);
    expect(messagesFor('rbac-pod-exec', [aggregated, debug])).toEqual([
      'rule 1 of ClusterRole ops-debug grants create on pods/attach',
      'rule 1 grants create on pods/attach',
    ]);

    const reads = part('ops-read', [
      { apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list', 'watch'] },
    ]);
    const writes = part('ops-write', [
      {
        apiGroups: ['*'],
        resources: ['*'],
        verbs: ['create', 'update', 'patch', 'delete'],
      },
    ]);
    expect(messagesFor('rbac-admin-wildcard', [aggregated, reads])).toEqual([]);
    expect(
      findingLines('rbac-admin-wildcard', [aggregated, reads, writes]),
    ).toEqual([
      'critical ClusterRole /ops: rule 1 of ClusterRole ops-read, rule 1 of ClusterRole ops-write together grant get, list, watch, create, update, patch and delete on * resources in * apiGroups',
    ]);
    // Reported as admin, not also as exec through the * resources.
    expect(
      messagesFor('rbac-pod-exec', [aggregated, reads, writes]).filter(m =>
        m.includes('of ClusterRole'),
      ),
    ).toEqual([]);
  });

  it('leaves resourceNames-narrowed wildcards to rbac-wildcard', () => {
    const role = clusterRole([
      {
        apiGroups: ['*'],
        resources: ['*'],
        verbs: ['*'],
        resourceNames: ['one'],
      },
    ]);
    expect(messagesFor('rbac-admin-wildcard', [role])).toEqual([]);
    expect(messagesFor('rbac-wildcard', [role])).toEqual([
      'rule 1 uses * in apiGroups, resources, verbs (apiGroups *; resources *; verbs *)',
    ]);
  });

  it('skips lookalike kinds of other API groups', () => {
    const lookalike = {
      ...clusterRole([{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]),
      apiVersion: 'iam.example.com/v1',
    };
    expect(messagesFor('rbac-admin-wildcard', [lookalike])).toEqual([]);
  });
});
