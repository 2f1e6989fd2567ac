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

/**
 * One object of a cluster, as `GET /object` names it. `namespace` is left out
 * for cluster-scoped kinds such as Node.
 *
 * @public
 */
export interface ClusterObjectQuery {
  cluster: string;
  /** Kubernetes kind, e.g. `Deployment`, `Pod`, `Service`, `Node`. */
  kind: string;
  namespace?: string;
  name: string;
}

/**
 * An event of an object or of what it owns, reduced for a compact list.
 *
 * @public
 */
export interface ClusterObjectEvent {
  /** `Normal` or `Warning`. */
  type?: string;
  reason?: string;
  message?: string;
  count: number;
  /** When it last happened; the event's `eventTime` or `firstTimestamp` when it has no `lastTimestamp`. */
  lastTimestamp?: string;
  /** The object the event is about: the requested one, or a ReplicaSet or pod it owns. */
  involvedObject: { kind: string; name: string };
}

/**
 * A stored Kubernetes object as the backend serves it: without managed
 * fields, Secret data or credential-like environment values.
 *
 * @public
 */
export interface ClusterObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/**
 * One object of a cluster with its recent events, newest first, and its YAML.
 *
 * @public
 */
export interface ClusterObjectDetails {
  object: ClusterObject;
  events: ClusterObjectEvent[];
  /** The workload that owns the object, when it is not the object itself. */
  owner?: { kind: string; name: string };
  yaml: string;
}
