import {
  fieldOf,
  type KubeEvent,
  type KubeObject,
} from '@cloud-native-platform/plugin-cloud-native-common';

/**
 * A Kubernetes object as the cluster state holds it: the suite's one object
 * type, from cloud-native-common.
 *
 * @public
 */
export type KubeObjectLike = KubeObject;

/**
 * A core/v1 Event, as platform healing reads them.
 *
 * @public
 */
export type KubeEventLike = KubeEvent;

/** Milliseconds of an ISO time, undefined when absent or unreadable. */
export function timeOf(value: unknown): number | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** When an event was first seen; older event sources only fill some fields. */
export function eventStart(event: KubeEventLike): number | undefined {
  return (
    timeOf(event.firstTimestamp) ??
    timeOf(event.eventTime) ??
    timeOf(event.lastTimestamp)
  );
}

/** When an event was last seen. */
export function eventEnd(event: KubeEventLike): number | undefined {
  return (
    timeOf(event.lastTimestamp) ??
    timeOf(event.eventTime) ??
    timeOf(event.firstTimestamp)
  );
}

/** A condition of an object's status, with the fields every kind shares. */
export interface StatusCondition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
}

/** The condition of `type` in an object's status, if any. */
export function conditionOf(
  object: KubeObjectLike | undefined,
  type: string,
): StatusCondition | undefined {
  // Every kind with conditions keeps them at status.conditions; read
  // without trusting the shape, as manifests are parsed, not checked.
  const conditions = fieldOf(object?.status, 'conditions');
  if (!Array.isArray(conditions)) return undefined;
  return conditions.find(c => fieldOf(c, 'type') === type) as
    | StatusCondition
    | undefined;
}

/** True when the pod's Ready condition is True. */
export function isPodReady(pod: KubeObjectLike): boolean {
  return conditionOf(pod, 'Ready')?.status === 'True';
}

/** `Kind namespace/name`, or `Kind name` for cluster-scoped objects. */
export function describeObject(o: {
  kind: string;
  name: string;
  namespace?: string;
}): string {
  return o.namespace
    ? `${o.kind} ${o.namespace}/${o.name}`
    : `${o.kind} ${o.name}`;
}
