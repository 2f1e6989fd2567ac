import type { Entity } from '@backstage/catalog-model';
import { namesWorkloads } from '@cloud-native-platform/plugin-cloud-native-common';

/**
 * True when the entity names its workloads, so its topology tab and
 * workloads card have something to show.
 *
 * @public
 */
export function isClusterTopologyAvailable(entity: Entity): boolean {
  return namesWorkloads(entity);
}
