/**
 * A Kubernetes object of any kind, typed only as far as the checks need.
 * Structurally compatible with the cluster state's objects, so that callers
 * pass those without conversion.
 *
 * @public
 */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: Array<{
      apiVersion?: string;
      kind: string;
      name: string;
      uid?: string;
      controller?: boolean;
    }>;
    [key: string]: unknown;
  };
  spec?: any;
  status?: any;
  [key: string]: unknown;
}

/** Which list of the pod spec a container comes from. */
export type ContainerKind =
  | 'container'
  | 'initContainer'
  | 'ephemeralContainer';

/** A container of a pod template, with the list it was found in. */
export interface ContainerView {
  name: string;
  kind: ContainerKind;
  spec: any;
}

/**
 * An object that runs pods, reduced to its pod template: what the pod
 * security and hardening checks read.
 */
export interface Workload {
  object: KubeObject;
  podSpec: any;
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

function podTemplateOf(
  object: KubeObject,
): { metadata?: any; spec?: any } | undefined {
  if (object.kind === 'Pod') {
    return { metadata: object.metadata, spec: object.spec };
  }
  if (object.kind === 'CronJob') {
    return object.spec?.jobTemplate?.spec?.template;
  }
  if (TEMPLATE_KINDS.has(object.kind)) {
    // An Argo Rollout with `workloadRef` has no template of its own; the
    // referenced Deployment is evaluated instead.
    return object.spec?.template;
  }
  return undefined;
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
  const lists: Array<[string, ContainerKind]> = [
    ['initContainers', 'initContainer'],
    ['containers', 'container'],
    ['ephemeralContainers', 'ephemeralContainer'],
  ];
  for (const [field, kind] of lists) {
    for (const spec of asArray(podSpec[field])) {
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

/** The list at `value`, or an empty one when the field is absent or malformed. */
export function asArray(value: unknown): any[] {
  return Array.isArray(value) ? value : [];
}

/**
 * A security context field as it applies to a container: the container's own
 * value wins over the pod's, which is how the kubelet resolves the fields
 * both levels have.
 */
export function effectiveField(
  container: ContainerView,
  podSpec: any,
  field: string,
): { value: any; from?: 'container' | 'pod' } {
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
