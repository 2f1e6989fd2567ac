import { createApiRef } from '@backstage/frontend-plugin-api';
import type { TopologyGraph } from '@cloud-native-platform/plugin-cloud-native-common';
import type {
  ClusterSummary,
  EntityWorkloadsResponse,
  TopologyGraphQuery,
} from './types';

/**
 * Reads the fleet, its graph and the workloads of catalog entities from the
 * cluster-topology backend.
 *
 * @public
 */
export interface ClusterTopologyApi {
  /** Every cluster of the fleet with its sync status. */
  getClusters(): Promise<{ items: ClusterSummary[] }>;
  /** The topology graph of the fleet, a cluster, a namespace or an entity. */
  getGraph(query?: TopologyGraphQuery): Promise<TopologyGraph>;
  /** The workloads of a catalog entity across the fleet. */
  getEntityWorkloads(entityRef: string): Promise<EntityWorkloadsResponse>;
}

/**
 * Utility API reference of {@link ClusterTopologyApi}.
 *
 * @public
 */
export const clusterTopologyApiRef = createApiRef<ClusterTopologyApi>().with({
  id: 'plugin.cluster-topology.service',
  pluginId: 'cluster-topology',
});
