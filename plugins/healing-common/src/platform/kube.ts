/**
 * A Kubernetes object as the cluster state holds it. Structural, so the
 * backend's cached objects and parsed manifests both fit without an import.
 *
 * @public
 */
export interface KubeObjectLike {
  apiVersion?: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: Array<{
      kind: string;
      name: string;
      uid?: string;
      controller?: boolean;
    }>;
    creationTimestamp?: string;
  };
  spec?: any;
  status?: any;
}

/**
 * A core/v1 Event, the fields platform healing reads.
 *
 * @public
 */
export interface KubeEventLike {
  metadata?: { name?: string; namespace?: string; uid?: string };
  involvedObject: {
    kind: string;
    name: string;
    namespace?: string;
    uid?: string;
    fieldPath?: string;
  };
  reason?: string;
  message?: string;
  type?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  source?: { component?: string; host?: string };
  reportingComponent?: string;
}

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

/** The condition of `type` in an object's status, if any. */
export function conditionOf(
  object: KubeObjectLike | undefined,
  type: string,
):
  | {
      status?: string;
      reason?: string;
      message?: string;
      lastTransitionTime?: string;
      lastUpdateTime?: string;
    }
  | undefined {
  const conditions = object?.status?.conditions;
  if (!Array.isArray(conditions)) return undefined;
  return conditions.find((c: any) => c?.type === type);
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
