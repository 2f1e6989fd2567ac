/**
 * How Argo CD deploys a workload (`GET /api/cluster-topology/deliveries`).
 *
 * @public
 */
export interface ArgoCdDeliveryState {
  /** `namespace/name` of the Application. */
  application: string;
  /** Synced, OutOfSync or Unknown. */
  syncStatus: string;
  /** Healthy, Progressing, Degraded, Suspended, Missing or Unknown. */
  health: string;
  /** The Git revision last synced. */
  revision?: string;
  /** When the last sync finished. */
  lastSyncAt?: string;
  /** Argo CD syncs on its own. */
  automated: boolean;
  /** Argo CD puts back changes made outside Git: a patch would be reverted. */
  selfHeal: boolean;
}

/**
 * Where an Argo Rollouts Rollout is in its progressive delivery.
 *
 * @public
 */
export interface RolloutDeliveryState {
  strategy: 'canary' | 'blueGreen' | 'unknown';
  /** Index of the canary step under way; equal to totalSteps once promoted. */
  step?: number;
  totalSteps?: number;
  /** Percent of traffic on the canary. */
  canaryWeight?: number;
  /** Status of the analysis run under way: Running, Successful, Failed… */
  analysis?: string;
  /** Healthy, Progressing, Paused or Degraded. */
  phase?: string;
}

/**
 * One Tekton PipelineRun of a workload.
 *
 * @public
 */
export interface PipelineRunState {
  name: string;
  pipeline?: string;
  /** Succeeded, Failed, Cancelled, Running or Pending. */
  status: string;
  startedAt?: string;
  /** From start to completion, or to now while the run goes on. */
  durationSeconds?: number;
}

/**
 * The delivery of one workload of a catalog entity.
 *
 * @public
 */
export interface WorkloadDeliveryItem {
  cluster: string;
  workload: { kind: string; namespace?: string; name: string };
  argocd?: ArgoCdDeliveryState;
  rollout?: RolloutDeliveryState;
  /** Newest first. */
  pipelineRuns: PipelineRunState[];
}

/**
 * The query of `GET /api/cluster-topology/deliveries`.
 *
 * @public
 */
export interface EntityDeliveriesQuery {
  /** Entity reference; a bare name reads as a component in the default namespace. */
  entityRef: string;
}

/**
 * The answer of `GET /api/cluster-topology/deliveries`: how each workload
 * of a catalog entity is delivered (Argo CD, Argo Rollouts, Tekton).
 *
 * @public
 */
export interface EntityDeliveriesResponse {
  items: WorkloadDeliveryItem[];
  /** Clusters that could not answer or whose objects the caller may not read. */
  errors: Array<{ cluster: string; error: string }>;
}
