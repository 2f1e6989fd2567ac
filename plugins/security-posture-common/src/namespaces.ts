import { KubeObject } from './kube';

/**
 * Kinds the API server keeps outside namespaces, by API group (`''` for the
 * core group): Kubernetes' own and those of the projects whose objects the
 * checks read. Every other kind is taken as namespaced, as kubectl would
 * find it in the API discovery.
 */
const CLUSTER_SCOPED: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    '': ['Namespace', 'Node', 'PersistentVolume', 'ComponentStatus'],
    'rbac.authorization.k8s.io': ['ClusterRole', 'ClusterRoleBinding'],
    'storage.k8s.io': [
      'StorageClass',
      'CSIDriver',
      'CSINode',
      'VolumeAttachment',
    ],
    'apiextensions.k8s.io': ['CustomResourceDefinition'],
    'apiregistration.k8s.io': ['APIService'],
    'admissionregistration.k8s.io': [
      'MutatingWebhookConfiguration',
      'ValidatingWebhookConfiguration',
      'ValidatingAdmissionPolicy',
      'ValidatingAdmissionPolicyBinding',
    ],
    'scheduling.k8s.io': ['PriorityClass'],
    'node.k8s.io': ['RuntimeClass'],
    'networking.k8s.io': ['IngressClass'],
    policy: ['PodSecurityPolicy'],
    'certificates.k8s.io': ['CertificateSigningRequest'],
    'flowcontrol.apiserver.k8s.io': [
      'FlowSchema',
      'PriorityLevelConfiguration',
    ],
    'gateway.networking.k8s.io': ['GatewayClass'],
    'cert-manager.io': ['ClusterIssuer'],
    'templates.gatekeeper.sh': ['ConstraintTemplate'],
    'wgpolicyk8s.io': ['ClusterPolicyReport'],
    'kyverno.io': ['ClusterPolicy'],
    'aquasecurity.github.io': [
      'ClusterConfigAuditReport',
      'ClusterRbacAssessmentReport',
      'ClusterComplianceReport',
      'ClusterVulnerabilityReport',
      'ClusterInfraAssessmentReport',
    ],
  }).map(([group, kinds]) => [group, new Set(kinds)]),
);

/** Gatekeeper's constraints, one kind per template, are all cluster-wide. */
const CLUSTER_SCOPED_GROUPS = new Set(['constraints.gatekeeper.sh']);

/**
 * Whether the API server keeps objects of this kind outside namespaces.
 *
 * @public
 */
export function isClusterScoped(
  object: Pick<KubeObject, 'apiVersion' | 'kind'>,
): boolean {
  const apiVersion = String(object.apiVersion ?? '');
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  return (
    CLUSTER_SCOPED_GROUPS.has(group) ||
    CLUSTER_SCOPED.get(group)?.has(object.kind) === true
  );
}

// RFC 1123 label: what the API server takes as a namespace name.
const NAMESPACE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Why a text is not a namespace name, or undefined when it is one.
 *
 * @public
 */
export function namespaceNameProblem(name: string): string | undefined {
  if (name.length > 63) {
    return `namespace '${name.slice(0, 63)}…' is longer than 63 characters`;
  }
  return NAMESPACE_NAME.test(name)
    ? undefined
    : `namespace '${name}' is not a DNS label (lower-case letters, digits and '-', starting and ending with a letter or digit)`;
}

/**
 * The objects as the cluster would store them when applied into
 * `namespace` (kubectl's `default` unless `--namespace` says otherwise):
 * a namespaced object without `metadata.namespace` lands there, so the
 * policies of that namespace govern it. Cluster-scoped objects and those
 * naming their namespace are returned as they are; none is changed in place.
 *
 * @public
 */
export function withDefaultNamespace<T extends KubeObject>(
  objects: readonly T[],
  namespace = 'default',
): T[] {
  return objects.map(object => {
    const metadata = object?.metadata;
    if (
      !metadata ||
      typeof metadata !== 'object' ||
      (metadata.namespace !== undefined && metadata.namespace !== '') ||
      isClusterScoped(object)
    ) {
      return object;
    }
    return { ...object, metadata: { ...metadata, namespace } };
  });
}
