/**
 * A kind the cluster state watches.
 *
 * @public
 */
export interface KindDefinition {
  /** API group; '' for the core group. */
  group: string;
  version: string;
  /** Kind name; '*' means every kind served in the group (Gatekeeper constraints). */
  kind: string;
  /** Resource name in URLs, for example 'pods'; '' when kind is '*'. */
  plural: string;
  namespaced: boolean;
  /** Served only where a CRD is installed: absence is normal, not an error. */
  optional: boolean;
}

function k(
  group: string,
  version: string,
  kind: string,
  plural: string,
  namespaced = true,
  optional = false,
): KindDefinition {
  return { group, version, kind, plural, namespaced, optional };
}

/**
 * The kinds every cluster is read for, core first, then the custom
 * resources of Istio, Gatekeeper, Kyverno, Trivy, the Security Profiles
 * Operator, KubeVirt, Argo Rollouts, Argo CD, Tekton, the Prometheus Operator,
 * Sloth, Pyrra and Rook-Ceph where their CRDs are installed.
 *
 * @public
 */
export const DEFAULT_KINDS: readonly KindDefinition[] = [
  k('', 'v1', 'Node', 'nodes', false),
  k('', 'v1', 'Namespace', 'namespaces', false),
  k('', 'v1', 'Pod', 'pods'),
  k('', 'v1', 'Service', 'services'),
  k('', 'v1', 'Event', 'events'),
  k('', 'v1', 'ServiceAccount', 'serviceaccounts'),
  k('apps', 'v1', 'Deployment', 'deployments'),
  k('apps', 'v1', 'ReplicaSet', 'replicasets'),
  k('apps', 'v1', 'StatefulSet', 'statefulsets'),
  k('apps', 'v1', 'DaemonSet', 'daemonsets'),
  k('batch', 'v1', 'Job', 'jobs'),
  k('batch', 'v1', 'CronJob', 'cronjobs'),
  k('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices'),
  k('autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers'),
  k('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets'),
  k('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies'),
  k('networking.k8s.io', 'v1', 'Ingress', 'ingresses'),
  k('rbac.authorization.k8s.io', 'v1', 'Role', 'roles'),
  k('rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings'),
  k('rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', false),
  k(
    'rbac.authorization.k8s.io',
    'v1',
    'ClusterRoleBinding',
    'clusterrolebindings',
    false,
  ),
  k(
    'networking.istio.io',
    'v1',
    'VirtualService',
    'virtualservices',
    true,
    true,
  ),
  k(
    'networking.istio.io',
    'v1',
    'DestinationRule',
    'destinationrules',
    true,
    true,
  ),
  k('networking.istio.io', 'v1', 'Gateway', 'gateways', true, true),
  k(
    'security.istio.io',
    'v1',
    'PeerAuthentication',
    'peerauthentications',
    true,
    true,
  ),
  k(
    'security.istio.io',
    'v1',
    'AuthorizationPolicy',
    'authorizationpolicies',
    true,
    true,
  ),
  k('constraints.gatekeeper.sh', 'v1beta1', '*', '', false, true),
  k('wgpolicyk8s.io', 'v1alpha2', 'PolicyReport', 'policyreports', true, true),
  k(
    'wgpolicyk8s.io',
    'v1alpha2',
    'ClusterPolicyReport',
    'clusterpolicyreports',
    false,
    true,
  ),
  k(
    'aquasecurity.github.io',
    'v1alpha1',
    'VulnerabilityReport',
    'vulnerabilityreports',
    true,
    true,
  ),
  k(
    'aquasecurity.github.io',
    'v1alpha1',
    'ConfigAuditReport',
    'configauditreports',
    true,
    true,
  ),
  k(
    'security-profiles-operator.x-k8s.io',
    'v1beta1',
    'SeccompProfile',
    'seccompprofiles',
    true,
    true,
  ),
  k('kubevirt.io', 'v1', 'VirtualMachine', 'virtualmachines', true, true),
  k(
    'kubevirt.io',
    'v1',
    'VirtualMachineInstance',
    'virtualmachineinstances',
    true,
    true,
  ),
  k('argoproj.io', 'v1alpha1', 'Rollout', 'rollouts', true, true),
  k('argoproj.io', 'v1alpha1', 'Application', 'applications', true, true),
  k('tekton.dev', 'v1', 'PipelineRun', 'pipelineruns', true, true),
  k('tekton.dev', 'v1', 'TaskRun', 'taskruns', true, true),
  k(
    'monitoring.coreos.com',
    'v1',
    'ServiceMonitor',
    'servicemonitors',
    true,
    true,
  ),
  k('monitoring.coreos.com', 'v1', 'PodMonitor', 'podmonitors', true, true),
  k(
    'monitoring.coreos.com',
    'v1',
    'PrometheusRule',
    'prometheusrules',
    true,
    true,
  ),
  k(
    'sloth.slok.dev',
    'v1',
    'PrometheusServiceLevel',
    'prometheusservicelevels',
    true,
    true,
  ),
  k(
    'pyrra.dev',
    'v1alpha1',
    'ServiceLevelObjective',
    'servicelevelobjectives',
    true,
    true,
  ),
  k('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims'),
  k('', 'v1', 'PersistentVolume', 'persistentvolumes', false),
  k('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', false),
  k('ceph.rook.io', 'v1', 'CephCluster', 'cephclusters', true, true),
  k('ceph.rook.io', 'v1', 'CephBlockPool', 'cephblockpools', true, true),
];

/**
 * Kinds a person calls a workload; pods roll up into them, and owned ones
 * (a Job of a CronJob, the instance of a VirtualMachine) into their owner.
 *
 * @public
 */
export const WORKLOAD_KINDS: readonly string[] = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'CronJob',
  'Job',
  'Rollout',
  'VirtualMachine',
  'VirtualMachineInstance',
];
