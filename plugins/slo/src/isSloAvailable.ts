import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_PREFIX,
  namesWorkloads,
} from '@cloud-native-platform/plugin-cloud-native-common';

/** `cloud-native-platform.io/slo`, `…/slo-availability`, `…/slo-latency-p99-ms`. */
const SLO_ANNOTATION = `${ANNOTATION_PREFIX}slo`;

function declaresSlo(entity: Entity): boolean {
  return Object.entries(entity.metadata.annotations ?? {}).some(
    ([key, value]) =>
      (key === SLO_ANNOTATION || key.startsWith(`${SLO_ANNOTATION}-`)) &&
      value.trim() !== '',
  );
}

/**
 * True when the entity is a component that declares an SLO in its
 * annotations, or names the workloads whose SLO definitions (generated
 * rules, Sloth, Pyrra) the clusters hold, so that its SLO tab and card have
 * something to read.
 *
 * @public
 */
export function isSloAvailable(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'component' &&
    (declaresSlo(entity) || namesWorkloads(entity))
  );
}
