import type { Entity } from '@backstage/catalog-model';
import { namesWorkloads } from '@cloud-native-platform/plugin-cloud-native-common';

/**
 * True when the entity names its workloads, so that healing attempts can be
 * tied to it and its healing tab and card have something to show.
 *
 * @public
 */
export function isHealingAvailable(entity: Entity): boolean {
  return namesWorkloads(entity);
}
