import type { Entity } from '@backstage/catalog-model';
import { namesWorkloads } from '@cloud-native-platform/plugin-cloud-native-common';

/**
 * True when the entity names its workloads, so that its maturity card and DR
 * readiness tab have workloads to score and compare with their DR copies.
 *
 * @public
 */
export function isPlatformMaturityAvailable(entity: Entity): boolean {
  return namesWorkloads(entity);
}
