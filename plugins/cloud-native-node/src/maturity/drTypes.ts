import { MaturityWorkload } from './types';

/**
 * A cluster as DR readiness sees it.
 *
 * @public
 */
export interface DrCluster {
  name: string;
  role?: string;
  /** Free CPU (millicores) on the cluster's Ready nodes; see freeCpuMillis. */
  freeCpuMillis?: number;
}

/**
 * A replication component of the entity's system (MirrorMaker, a
 * replicated database) and whether its workloads are healthy.
 *
 * @public
 */
export interface DrReplicationComponent {
  entityRef: string;
  healthy: boolean;
  /** Plain-language state, for example `2/2 ready in dr-west`. */
  detail: string;
}

/**
 * What {@link assessDrReadiness} is computed from.
 *
 * @public
 */
export interface DrReadinessInput {
  /** The entity's workloads in every cluster, with related objects (HPAs). */
  workloads: MaturityWorkload[];
  clusters: DrCluster[];
  /** The entity's `dr-cluster` annotation. */
  drCluster?: string;
  /** The entity's `rto` and `rpo` annotations, as written. */
  rto?: string;
  rpo?: string;
  replication: DrReplicationComponent[];
  /** Median time healing took to recover the entity, when measured. */
  measuredMttrMs?: number;
}

/**
 * One production workload and its counterpart in a DR cluster.
 *
 * @public
 */
export interface DrWorkloadReadiness {
  cluster: string;
  kind: string;
  namespace?: string;
  name: string;
  drCluster?: string;
  ready: boolean;
  findings: string[];
}

/**
 * A declared objective against what the platform measures.
 *
 * @public
 */
export interface DrObjective {
  declared?: string;
  measured?: string;
  /** True or false when both sides are known; undefined otherwise. */
  met?: boolean;
  note: string;
}

/**
 * DR readiness of one entity.
 *
 * @public
 */
export interface DrReadiness {
  status: 'ready' | 'at-risk' | 'not-ready' | 'not-applicable';
  workloads: DrWorkloadReadiness[];
  replication: DrReplicationComponent[];
  rto: DrObjective;
  rpo: DrObjective;
  /** Every problem, in plain language. */
  findings: string[];
}
