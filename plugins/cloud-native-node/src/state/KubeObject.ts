/**
 * A Kubernetes object as the cluster state holds it: any kind, with the
 * fields every object has typed and the rest left as in the API.
 *
 * @public
 */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
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

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * Drops what the cache never reads and what makes objects large:
 * `metadata.managedFields` and the last-applied annotation.
 *
 * @public
 */
export function stripObject<T extends KubeObject>(object: T): T {
  const { managedFields: _managed, ...metadata } = object.metadata as any;
  if (metadata.annotations && LAST_APPLIED in metadata.annotations) {
    const { [LAST_APPLIED]: _lastApplied, ...annotations } =
      metadata.annotations;
    metadata.annotations = annotations;
  }
  return { ...object, metadata };
}
