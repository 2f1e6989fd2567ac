import type { KubeObject } from '@cloud-native-platform/plugin-cloud-native-common';

/**
 * A Kubernetes object as the cluster state holds it: the suite's one object
 * type, from cloud-native-common.
 *
 * @public
 */
export type { KubeObject };

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * Drops what the cache never reads and what makes objects large:
 * `metadata.managedFields` and the last-applied annotation.
 *
 * @public
 */
export function stripObject<T extends KubeObject>(object: T): T {
  const { managedFields: _managed, ...metadata } = object.metadata;
  if (metadata.annotations && LAST_APPLIED in metadata.annotations) {
    const { [LAST_APPLIED]: _lastApplied, ...annotations } =
      metadata.annotations;
    metadata.annotations = annotations;
  }
  return { ...object, metadata };
}
