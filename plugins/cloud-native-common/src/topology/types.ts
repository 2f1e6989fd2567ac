/**
 * Health of anything on the topology map, worst last.
 *
 * @public
 */
export type TopologyHealth =
  | 'healthy'
  | 'idle'
  | 'unknown'
  | 'degraded'
  | 'failing';

/**
 * What a node of the topology graph stands for.
 *
 * @public
 */
export type TopologyNodeKind =
  | 'group' // clusters of one role and region, at fleet level
  | 'cluster'
  | 'node'
  | 'namespace'
  | 'workload'
  | 'pod'
  | 'service'
  | 'volume' // a PersistentVolumeClaim, PersistentVolume or StorageClass (objectKind says which)
  | 'entity'; // a catalog entity, for the catalog layer

/**
 * Pods of a workload counted by health.
 *
 * @public
 */
export interface TopologyPodCounts {
  total: number;
  ready: number;
  restarting: number;
  crashLooping: number;
  pending: number;
  failed: number;
  restarts: number;
}

/**
 * How a workload node is delivered, for the map's badge: its Argo CD sync
 * and health, its canary weight and its newest pipeline run.
 *
 * @public
 */
export interface TopologyDelivery {
  /** `namespace/name` of the Argo CD Application managing the workload. */
  application?: string;
  syncStatus?: string;
  health?: string;
  /** Argo CD puts back changes made outside Git. */
  selfHeal?: boolean;
  rolloutPhase?: string;
  canaryWeight?: number;
  step?: number;
  totalSteps?: number;
  /** Status of the newest PipelineRun: Succeeded, Failed, Running… */
  pipelineStatus?: string;
}

/**
 * A node of the topology graph.
 *
 * @public
 */
export interface TopologyNode {
  /** Stable across requests, e.g. `workload:prod-east-a/trading/Deployment/trading-engine`. */
  id: string;
  kind: TopologyNodeKind;
  name: string;
  cluster?: string;
  namespace?: string;
  status: TopologyHealth;
  /** Id of the node it sits inside (cluster → namespace → workload → pod). */
  parent?: string;
  /** Kubernetes kind of the object drawn, e.g. Deployment, VirtualMachineInstance, PersistentVolumeClaim. */
  objectKind?: string;
  labels?: Record<string, string>;
  /** Pod roll-up of a workload, or of a cluster, node or namespace. */
  pods?: TopologyPodCounts;
  /** Number of child nodes left out because the node is collapsed. */
  collapsedChildren?: number;
  /** Catalog entity the object belongs to, when known. */
  entityRef?: string;
  /** Cluster role and region, for cluster and group nodes. */
  role?: string;
  region?: string;
  /** One line shown under the name, e.g. "6/6 ready" or the cluster error. */
  detail?: string;
  /** Argo CD, Argo Rollouts and Tekton state of a workload node. */
  delivery?: TopologyDelivery;
}

/**
 * What an edge of the topology graph stands for.
 *
 * @public
 */
export type TopologyEdgeKind =
  | 'selects' // Service → workload
  | 'routes' // VirtualService or Ingress → workload, with a weight
  | 'traffic' // measured mesh traffic
  | 'catalog' // dependsOn, consumesApi/providesApi between catalog entities
  | 'runs-on' // pod → node
  | 'mounts' // pod (or its workload, pods collapsed) → PersistentVolumeClaim
  | 'binds' // PersistentVolumeClaim → PersistentVolume
  | 'provisioned-by'; // PersistentVolume (or an unbound claim) → StorageClass

/**
 * Mesh traffic measured on an edge over the requested window.
 *
 * @public
 */
export interface TopologyTraffic {
  requestsPerSecond: number;
  errorPercent: number;
  p50Ms?: number;
  p99Ms?: number;
  /** Share of requests over mutual TLS, 0–100. */
  mtlsPercent?: number;
  tcpBytesPerSecond?: number;
}

/**
 * An edge of the topology graph.
 *
 * @public
 */
export interface TopologyEdge {
  id: string;
  source: string;
  target: string;
  kind: TopologyEdgeKind;
  /** Route weight in percent for `routes` edges. */
  weight?: number;
  traffic?: TopologyTraffic;
  /** The edge joins two clusters (active-active or disaster-recovery pairs). */
  crossCluster?: boolean;
  /** Catalog relation for `catalog` edges, e.g. dependsOn. */
  relation?: string;
}

/**
 * Levels the graph API serves.
 *
 * @public
 */
export type TopologyLevel = 'fleet' | 'cluster' | 'namespace' | 'entity';

/**
 * The answer of `GET /api/cluster-topology/graph`.
 *
 * @public
 */
export interface TopologyGraph {
  level: TopologyLevel;
  nodes: TopologyNode[];
  edges: TopologyEdge[];
  /** Clusters that could not answer fully; their part of the graph may be stale or missing. */
  errors: Array<{ cluster: string; error: string }>;
  /** Things the viewer should know, e.g. that traffic is unavailable. */
  notices: string[];
  generatedAt: string;
}
