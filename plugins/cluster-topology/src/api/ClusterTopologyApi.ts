import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  ClusterObjectDetails,
  ClusterObjectQuery,
  ClustersResponse,
  EntityDeliveriesResponse,
  EntityWorkloadsResponse,
  PodLogLine,
  PodLogs,
  PodLogsQuery,
  PodLogStreamEndReason,
  TopologyGraphQuery,
  TopologyGraphResponse,
} from '@cloud-native-platform/plugin-cluster-topology-common';

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
  /** How the workloads of a catalog entity are delivered: Argo CD, Rollouts, Tekton. */
  getEntityDeliveries(entityRef: string): Promise<EntityDeliveriesResponse>;
  /** One object of a cluster with its recent events and its YAML. */
  getObject(query: ClusterObjectQuery): Promise<ClusterObjectDetails>;
  /** The log lines of a pod's container, oldest first. */
  getPodLogs(query: PodLogsQuery): Promise<PodLogs>;
  /**
   * Streams the new log lines of a pod's container to `onLine` until the
   * backend ends the stream or `signal` aborts; resolves with why the
   * backend ended it, or `closed` once aborted.
   */
  followPodLogs(
    query: PodLogsQuery,
    onLine: (line: PodLogLine) => void,
    signal?: AbortSignal,
  ): Promise<PodLogStreamEndReason>;
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
