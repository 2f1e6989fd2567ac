import type { KubeObject, ObjectMeta } from './KubeObject';
import type { Rollout } from './customResources';
import { fieldOf } from './fields';
import {
  isKind,
  isOneOfKinds,
  type DaemonSet,
  type Deployment,
  type Job,
  type PodTemplateSpec,
  type ReplicaSet,
  type ReplicationController,
  type StatefulSet,
} from './kinds';

/**
 * The kinds that run pods from a template of their own.
 *
 * @public
 */
export type PodTemplateOwner =
  | Deployment
  | StatefulSet
  | DaemonSet
  | ReplicaSet
  | ReplicationController
  | Job
  | Rollout;

/**
 * The pod template of an object: a workload's `spec.template`, a CronJob's
 * job template; undefined for other kinds or when absent.
 *
 * @public
 */
export function podTemplateOf(object: KubeObject): PodTemplateSpec | undefined {
  if (isKind(object, 'CronJob')) {
    return object.spec?.jobTemplate?.spec?.template;
  }
  if (
    isOneOfKinds(object, [
      'Deployment',
      'StatefulSet',
      'DaemonSet',
      'ReplicaSet',
      'ReplicationController',
      'Job',
      'Rollout',
    ])
  ) {
    return object.spec?.template;
  }
  return undefined;
}

/**
 * The workload kinds with a replica count in `spec` and replica counts in
 * `status`.
 *
 * @public
 */
export type ScalableWorkload =
  | Deployment
  | StatefulSet
  | ReplicaSet
  | ReplicationController
  | Rollout;

const SCALABLE_KINDS = [
  'Deployment',
  'StatefulSet',
  'ReplicaSet',
  'ReplicationController',
  'Rollout',
] as const;

/**
 * Narrows an object to a {@link ScalableWorkload}.
 *
 * @public
 */
export function isScalable(
  object: KubeObject | undefined,
): object is KubeObject & ScalableWorkload {
  return isOneOfKinds(object, SCALABLE_KINDS);
}

/**
 * The replicas a scalable workload asks for (`spec.replicas` of a
 * Deployment, StatefulSet, ReplicaSet, ReplicationController or Rollout);
 * undefined for other kinds or when unset.
 *
 * @public
 */
export function desiredReplicas(object: KubeObject): number | undefined {
  if (isScalable(object)) {
    const replicas = object.spec?.replicas;
    return typeof replicas === 'number' ? replicas : undefined;
  }
  return undefined;
}

/**
 * The metadata of an object's template, for any kind that has one: a
 * workload's `spec.template`, a CronJob's job template, a VirtualMachine's
 * or a custom resource's `spec.template`.
 *
 * @public
 */
export function templateMetadataOf(object: KubeObject): ObjectMeta | undefined {
  const template =
    fieldOf(object.spec, 'template') ??
    fieldOf(fieldOf(fieldOf(object.spec, 'jobTemplate'), 'spec'), 'template');
  const metadata = fieldOf(template, 'metadata');
  return typeof metadata === 'object' && metadata !== null
    ? (metadata as ObjectMeta)
    : undefined;
}
