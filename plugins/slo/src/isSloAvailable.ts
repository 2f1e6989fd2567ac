import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
  ANNOTATION_PREFIX,
  ANNOTATION_WORKLOADS,
} from '@cloud-native-platform/plugin-cloud-native-common';

/**
 * Annotations through which the backend finds the workloads whose SLO
 * definitions (generated rules, Sloth, Pyrra) it reads from the clusters.
 */
const WORKLOAD_ANNOTATIONS = [
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
  ANNOTATION_WORKLOADS,
];

/** `cloud-native-platform.io/slo`, `…/slo-availability`, `…/slo-latency-p99-ms`. */
const SLO_ANNOTATION = `${ANNOTATION_PREFIX}slo`;

const isSet = (value: string | undefined) => (value ?? '').trim() !== '';

/**
 * True when the entity is a component that declares an SLO in its
 * annotations or names the workloads whose SLO definitions the clusters
 * hold, so that its SLO tab and card have something to read.
 *
 * @public
 */
export function isSloAvailable(entity: Entity): boolean {
  if (entity.kind.toLocaleLowerCase('en-US') !== 'component') {
    return false;
  }
  const annotations = entity.metadata.annotations ?? {};
  return Object.entries(annotations).some(
    ([key, value]) =>
      isSet(value) &&
      (key === SLO_ANNOTATION ||
        key.startsWith(`${SLO_ANNOTATION}-`) ||
        WORKLOAD_ANNOTATIONS.includes(key)),
  );
}
