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
 * The outcome of one check of a DR copy. `findings` are the sentences of
 * {@link DrWorkloadReadiness.findings} this check produced, so a UI can show
 * them next to the check without matching their wording.
 *
 * @public
 */
export interface DrCheckResult {
  ok: boolean;
  findings: string[];
}

/**
 * The checks of a DR copy against its production workload, as data.
 *
 * @public
 */
export interface DrWorkloadChecks {
  /** Same image (and digest, where both pods report one) per container. */
  image: DrCheckResult & {
    /** container name → image, as the pod templates declare them. */
    production: Record<string, string>;
    dr: Record<string, string>;
  };
  /** The DR copy runs at least the replicas production needs. */
  replicas: DrCheckResult & { required: number; actual: number };
  /**
   * The DR cluster has the CPU to scale the copy up to the required
   * replicas. `neededCpuMillis` is 0 when no scale-up is needed;
   * `freeCpuMillis` is absent when the cluster's capacity is unknown, and
   * the check then passes for want of evidence.
   */
  capacity: DrCheckResult & { neededCpuMillis: number; freeCpuMillis?: number };
  /** The DR copy's pods are healthy; `state` is its workload health. */
  health: DrCheckResult & { state: string };
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
  /** Absent when no DR copy was found: there is nothing to check. */
  checks?: DrWorkloadChecks;
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
