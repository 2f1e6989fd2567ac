import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The resource type of the cluster topology permissions: one cluster,
 * referred to by its name in `cloudNativePlatform.clusters`. Policies limit
 * these permissions per cluster with the `IS_CLUSTER` and `HAS_CLUSTER_ROLE`
 * rules of the cluster-topology backend.
 *
 * @public
 */
export const CLUSTER_TOPOLOGY_CLUSTER_RESOURCE_TYPE =
  'cluster-topology-cluster';

/**
 * Reading one object of a cluster in full (GET /object): its spec, labels,
 * annotations and environment, with credentials redacted; also the object
 * labels and spec details in the cluster's part of GET /graph.
 *
 * @public
 */
export const clusterTopologyObjectReadPermission = createPermission({
  name: 'cluster-topology.object.read',
  attributes: { action: 'read' },
  resourceType: CLUSTER_TOPOLOGY_CLUSTER_RESOURCE_TYPE,
});

/**
 * Reading the logs of a cluster's pods (GET /logs).
 *
 * @public
 */
export const clusterTopologyLogsReadPermission = createPermission({
  name: 'cluster-topology.logs.read',
  attributes: { action: 'read' },
  resourceType: CLUSTER_TOPOLOGY_CLUSTER_RESOURCE_TYPE,
});

/**
 * Every permission of the cluster topology plugins.
 *
 * @public
 */
export const clusterTopologyPermissions = [
  clusterTopologyObjectReadPermission,
  clusterTopologyLogsReadPermission,
];
