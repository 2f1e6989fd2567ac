/**
 * Backend of the cluster topology page.
 *
 * @packageDocumentation
 */

export { clusterTopologyPlugin as default } from './plugin';
export * from './service/router';
export { readPodLogLimits, type PodLogLimits } from './service/podLogs';
export {
  LegacyMaturitySnapshots,
  type LegacyMaturitySnapshot,
} from './database/LegacyMaturitySnapshots';
