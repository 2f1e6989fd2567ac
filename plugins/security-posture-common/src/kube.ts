import {
  isKind,
  podTemplateOf as templateOf,
  type Container,
  type KubeObject,
  type PodSpec,
  type PodTemplateSpec,
} from '@cloud-native-platform/plugin-cloud-native-common';

/**
 * A Kubernetes object of any kind: the suite's one object type, from
 * cloud-native-common, so callers pass the cluster state's objects as they are.
 *
 * @public
 */
export type { KubeObject };

/** Which list of the pod spec a container comes from. */
export type ContainerKind =
  | 'container'
  | 'initContainer'
  | 'ephemeralContainer';

/** A container of a pod template, with the list it was found in. */
export interface ContainerView {
  name: string;
  kind: ContainerKind;
  spec: Container;
}

/**
 * An object that runs pods, reduced to its pod template: what the pod
 * security and hardening checks read.
 */
export interface Workload {
  object: KubeObject;
  podSpec: PodSpec;
  podAnnotations: Record<string, string>;
  containers: ContainerView[];
  /** Jobs and CronJobs run to completion, so probes make no sense there. */
  runsToCompletion: boolean;
}

// Objects of these kinds are only evaluated when nothing owns them: an owned
// ReplicaSet, Job or Pod is a copy of its owner's template, and reporting it
// again would count the same problem twice.
const OWNED_COPIES = new Set([
  'Pod',
  'ReplicaSet',
  'ReplicationController',
  'Job',
]);
const TEMPLATE_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'Rollout',
]);

/**
 * True for the objects runChecks evaluates as workloads (a workload kind,
 * not an owned copy): they score even when clean, so they count as resources.
 *
 * @public
 */
export function isCheckedWorkload(object: KubeObject): boolean {
  if (
    OWNED_COPIES.has(object.kind) &&
    (object.metadata.ownerReferences?.length ?? 0) > 0
  ) {
    return false;
  }
  return (
    object.kind === 'Pod' ||
    object.kind === 'CronJob' ||
    TEMPLATE_KINDS.has(object.kind)
  );
}

function podTemplateOf(object: KubeObject): PodTemplateSpec | undefined {
  if (isKind(object, 'Pod')) {
    return { metadata: object.metadata, spec: object.spec };
  }
  // An Argo Rollout with `workloadRef` has no template of its own; the
  // referenced Deployment is evaluated instead.
  return templateOf(object);
}

/**
 * The workload view of an object, or undefined when it runs no pods of its
 * own (another kind, an owned copy, or no pod template).
 */
export function workloadOf(object: KubeObject): Workload | undefined {
  if (
    OWNED_COPIES.has(object.kind) &&
    (object.metadata.ownerReferences?.length ?? 0) > 0
  ) {
    return undefined;
  }
  const template = podTemplateOf(object);
  const podSpec = template?.spec;
  if (!podSpec || typeof podSpec !== 'object') {
    return undefined;
  }
  const containers: ContainerView[] = [];
  const lists: Array<
    ['initContainers' | 'containers' | 'ephemeralContainers', ContainerKind]
  > = [
    ['initContainers', 'initContainer'],
    ['containers', 'container'],
    ['ephemeralContainers', 'ephemeralContainer'],
  ];
  for (const [field, kind] of lists) {
    for (const spec of asArray<Container>(podSpec[field])) {
      if (spec && typeof spec === 'object') {
        containers.push({ name: String(spec.name ?? '?'), kind, spec });
      }
    }
  }
  return {
    object,
    podSpec,
    podAnnotations: template?.metadata?.annotations ?? {},
    containers,
    runsToCompletion: object.kind === 'Job' || object.kind === 'CronJob',
  };
}

/**
 * The list at `value`, or an empty one when the field is absent or malformed.
 * Manifests are parsed, not checked, so the elements are only as typed as
 * the field's model says; callers check the values they rely on.
 */
export function asArray<T>(value: readonly T[] | null | undefined): T[];
export function asArray(value: unknown): unknown[];
export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * A security context field as it applies to a container: the container's own
 * value wins over the pod's, which is how the kubelet resolves the fields
 * both levels have.
 */
export function effectiveField<F extends SharedSecurityField>(
  container: ContainerView,
  podSpec: PodSpec,
  field: F,
): {
  value: SecurityContext[F] | PodSecurityContext[F] | undefined;
  from?: 'container' | 'pod';
} {
  const own = container.spec.securityContext?.[field];
  if (own !== undefined && own !== null) {
    return { value: own, from: 'container' };
  }
  const pod = podSpec.securityContext?.[field];
  if (pod !== undefined && pod !== null) {
    return { value: pod, from: 'pod' };
  }
  return { value: undefined };
}

type SecurityContext = NonNullable<Container['securityContext']>;
type PodSecurityContext = NonNullable<PodSpec['securityContext']>;
/** The security context fields a pod and its containers both have. */
type SharedSecurityField = keyof SecurityContext & keyof PodSecurityContext;

/** Text naming a container in messages, e.g. `init container setup`. */
export function containerLabel(container: ContainerView): string {
  switch (container.kind) {
    case 'initContainer':
      return `init container ${container.name}`;
    case 'ephemeralContainer':
      return `ephemeral container ${container.name}`;
    default:
      return `container ${container.name}`;
  }
}
