/**
 * Shared contracts of the cluster topology plugins: the HTTP API's queries
 * and answers, and the permissions.
 *
 * @packageDocumentation
 */
export {
  CLUSTER_TOPOLOGY_CLUSTER_RESOURCE_TYPE,
  clusterTopologyObjectReadPermission,
  clusterTopologyLogsReadPermission,
  clusterTopologyPermissions,
} from './permissions';
export * from './api';
