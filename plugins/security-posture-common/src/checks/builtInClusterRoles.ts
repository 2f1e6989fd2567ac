import { KubeObject } from '../kube';

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];
const ALL = [...READ, ...WRITE];
const AGGREGATE_TO = 'rbac.authorization.k8s.io/aggregate-to-';

// [apiGroups, resources, verbs], the shape of a PolicyRule without its keys.
type RuleRow = [string[], string[], string[]];

function clusterRole(
  name: string,
  rows: RuleRow[],
  options: { labels?: Record<string, string>; aggregates?: string } = {},
): KubeObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: {
      name,
      labels: {
        'kubernetes.io/bootstrapping': 'rbac-defaults',
        ...options.labels,
      },
    },
    ...(options.aggregates && {
      aggregationRule: {
        clusterRoleSelectors: [
          { matchLabels: { [`${AGGREGATE_TO}${options.aggregates}`]: 'true' } },
        ],
      },
    }),
    rules: rows.map(([apiGroups, resources, verbs]) => ({
      apiGroups,
      resources,
      verbs,
    })),
  };
}

/**
 * The user-facing ClusterRoles every cluster has (cluster-admin, admin, edit,
 * view), as the API server's bootstrap policy creates them, for bindings
 * whose role is not among the objects (a repository of manifests rarely
 * holds them).
 *
 * admin, edit and view are aggregated roles: their rules here are what the
 * `system:aggregate-to-*` roles add, and each still aggregates the roles of
 * the objects that carry its `aggregate-to-*` label. Each is labelled the way
 * Kubernetes labels it, so edit is part of admin and view part of edit.
 * The lists follow Kubernetes 1.30; what the checks read (exec, attach,
 * secrets, wildcards) has not changed in years.
 */
export const BUILT_IN_CLUSTER_ROLES: readonly KubeObject[] = [
  clusterRole('cluster-admin', [[['*'], ['*'], ['*']]]),
  clusterRole(
    'admin',
    [
      [['authorization.k8s.io'], ['localsubjectaccessreviews'], ['create']],
      [['rbac.authorization.k8s.io'], ['roles', 'rolebindings'], ALL],
    ],
    { aggregates: 'admin' },
  ),
  clusterRole(
    'edit',
    [
      [
        [''],
        [
          'pods/attach',
          'pods/exec',
          'pods/portforward',
          'pods/proxy',
          'secrets',
          'services/proxy',
        ],
        READ,
      ],
      [[''], ['serviceaccounts'], ['impersonate']],
      [
        [''],
        ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'],
        WRITE,
      ],
      [[''], ['pods/eviction', 'serviceaccounts/token'], ['create']],
      [
        [''],
        [
          'configmaps',
          'events',
          'persistentvolumeclaims',
          'replicationcontrollers',
          'replicationcontrollers/scale',
          'secrets',
          'serviceaccounts',
          'services',
          'services/proxy',
        ],
        WRITE,
      ],
      [
        ['apps'],
        [
          'daemonsets',
          'deployments',
          'deployments/rollback',
          'deployments/scale',
          'replicasets',
          'replicasets/scale',
          'statefulsets',
          'statefulsets/scale',
        ],
        WRITE,
      ],
      [['autoscaling'], ['horizontalpodautoscalers'], WRITE],
      [['batch'], ['cronjobs', 'jobs'], WRITE],
      [['policy'], ['poddisruptionbudgets'], WRITE],
      [['networking.k8s.io'], ['ingresses', 'networkpolicies'], WRITE],
      [['coordination.k8s.io'], ['leases'], ALL],
    ],
    { aggregates: 'edit', labels: { [`${AGGREGATE_TO}admin`]: 'true' } },
  ),
  clusterRole(
    'view',
    [
      [
        [''],
        [
          'bindings',
          'configmaps',
          'endpoints',
          'events',
          'limitranges',
          'namespaces',
          'namespaces/status',
          'persistentvolumeclaims',
          'persistentvolumeclaims/status',
          'pods',
          'pods/log',
          'pods/status',
          'replicationcontrollers',
          'replicationcontrollers/scale',
          'replicationcontrollers/status',
          'resourcequotas',
          'resourcequotas/status',
          'serviceaccounts',
          'services',
          'services/status',
        ],
        READ,
      ],
      [['discovery.k8s.io'], ['endpointslices'], READ],
      [
        ['apps'],
        [
          'controllerrevisions',
          'daemonsets',
          'daemonsets/status',
          'deployments',
          'deployments/scale',
          'deployments/status',
          'replicasets',
          'replicasets/scale',
          'replicasets/status',
          'statefulsets',
          'statefulsets/scale',
          'statefulsets/status',
        ],
        READ,
      ],
      [
        ['autoscaling'],
        ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'],
        READ,
      ],
      [['batch'], ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'], READ],
      [
        ['policy'],
        ['poddisruptionbudgets', 'poddisruptionbudgets/status'],
        READ,
      ],
      [
        ['networking.k8s.io'],
        ['ingresses', 'ingresses/status', 'networkpolicies'],
        READ,
      ],
    ],
    { aggregates: 'view', labels: { [`${AGGREGATE_TO}edit`]: 'true' } },
  ),
];
