import {
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { CLUSTER_TOPOLOGY_CLUSTER_RESOURCE_TYPE } from '@cloud-native-platform/plugin-cluster-topology-common';
import { z } from 'zod';

/**
 * A cluster as the topology permissions see it.
 *
 * @public
 */
export interface TopologyClusterResource {
  name: string;
  role: string;
}

/**
 * A condition translated for querying: the cluster names or roles it allows.
 *
 * @public
 */
export interface TopologyClusterQuery {
  clusters?: string[];
  roles?: string[];
}

/**
 * Reference of the resource type of `cluster-topology.object.read` and
 * `cluster-topology.logs.read`; its resource refs are cluster names.
 *
 * @public
 */
export const topologyClusterResourceRef = createPermissionResourceRef<
  TopologyClusterResource,
  TopologyClusterQuery
>().with({
  pluginId: 'cluster-topology',
  resourceType: CLUSTER_TOPOLOGY_CLUSTER_RESOURCE_TYPE,
});

const nameList = z.array(z.string().min(1).max(253)).max(500);

/**
 * Allows the named clusters only.
 *
 * @public
 */
export const IS_CLUSTER = createPermissionRule({
  name: 'IS_CLUSTER',
  description: 'Allow the named clusters only',
  resourceRef: topologyClusterResourceRef,
  paramsSchema: z.object({
    clusters: nameList.describe(
      'Names of the clusters, as in cloudNativePlatform.clusters',
    ),
  }),
  apply: (resource, { clusters }) => clusters.includes(resource.name),
  toQuery: ({ clusters }) => ({ clusters }),
});

/**
 * Allows clusters of the given roles only, such as staging and development.
 *
 * @public
 */
export const HAS_CLUSTER_ROLE = createPermissionRule({
  name: 'HAS_CLUSTER_ROLE',
  description:
    'Allow clusters of the given roles only (production, disaster-recovery, staging, test, development)',
  resourceRef: topologyClusterResourceRef,
  paramsSchema: z.object({
    roles: nameList.describe('Cluster roles'),
  }),
  apply: (resource, { roles }) => roles.includes(resource.role),
  toQuery: ({ roles }) => ({ roles }),
});

/**
 * Every rule of the topology cluster resource type.
 *
 * @public
 */
export const topologyClusterRules = [IS_CLUSTER, HAS_CLUSTER_ROLE];
