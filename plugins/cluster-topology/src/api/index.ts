export { clusterTopologyApiRef } from './ClusterTopologyApi';
export type { ClusterTopologyApi } from './ClusterTopologyApi';
export { ClusterTopologyClient } from './ClusterTopologyClient';
export type {
  ClusterCephBlockPool,
  ClusterObject,
  ClusterObjectDetails,
  ClusterObjectEvent,
  ClusterObjectQuery,
  ClusterStorageSummary,
  ClusterSummary,
  ClusterSyncStatus,
  EntityDeliveriesResponse,
  EntityWorkload,
  EntityWorkloadsResponse,
  PodLogLine,
  PodLogs,
  PodLogSource,
  PodLogsQuery,
  PodLogStreamEndReason,
  TopologyGraphQuery,
  TopologyLayer,
  WorkloadDeliveryItem,
  WorkloadHealth,
} from './types';
