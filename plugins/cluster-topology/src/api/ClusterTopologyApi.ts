import { createApiRef } from '@backstage/frontend-plugin-api';
import type { MaturityHistory } from '@cloud-native-platform/plugin-cloud-native-common';
import type {
  ClusterObjectDetails,
  ClusterObjectQuery,
  ClustersResponse,
  EntityWorkloadsResponse,
  TopologyGraphQuery,
  TopologyGraphResponse,
} from '@cloud-native-platform/plugin-cluster-topology-common';
import type {
  EntityMaturityResponse,
  MaturityLeaderboard,
  TeamMaturityResponse,
} from './maturityTypes';

/**
 * Reads the fleet, its graph, the workloads of catalog entities and single
 * objects from the cluster-topology backend.
 *
 * @public
 */
export interface ClusterTopologyApi {
  /** Every cluster of the fleet with its sync status. */
  getClusters(): Promise<ClustersResponse>;
  /** The topology graph of the fleet, a cluster, a namespace or an entity. */
  getGraph(query?: TopologyGraphQuery): Promise<TopologyGraphResponse>;
  /** The workloads of a catalog entity across the fleet. */
  getEntityWorkloads(entityRef: string): Promise<EntityWorkloadsResponse>;
  /** One object of a cluster with its recent events and its YAML. */
  getObject(query: ClusterObjectQuery): Promise<ClusterObjectDetails>;
  /** The maturity score and DR readiness of an entity. */
  getMaturity(query: { entityRef: string }): Promise<EntityMaturityResponse>;
  /** The maturity score of a team and its components. */
  getMaturity(query: { team: string }): Promise<TeamMaturityResponse>;
  /** Teams, systems and components ranked by maturity score. */
  getMaturityLeaderboard(): Promise<MaturityLeaderboard>;
  /**
   * The hourly maturity snapshots of a component, a team (group reference)
   * or a system, or of the fleet without a query; oldest first, over the
   * last `days` (30 unless given).
   */
  getMaturityHistory(
    query?: { entityRef: string } | { team: string } | { system: string },
    options?: { days?: number },
  ): Promise<MaturityHistory>;
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
