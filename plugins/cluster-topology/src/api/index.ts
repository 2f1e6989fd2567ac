export { clusterTopologyApiRef } from './ClusterTopologyApi';
export type { ClusterTopologyApi } from './ClusterTopologyApi';
export { ClusterTopologyClient } from './ClusterTopologyClient';
export type {
  ClusterObject,
  ClusterObjectDetails,
  ClusterObjectEvent,
  ClusterObjectQuery,
  ClusterSummary,
  ClusterSyncStatus,
  EntityDeliveriesResponse,
  EntityWorkload,
  EntityWorkloadsResponse,
  TopologyGraphQuery,
  TopologyLayer,
  WorkloadDeliveryItem,
  WorkloadHealth,
} from './types';
