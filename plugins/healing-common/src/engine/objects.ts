import type {
  KubeObject,
  KubeObjectOf,
} from '@cloud-native-platform/plugin-cloud-native-common';

/**
 * A Kubernetes object the engine reads: the suite's one object type, from
 * cloud-native-common. The cluster state's objects are of this type.
 *
 * @public
 */
export type ClusterObject = KubeObject;

/**
 * A read-only view of one cluster's objects; the backend's
 * ClusterObjectStore satisfies it, tests pass a few objects.
 *
 * @public
 */
export interface ClusterObjectsView {
  get<K extends string>(
    kind: K,
    namespace: string | undefined,
    name: string,
  ): KubeObjectOf<K> | undefined;
  list<K extends string>(
    kind: K,
    options?: { namespace?: string },
  ): KubeObjectOf<K>[];
  /** Objects whose ownerReferences name this uid. */
  ownedBy<K extends string = string>(uid: string, kind?: K): KubeObjectOf<K>[];
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
    // Filtered by `kind`, so each result is of that kind's type.
    get: <K extends string>(
      kind: K,
      namespace: string | undefined,
      name: string,
    ) =>
      objects.find(
        o =>
          o.kind === kind &&
          (o.metadata.namespace ?? '') === (namespace ?? '') &&
          o.metadata.name === name,
      ) as KubeObjectOf<K> | undefined,
    list: <K extends string>(kind: K, options: { namespace?: string } = {}) =>
      objects.filter(
        o =>
          o.kind === kind &&
          (options.namespace === undefined ||
            o.metadata.namespace === options.namespace),
      ) as KubeObjectOf<K>[],
    ownedBy: <K extends string = string>(uid: string, kind?: K) =>
      objects.filter(
        o =>
          (!kind || o.kind === kind) &&
          (o.metadata.ownerReferences ?? []).some(r => r.uid === uid),
      ) as KubeObjectOf<K>[],
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
