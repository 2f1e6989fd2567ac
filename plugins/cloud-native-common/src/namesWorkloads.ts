import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
  ANNOTATION_WORKLOADS,
} from './annotations';

/**
 * The annotations through which the backends find an entity's workloads.
 *
 * @public
 */
export const WORKLOAD_ANNOTATIONS: readonly string[] = [
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
  ANNOTATION_WORKLOADS,
];

/**
 * True when the entity names its workloads through one of
 * {@link WORKLOAD_ANNOTATIONS} with a non-blank value, so that the
 * frontend plugins' tabs and cards have workloads to show.
 *
 * @public
 */
export function namesWorkloads(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return WORKLOAD_ANNOTATIONS.some(
    annotation => (annotations[annotation] ?? '').trim() !== '',
  );
}
