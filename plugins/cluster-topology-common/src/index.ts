/**
 * Shared contracts of the cluster topology plugins.
 *
 * @packageDocumentation
 */
export {
  CLUSTER_TOPOLOGY_CLUSTER_RESOURCE_TYPE,
  clusterTopologyObjectReadPermission,
  clusterTopologyLogsReadPermission,
  clusterTopologyPermissions,
} from './permissions';
