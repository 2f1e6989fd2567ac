import { KubeObject } from '../kube';
import { messagesFor } from '../testing/fixtures';

function clusterRole(rules: any[], name = 'custom'): KubeObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name },
    rules,
  };
}

function binding(role: string, subjects: any[]): KubeObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'b' },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: role,
    },
    subjects,
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
        { apiGroups: [''], resources: ['pods/exec'], verbs: ['get'] },
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
    {
      id: 'cluster-admin-binding',
      pass: binding('cluster-admin', [
        { kind: 'Group', name: 'system:masters' },
        { kind: 'User', name: 'alice' },
      ]),
      fail: binding('cluster-admin', [
        { kind: 'ServiceAccount', name: 'ci', namespace: 'ops' },
      ]),
      message: 'binds cluster-admin to ServiceAccount ops/ci',
    },
    {
      id: 'cluster-admin-binding',
      pass: binding('view', [{ kind: 'Group', name: 'devs' }]),
      fail: binding('cluster-admin', [{ kind: 'Group', name: 'devs' }]),
      message: 'binds cluster-admin to Group devs',
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
});
