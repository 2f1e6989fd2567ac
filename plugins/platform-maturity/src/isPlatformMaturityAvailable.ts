import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
  ANNOTATION_WORKLOADS,
} from '@cloud-native-platform/plugin-cloud-native-common';

/** Annotations through which the backend finds an entity's workloads. */
const WORKLOAD_ANNOTATIONS = [
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
  ANNOTATION_WORKLOADS,
];

/**
 * True when the entity names its workloads, so that its maturity card and DR
 * readiness tab have workloads to score and compare with their DR copies.
 *
 * @public
 */
export function isPlatformMaturityAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return WORKLOAD_ANNOTATIONS.some(
    annotation => (annotations[annotation] ?? '').trim() !== '',
  );
}
