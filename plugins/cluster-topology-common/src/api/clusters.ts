import type { ClusterRole } from '@cloud-native-platform/plugin-cloud-native-common';

/**
 * How far a cluster's cache is from the cluster: still loading, in step, or
 * serving what it last had while some of it cannot be read.
 *
 * @public
 */
export type ClusterSyncStatus = 'syncing' | 'ready' | 'degraded';

/**
 * Sync state of one kind of object in one cluster. `absent` means the
 * cluster does not serve this optional kind (its CRD is not installed).
 *
 * @public
 */
export interface ClusterKindStatus {
  kind: string;
  state: 'syncing' | 'ready' | 'absent' | 'error';
  count: number;
  error?: string;
}

/**
 * Outcome of the last query to a cluster's Prometheus.
 *
 * @public
 */
export interface ClusterPrometheusStatus {
  url: string;
  state: 'unknown' | 'ok' | 'error';
  error?: string;
  /** When a query last succeeded, ISO 8601. */
  lastSuccessAt?: string;
}

/**
 * Health of one Rook `CephCluster`, as Ceph reports it.
 *
 * @public
 */
export interface ClusterCephHealth {
  name: string;
  /** `HEALTH_OK`, `HEALTH_WARN`, `HEALTH_ERR`, or `HEALTH_UNKNOWN` before Rook has reported. */
  health: 'HEALTH_OK' | 'HEALTH_WARN' | 'HEALTH_ERR' | string;
  /** What is wrong, from Ceph's failing health checks or Rook's status message. */
  message?: string;
}

/**
 * Mirroring of one Rook `CephBlockPool` to its peer cluster.
 *
 * @public
 */
export interface ClusterCephBlockPool {
  name: string;
  mirroring: {
    enabled: boolean;
    /** `image` or `pool`. */
    mode?: string;
    /** Pool mirroring health reported by rbd-mirror: `OK`, `WARNING` or `ERROR`. */
    health?: string;
    /** Health of the rbd-mirror daemons. */
    daemonHealth?: string;
  };
}

/**
 * Storage of a cluster: PersistentVolumeClaims by phase and, where Rook runs,
 * Ceph health and block-pool mirroring.
 *
 * @public
 */
export interface ClusterStorageSummary {
  /** Present when the cluster has Rook `CephCluster` or `CephBlockPool` objects. */
  ceph?: {
    clusters: ClusterCephHealth[];
    blockPools: ClusterCephBlockPool[];
  };
  claims: { bound: number; pending: number; lost: number };
}

/**
 * A cluster of the fleet with its sync status and object counts, one item
 * of `GET /clusters`.
 *
 * @public
 */
export interface ClusterSummary {
  name: string;
  role: ClusterRole;
  region?: string;
  labels: Record<string, string>;
  /** Where the cluster's objects come from: `manifests`, `kubernetes` or a module's source type. */
  source: string;
  status: ClusterSyncStatus;
  /** Why the cluster is degraded, in one paragraph. */
  error?: string;
  /** When every kind last finished syncing, ISO 8601. */
  lastSyncAt?: string;
  counts: {
    nodes: number;
    namespaces: number;
    /** Top-level workloads: a Job of a CronJob counts as part of its CronJob. */
    workloads: number;
    pods: number;
  };
  kinds: ClusterKindStatus[];
  /** Problems that do not stop the rest from loading, such as a bad manifest file. */
  problems: string[];
  /** Present when the cluster has `prometheus.url` configured. */
  prometheus?: ClusterPrometheusStatus;
  /** Present when the cluster has PersistentVolumeClaims or Rook-Ceph objects. */
  storage?: ClusterStorageSummary;
}

/**
 * The answer of `GET /api/cluster-topology/clusters`.
 *
 * @public
 */
export interface ClustersResponse {
  items: ClusterSummary[];
}
