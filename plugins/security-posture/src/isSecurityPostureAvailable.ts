import type { Entity } from '@backstage/catalog-model';
import { namesWorkloads } from '@cloud-native-platform/plugin-cloud-native-common';

/**
 * True when the entity names its workloads, so that the backend has something
 * to check and its security tab and card have something to show.
 *
 * @public
 */
export function isSecurityPostureAvailable(entity: Entity): boolean {
  return namesWorkloads(entity);
}
