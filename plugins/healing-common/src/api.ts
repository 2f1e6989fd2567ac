/**
 * How a policy treats the alerts it matches. `dry-run` is the default of every
 * new policy: the attempt is planned and recorded, nothing is applied.
 *
 * @public
 */
export type HealingMode = 'observe' | 'dry-run' | 'approval' | 'enforce';

/**
 * What the engine can do to a workload.
 *
 * @public
 */
export type HealingActionType =
  | 'restart'
  | 'scale'
  | 'traffic-shift'
  | 'rollback'
  | 'evict'
  | 'rollout-abort'
  | 'rollout-undo';

/**
 * `remediation`: an attempt of the engine on an alert; `platform`: healing
 * Kubernetes did by itself (restart, reschedule, rescale…), read from the
 * clusters' state and events.
 *
 * @public
 */
export type HealingAttemptKind = 'remediation' | 'platform';

/**
 * Where an attempt is in its life.
 *
 * - `unmatched`: the alert names no known cluster or workload, or no policy matches;
 * - `observed`: an `observe` policy matched: detection and root cause only;
 * - `planned`: a `dry-run` policy planned a change and did not apply it;
 * - `pending-approval` → `approved` | `rejected`, or `expired` when nobody
 *   decided within `healing.approvals.ttl`;
 * - `refused`: a safety rail stopped it, the cluster was not in sync, or an
 *   earlier run or another instance had already acted (the reason says which);
 * - `applied` → `succeeded` | `failed` | `inconclusive` after verification;
 * - `healed`: for platform attempts, what Kubernetes did.
 *
 * @public
 */
export type HealingAttemptStatus =
  | 'unmatched'
  | 'observed'
  | 'planned'
  | 'pending-approval'
  | 'approved'
  | 'rejected'
  | 'expired'
  | 'refused'
  | 'applied'
  | 'succeeded'
  | 'failed'
  | 'inconclusive'
  | 'healed';

/**
 * The workload an attempt is about.
 *
 * @public
 */
export interface HealingTarget {
  cluster: string;
  namespace?: string;
  /** Workload kind, e.g. Deployment, or Node for node-level healing. */
  kind: string;
  name: string;
  /** The catalog entity the workload belongs to, where known. */
  entityRef?: string;
}

/**
 * The alert that started an attempt, as Alertmanager sent it.
 *
 * @public
 */
export interface HealingAlert {
  fingerprint: string;
  name: string;
  status: 'firing' | 'resolved';
  /** ISO date-time. */
  startsAt: string;
  endsAt?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/**
 * One step of the pipeline as recorded on the attempt.
 *
 * @public
 */
export interface HealingStep {
  name:
    | 'features'
    | 'detection'
    | 'root-cause'
    | 'action-choice'
    | 'decision'
    | 'approval'
    | 'action'
    | 'verification';
  /** ISO date-time. */
  at: string;
  status: 'ok' | 'skipped' | 'failed';
  summary: string;
  /** Step-specific figures: feature values, scores, ranking… */
  data?: unknown;
}

/**
 * A service the root-cause step ranked, with why.
 *
 * @public
 */
export interface RootCauseRank {
  service: string;
  score: number;
  evidence: string[];
}

/**
 * The change an action plans or applied, as before/after YAML for a diff.
 *
 * @public
 */
export interface HealingChange {
  description: string;
  /** Kubernetes object or patch target, e.g. `Deployment trading/risk-service`. */
  object: string;
  before?: string;
  after?: string;
}

/**
 * One action a policy allows, as the action choice weighed it: its
 * verified outcomes on such alerts and workloads, and the draw it got.
 *
 * @public
 */
export interface HealingActionCandidate {
  action: HealingActionType;
  /** Verified attempts of this action on the same alert and workload kind that healed. */
  successes: number;
  /** …that did not heal. */
  failures: number;
  /** …whose outcome the verifier could not tell; they count neither way. */
  inconclusive: number;
  /** Pseudo-successes the policy's order gives it before any evidence. */
  prior: number;
  /** The Thompson sample drawn from its Beta posterior, 0–1. */
  sample: number;
  /** Why its plan or a safety rail refused it, when it was passed over. */
  refused?: string;
}

/**
 * How the action of an attempt was chosen among those its policy allows:
 * Thompson sampling over verified outcomes per alert, workload kind and
 * action, with the policy's order as prior.
 *
 * @public
 */
export interface HealingActionChoice {
  /** The action taken (or planned); absent when every candidate was refused. */
  chosen?: HealingActionType;
  /** The context the outcomes were counted in. */
  alertName: string;
  workloadKind: string;
  /** Highest sample first. */
  candidates: HealingActionCandidate[];
  /** E.g. `restart healed 9 of 10 such alerts on Deployments; scale 1 of 3`. */
  summary: string;
}

/**
 * One attempt: what was seen, decided, done, and with what outcome.
 *
 * @public
 */
export interface HealingAttempt {
  id: string;
  kind: HealingAttemptKind;
  cluster: string;
  target: HealingTarget;
  alert?: HealingAlert;
  action?: HealingActionType;
  mode: HealingMode;
  status: HealingAttemptStatus;
  /** Name of the policy that decided. */
  policy?: string;
  /** Calibrated probability that the anomaly is real, 0–1. */
  confidence?: number;
  /** Why the attempt ended where it did, e.g. the safety rail that refused. */
  reason?: string;
  createdAt: string;
  updatedAt: string;
  /** When the problem was over: alert resolved or health recovered. */
  resolvedAt?: string;
  /** Seconds from the alert's start (or the event) to `resolvedAt`. */
  mttrSeconds?: number;
  steps: HealingStep[];
  rootCause?: RootCauseRank[];
  /** How the action was chosen, for a policy that allows several. */
  actionChoice?: HealingActionChoice;
  change?: HealingChange;
  /** Who approved or rejected, for approval mode. */
  decidedBy?: string;
}

/**
 * `GET /api/healing/attempts`: newest first.
 *
 * @public
 */
export interface HealingAttemptList {
  items: HealingAttempt[];
  total: number;
}

/**
 * One bucket of the history charts.
 *
 * @public
 */
export interface HealingStatsBucket {
  /** ISO date of the bucket's start (UTC day). */
  bucket: string;
  attempts: number;
  succeeded: number;
  failed: number;
  inconclusive: number;
  /** Mean and median MTTR of the resolved attempts of the bucket. */
  meanMttrSeconds?: number;
  medianMttrSeconds?: number;
}

/**
 * `GET /api/healing/stats`: MTTR and success rate over time.
 *
 * @public
 */
export interface HealingStats {
  buckets: HealingStatsBucket[];
  /** Over the whole range. */
  successRate?: number;
  medianMttrSeconds?: number;
}

/**
 * `GET /api/healing/status`: whether the engine may act at all.
 *
 * @public
 */
export interface HealingEngineStatus {
  /** True when the kill switch (config or UI) stops every action. */
  killSwitch: boolean;
  /** Where the kill switch was set: `config` or the user who set it. */
  killSwitchBy?: string;
  policies: Array<{
    name: string;
    mode: HealingMode;
    /** The first of the policy's actions. */
    action: HealingActionType;
    /** Every action the policy allows, in its order. */
    actions?: HealingActionType[];
  }>;
  pendingApprovals: number;
}
