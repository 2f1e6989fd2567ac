/**
 * Cluster topology: the fleet's clusters, namespaces and workloads as a live
 * graph, on a page of its own and on the pages of catalog entities.
 *
 * The default export is the plugin for the new frontend system; the named
 * exports serve apps on the legacy frontend system.
 *
 * @packageDocumentation
 */

export { default } from './alpha';
export {
  clusterTopologyPlugin,
  ClusterTopologyPage,
  EntityClusterTopologyContent,
  EntityClusterWorkloadsCard,
  EntityDeliveryCard,
} from './plugin';
export { isClusterTopologyAvailable } from './isClusterTopologyAvailable';
export { ClusterTopologyClient, clusterTopologyApiRef } from './api';
export type {
  ClusterObject,
  ClusterObjectDetails,
  ClusterObjectEvent,
  ClusterObjectQuery,
  ClusterTopologyApi,
  ClusterSummary,
  ClusterSyncStatus,
  EntityDeliveriesResponse,
  EntityWorkload,
  EntityWorkloadsResponse,
  TopologyGraphQuery,
  TopologyLayer,
  WorkloadDeliveryItem,
  WorkloadHealth,
} from './api';
