/**
 * The shape of a Kubernetes object the engine reads: any kind, with the
 * fields it relies on typed. The cluster state's objects satisfy it.
 *
 * @public
 */
export interface ClusterObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: Array<{
      apiVersion: string;
      kind: string;
      name: string;
      uid: string;
      controller?: boolean;
    }>;
    creationTimestamp?: string;
    [key: string]: unknown;
  };
  spec?: any;
  status?: any;
  [key: string]: unknown;
}

/**
 * A read-only view of one cluster's objects; the backend's
 * ClusterObjectStore satisfies it, tests pass a few objects.
 *
 * @public
 */
export interface ClusterObjectsView {
  get(
    kind: string,
    namespace: string | undefined,
    name: string,
  ): ClusterObject | undefined;
  list(kind: string, options?: { namespace?: string }): ClusterObject[];
  /** Objects whose ownerReferences name this uid. */
  ownedBy(uid: string, kind?: string): ClusterObject[];
}

/**
 * An in-memory {@link ClusterObjectsView} over a list of objects, for tests and audits.
 *
 * @public
 */
export function objectsView(
  objects: readonly ClusterObject[],
): ClusterObjectsView {
  return {
    get: (kind, namespace, name) =>
      objects.find(
        o =>
          o.kind === kind &&
          (o.metadata.namespace ?? '') === (namespace ?? '') &&
          o.metadata.name === name,
      ),
    list: (kind, options = {}) =>
      objects.filter(
        o =>
          o.kind === kind &&
          (options.namespace === undefined ||
            o.metadata.namespace === options.namespace),
      ),
    ownedBy: (uid, kind) =>
      objects.filter(
        o =>
          (!kind || o.kind === kind) &&
          (o.metadata.ownerReferences ?? []).some(r => r.uid === uid),
      ),
  };
}

/**
 * A deep copy of JSON data, so planners never mutate the cluster state.
 *
 * @public
 */
export function cloneObject<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

/**
 * `Kind namespace/name`, as HealingChange.object shows it.
 *
 * @public
 */
export function describeObject(object: ClusterObject): string {
  const { namespace, name } = object.metadata;
  return `${object.kind} ${namespace ? `${namespace}/` : ''}${name}`;
}
