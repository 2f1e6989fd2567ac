import { KubeObject } from '../kube';
import { CHECKS } from '../runChecks';
import { findingLines, messagesFor } from '../testing/fixtures';

const API = 'rbac.authorization.k8s.io/v1';

function role(
  kind: 'Role' | 'ClusterRole',
  name: string,
  rules: any[],
  extra: Partial<KubeObject> & { labels?: Record<string, string> } = {},
): KubeObject {
  const { labels, ...rest } = extra;
  return {
    apiVersion: API,
    kind,
    metadata: {
      name,
      ...(kind === 'Role' && { namespace: 'shop' }),
      ...(labels && { labels }),
    },
    rules,
    ...rest,
  };
}

function binding(
  kind: 'RoleBinding' | 'ClusterRoleBinding',
  roleRef: { kind: 'Role' | 'ClusterRole'; name: string },
  subjects: any[] = [{ kind: 'User', name: 'alice' }],
  name = 'grant',
): KubeObject {
  return {
    apiVersion: API,
    kind,
    metadata: { name, ...(kind === 'RoleBinding' && { namespace: 'shop' }) },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef },
    subjects,
  };
}

const everything = { apiGroups: ['*'], resources: ['*'], verbs: ['*'] };
const execRule = (verbs: string[]) => ({
  apiGroups: [''],
  resources: ['pods/exec'],
  verbs,
});
const readPods = {
  apiGroups: [''],
  resources: ['pods', 'pods/log'],
  verbs: ['get', 'list', 'watch'],
};

describe('RBAC binding checks', () => {
  // One failing and one passing manifest per Polaris check the two carry.
  it.each([
    {
      polaris: 'clusterrolebindingClusterAdmin',
      id: 'cluster-admin-binding',
      fail: [
        binding('ClusterRoleBinding', {
          kind: 'ClusterRole',
          name: 'cluster-admin',
        }),
      ],
      pass: [
        binding('ClusterRoleBinding', { kind: 'ClusterRole', name: 'admin' }),
      ],
      message:
        'ClusterRoleBinding grant gives User alice * verbs on * resources in * apiGroups via ClusterRole cluster-admin (built in) across the cluster',
    },
    {
      polaris: 'rolebindingClusterAdminClusterRole',
      id: 'cluster-admin-binding',
      fail: [
        binding('RoleBinding', { kind: 'ClusterRole', name: 'cluster-admin' }),
      ],
      pass: [binding('RoleBinding', { kind: 'ClusterRole', name: 'edit' })],
      message:
        'RoleBinding shop/grant gives User alice * verbs on * resources in * apiGroups via ClusterRole cluster-admin (built in) in namespace shop',
    },
    {
      polaris: 'rolebindingClusterAdminRole',
      id: 'cluster-admin-binding',
      fail: [
        role('Role', 'owner', [everything]),
        binding('RoleBinding', { kind: 'Role', name: 'owner' }),
      ],
      pass: [
        role('Role', 'owner', [{ ...everything, apiGroups: [''] }]),
        binding('RoleBinding', { kind: 'Role', name: 'owner' }),
      ],
      message:
        'RoleBinding shop/grant gives User alice * verbs on * resources in * apiGroups via Role shop/owner in namespace shop',
    },
    {
      polaris: 'clusterrolebindingPodExecAttach',
      id: 'rbac-pod-exec-binding',
      fail: [
        role('ClusterRole', 'debug', [readPods, execRule(['create'])]),
        binding('ClusterRoleBinding', { kind: 'ClusterRole', name: 'debug' }),
      ],
      pass: [
        role('ClusterRole', 'debug', [readPods, execRule(['list'])]),
        binding('ClusterRoleBinding', { kind: 'ClusterRole', name: 'debug' }),
      ],
      message:
        'ClusterRoleBinding grant gives User alice create on pods/exec via ClusterRole debug across the cluster',
    },
    {
      polaris: 'rolebindingClusterRolePodExecAttach',
      id: 'rbac-pod-exec-binding',
      fail: [binding('RoleBinding', { kind: 'ClusterRole', name: 'edit' })],
      pass: [binding('RoleBinding', { kind: 'ClusterRole', name: 'view' })],
      message:
        'RoleBinding shop/grant gives User alice create, get on pods/exec, pods/attach via ClusterRole edit (built in) in namespace shop',
    },
    {
      polaris: 'rolebindingRolePodExecAttach',
      id: 'rbac-pod-exec-binding',
      fail: [
        role('Role', 'peek', [execRule(['get'])]),
        binding('RoleBinding', { kind: 'Role', name: 'peek' }),
      ],
      pass: [
        role('Role', 'peek', [readPods]),
        binding('RoleBinding', { kind: 'Role', name: 'peek' }),
      ],
      message:
        'RoleBinding shop/grant gives User alice get on pods/exec via Role shop/peek in namespace shop',
    },
  ])('$polaris ($id)', ({ polaris, id, fail, pass, message }) => {
    const definition = CHECKS.find(check => check.id === id)!;
    expect(definition.references.polaris).toContain(polaris);
    expect(messagesFor(id, pass)).toEqual([]);
    expect(messagesFor(id, fail)).toEqual([message]);
  });

  it('names every subject: users, groups and service accounts', () => {
    const object = binding(
      'RoleBinding',
      { kind: 'ClusterRole', name: 'admin' },
      [
        { kind: 'Group', name: 'payments-oncall' },
        { kind: 'ServiceAccount', name: 'deployer' },
        { kind: 'ServiceAccount', name: 'argo', namespace: 'gitops' },
        { kind: 'User', name: 'bob@example.com' },
      ],
    );
    expect(findingLines('rbac-pod-exec-binding', [object])).toEqual([
      'high RoleBinding shop/grant: RoleBinding shop/grant gives Group payments-oncall, ServiceAccount shop/deployer, ServiceAccount gitops/argo, User bob@example.com create, get on pods/exec, pods/attach via ClusterRole admin (built in; aggregating edit) in namespace shop',
    ]);
  });

  it('finds a ClusterRoleBinding to an aggregated ClusterRole whose parts add up to cluster-admin', () => {
    const label = { 'platform.example.com/aggregate-to-ops': 'true' };
    const objects = [
      role('ClusterRole', 'ops', [], {
        aggregationRule: { clusterRoleSelectors: [{ matchLabels: label }] },
      }),
      role(
        'ClusterRole',
        'ops-read',
        [{ ...everything, verbs: ['get', 'list', 'watch'] }],
        { labels: label },
      ),
      role(
        'ClusterRole',
        'ops-write',
        [{ ...everything, verbs: ['create', 'update', 'patch', 'delete'] }],
        { labels: label },
      ),
      binding('ClusterRoleBinding', { kind: 'ClusterRole', name: 'ops' }, [
        { kind: 'Group', name: 'ops' },
      ]),
    ];
    expect(findingLines('cluster-admin-binding', objects)).toEqual([
      'critical ClusterRoleBinding /grant: ClusterRoleBinding grant gives Group ops get, list, watch, create, update, patch and delete on * resources in * apiGroups via ClusterRole ops (aggregating ops-read, ops-write) across the cluster',
    ]);
    // Reported once, as cluster-admin, not also as exec.
    expect(messagesFor('rbac-pod-exec-binding', objects)).toEqual([]);
    // Without the writing part it is no longer cluster-admin, but can exec.
    const readOnly = objects.filter(o => o.metadata.name !== 'ops-write');
    expect(messagesFor('cluster-admin-binding', readOnly)).toEqual([]);
    expect(messagesFor('rbac-pod-exec-binding', readOnly)).toEqual([
      'ClusterRoleBinding grant gives Group ops get on pods/exec, pods/attach via ClusterRole ops (aggregating ops-read) across the cluster',
    ]);
  });

  it('finds exec that a custom role adds to a built-in one through its label', () => {
    const objects = [
      role('ClusterRole', 'view-exec', [execRule(['create'])], {
        labels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' },
      }),
      binding('RoleBinding', { kind: 'ClusterRole', name: 'view' }),
    ];
    expect(messagesFor('rbac-pod-exec-binding', objects)).toEqual([
      'RoleBinding shop/grant gives User alice create on pods/exec via ClusterRole view (built in; aggregating view-exec) in namespace shop',
    ]);
  });

  it('skips the bindings Kubernetes reconciles itself', () => {
    const labelled = binding(
      'ClusterRoleBinding',
      {
        kind: 'ClusterRole',
        name: 'cluster-admin',
      },
      [{ kind: 'User', name: 'kubeadm:cluster-admins' }],
      'cluster-admin',
    );
    labelled.metadata.labels = {
      'kubernetes.io/bootstrapping': 'rbac-defaults',
    };
    const system = binding(
      'ClusterRoleBinding',
      { kind: 'ClusterRole', name: 'edit' },
      [{ kind: 'ServiceAccount', name: 'c', namespace: 'kube-system' }],
      'system:controller:c',
    );
    const masters = binding(
      'ClusterRoleBinding',
      { kind: 'ClusterRole', name: 'cluster-admin' },
      [{ kind: 'Group', name: 'system:masters' }],
      'masters',
    );
    for (const id of ['cluster-admin-binding', 'rbac-pod-exec-binding']) {
      expect(messagesFor(id, [labelled, system, masters])).toEqual([]);
    }
  });

  it('reports a binding to a role that is neither there nor built in, as info', () => {
    const objects = [
      binding('ClusterRoleBinding', { kind: 'ClusterRole', name: 'gone' }, [
        { kind: 'Group', name: 'devs' },
      ]),
      binding('RoleBinding', { kind: 'Role', name: 'gone' }, undefined, 'rb'),
      binding(
        'ClusterRoleBinding',
        { kind: 'Role', name: 'gone' },
        undefined,
        'crb-to-role',
      ),
      // Every cluster has it; its rules are not known here.
      binding(
        'ClusterRoleBinding',
        {
          kind: 'ClusterRole',
          name: 'system:auth-delegator',
        },
        undefined,
        'delegator',
      ),
    ];
    expect(findingLines('rbac-binding-role-missing', objects)).toEqual([
      'info ClusterRoleBinding /crb-to-role: ClusterRoleBinding crb-to-role refers to Role gone, which a ClusterRoleBinding cannot refer to: what it gives User alice cannot be judged',
      'info ClusterRoleBinding /grant: ClusterRoleBinding grant refers to ClusterRole gone, which is not among the objects: what it gives Group devs cannot be judged',
      'info RoleBinding shop/rb: RoleBinding shop/rb refers to Role shop/gone, which is not among the objects: what it gives User alice cannot be judged',
    ]);
    for (const id of ['cluster-admin-binding', 'rbac-pod-exec-binding']) {
      expect(messagesFor(id, objects)).toEqual([]);
    }
  });

  it('finds nothing in a binding without subjects or with a malformed roleRef', () => {
    const empty = binding(
      'ClusterRoleBinding',
      {
        kind: 'ClusterRole',
        name: 'cluster-admin',
      },
      [],
    );
    const malformed: KubeObject = {
      apiVersion: API,
      kind: 'RoleBinding',
      metadata: { name: 'odd', namespace: 'shop' },
      subjects: [null, { kind: 'User', name: 'alice' }],
    };
    expect(() =>
      ['cluster-admin-binding', 'rbac-pod-exec-binding'].map(id =>
        messagesFor(id, [empty, malformed]),
      ),
    ).not.toThrow();
    expect(messagesFor('cluster-admin-binding', [empty, malformed])).toEqual(
      [],
    );
    expect(messagesFor('rbac-binding-role-missing', [malformed])).toEqual([
      'RoleBinding shop/odd refers to a role of kind "", which is neither a Role nor a ClusterRole: what it gives User alice cannot be judged',
    ]);
  });

  it('grades cluster-admin critical and exec high', () => {
    const objects = [
      binding(
        'ClusterRoleBinding',
        { kind: 'ClusterRole', name: 'cluster-admin' },
        undefined,
        'a',
      ),
      binding(
        'RoleBinding',
        { kind: 'ClusterRole', name: 'edit' },
        undefined,
        'b',
      ),
    ];
    expect(
      [
        ...findingLines('cluster-admin-binding', objects),
        ...findingLines('rbac-pod-exec-binding', objects),
      ].map(line => line.split(':')[0]),
    ).toEqual(['critical ClusterRoleBinding /a', 'high RoleBinding shop/b']);
  });
});
