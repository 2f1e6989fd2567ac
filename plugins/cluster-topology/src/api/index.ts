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
  EntityWorkload,
  EntityWorkloadsResponse,
  TopologyGraphQuery,
  TopologyLayer,
  WorkloadHealth,
} from './types';
