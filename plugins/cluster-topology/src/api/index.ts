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
export type {
  AutomationLevel,
  DrObjective,
  DrReadiness,
  DrReplicationComponent,
  DrStatus,
  DrWorkloadReadiness,
  EntityMaturityResponse,
  MaturityComponent,
  MaturityFinding,
  MaturityFormula,
  MaturityGroupScore,
  MaturityLeaderboard,
  MaturityQuery,
  MaturityTerm,
  TeamMaturityResponse,
} from './maturityTypes';
export type {
  MaturityHistory,
  MaturityHistoryPoint,
  MaturityScopeType,
} from '@cloud-native-platform/plugin-cloud-native-common';
