import type { IObjectMeta } from '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta';
import type { IOwnerReference } from '@kubernetes-models/apimachinery/apis/meta/v1/OwnerReference';
import type { ILabelSelector } from '@kubernetes-models/apimachinery/apis/meta/v1/LabelSelector';

/**
 * Standard object metadata, as the Kubernetes API serialises it.
 *
 * @public
 */
export type ObjectMeta = IObjectMeta;

/**
 * A reference from an object to the object that owns it.
 *
 * @public
 */
export type OwnerReference = IOwnerReference;

/**
 * A label selector with `matchLabels` and `matchExpressions`.
 *
 * @public
 */
export type LabelSelector = ILabelSelector;

/**
 * Object metadata with the name every stored object has.
 *
 * @public
 */
export type KubeObjectMeta = ObjectMeta & { name: string };

/**
 * A Kubernetes object of any kind, as the cluster state and parsed manifests
 * hold it: type fields and metadata typed, `spec` and `status` left to the
 * per-kind types (narrow with {@link isKind}).
 *
 * @public
 */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: KubeObjectMeta;
  spec?: unknown;
  status?: unknown;
  [field: string]: unknown;
}

/**
 * A model of the Kubernetes API as an object of the cluster state: the
 * model's own fields, with metadata (and its name) required.
 *
 * @public
 */
export type Stored<T extends { metadata?: ObjectMeta }> = Omit<
  T,
  'metadata'
> & { metadata: KubeObjectMeta };
