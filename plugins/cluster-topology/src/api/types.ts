/**
 * Sync state of a cluster as reported by the backend.
 *
 * @public
 */
export type ClusterSyncStatus = 'syncing' | 'ready' | 'degraded';

/**
 * A cluster of the fleet with its sync status and object counts.
 *
 * @public
 */
export interface ClusterSummary {
  name: string;
  role: string;
  region: string;
  labels: Record<string, string>;
  source: string;
  status: ClusterSyncStatus;
  error?: string;
  lastSyncAt?: string;
  counts: {
    nodes: number;
    namespaces: number;
    workloads: number;
    pods: number;
  };
  kinds: Array<{ kind: string; state: string; count: number; error?: string }>;
  problems: string[];
  prometheus?: { url: string; state: string; error?: string };
}

/**
 * Health of a workload of a catalog entity.
 *
 * @public
 */
export type WorkloadHealth = 'healthy' | 'degraded' | 'failing' | 'idle';

/**
 * A workload of a catalog entity in one cluster, with its pod roll-up.
 *
 * @public
 */
export interface EntityWorkload {
  cluster: string;
  kind: string;
  namespace: string;
  name: string;
  health: WorkloadHealth;
  replicas?: number;
  images: string[];
  pods: {
    total: number;
    ready: number;
    restarting: number;
    crashLooping: number;
    pending: number;
    failed: number;
    restarts: number;
  };
}

/**
 * The workloads of a catalog entity across the fleet.
 *
 * @public
 */
export interface EntityWorkloadsResponse {
  entityRef: string;
  clusters: string[];
  errors: Array<{ cluster: string; error: string }>;
  items: EntityWorkload[];
}

/**
 * Graph layers the backend can add on top of the static objects.
 *
 * @public
 */
export type TopologyLayer = 'static' | 'traffic' | 'catalog';

/**
 * What part of the fleet to draw. Without `entityRef` or `cluster` the whole
 * fleet is drawn.
 *
 * @public
 */
export interface TopologyGraphQuery {
  entityRef?: string;
  cluster?: string;
  namespace?: string;
  /** Ids of workload nodes whose pods to include. */
  expand?: string[];
  layers?: TopologyLayer[];
  /** Traffic window, e.g. `5m`. */
  window?: string;
}
