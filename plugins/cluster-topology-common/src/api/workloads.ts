/**
 * Health of a workload of a catalog entity, from its pods.
 *
 * @public
 */
export type WorkloadHealth = 'healthy' | 'degraded' | 'failing' | 'idle';

/**
 * Pods of a workload counted by health.
 *
 * @public
 */
export interface WorkloadPodCounts {
  total: number;
  ready: number;
  restarting: number;
  crashLooping: number;
  pending: number;
  failed: number;
  /** Container restarts summed over the pods. */
  restarts: number;
}

/**
 * A workload of a catalog entity in one cluster, with its pod roll-up.
 *
 * @public
 */
export interface EntityWorkload {
  cluster: string;
  /** Kubernetes kind, e.g. Deployment, StatefulSet, CronJob, VirtualMachine. */
  kind: string;
  /** Absent for a cluster-scoped kind. */
  namespace?: string;
  name: string;
  health: WorkloadHealth;
  /** Desired replicas, for kinds that have them. */
  replicas?: number;
  /** Container images of the pod template. */
  images: string[];
  pods: WorkloadPodCounts;
}

/**
 * The query of `GET /api/cluster-topology/workloads`.
 *
 * @public
 */
export interface EntityWorkloadsQuery {
  /** Entity reference; a bare name reads as a component in the default namespace. */
  entityRef: string;
}

/**
 * The answer of `GET /api/cluster-topology/workloads`: the workloads of a
 * catalog entity across the fleet.
 *
 * @public
 */
export interface EntityWorkloadsResponse {
  /** The entity's full reference, e.g. `component:default/trading-engine`. */
  entityRef: string;
  /** Clusters searched. */
  clusters: string[];
  /** Clusters that could not answer, each with why; the others still do. */
  errors: Array<{ cluster: string; error: string }>;
  items: EntityWorkload[];
}
