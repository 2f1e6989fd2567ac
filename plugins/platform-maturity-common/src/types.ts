/**
 * The platform components whose integration the maturity score measures;
 * security is scored from the posture score instead.
 *
 * @public
 */
export type MaturityComponent = 'mesh' | 'monitoring' | 'scaling' | 'healing';

/**
 * How far a component runs without people, weakest first.
 *
 * @public
 */
export type AutomationLevel =
  | 'none'
  | 'manual'
  | 'dry-run'
  | 'approval'
  | 'enforced';

/**
 * Something missing from a component, and what to do about it.
 *
 * @public
 */
export interface MaturityFinding {
  component: MaturityComponent | 'security';
  message: string;
  /** What to do next, in a sentence. */
  next: string;
  /** Scaffolder template under `/create/templates/default/` that adds the missing piece. */
  template?: string;
}

/**
 * One term of the maturity score.
 *
 * @public
 */
export interface MaturityTerm {
  component: MaturityComponent | 'security';
  /**
   * `not-assessed`: the term could not be measured (the security posture
   * API refused or did not answer); it earns no points and its signals say why.
   */
  status: 'assessed' | 'not-deployed' | 'not-assessed';
  /** 0–1. */
  integration: number;
  automation: AutomationLevel;
  automationFactor: number;
  weight: number;
  /** weight × integration × automationFactor, rounded to one decimal. */
  points: number;
  /** What is in place, in short phrases. */
  signals: string[];
}

/**
 * The weights of the maturity score, served with every maturity answer so a
 * UI can show how the score is made.
 *
 * @public
 */
export interface MaturityFormula {
  text: string;
  componentWeights: Record<MaturityComponent, number>;
  /** Points the posture score can earn: posture × securityWeight / 100. */
  securityWeight: number;
  automationFactors: Record<AutomationLevel, number>;
  /** Shares of each component's integration; each component's sum to 1. */
  integrationShares: Record<MaturityComponent, Record<string, number>>;
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
   * The DR cluster has the CPU and memory to scale the copy up to the
   * required replicas. The needed amounts are 0 when no scale-up is needed;
   * a free amount is absent when the cluster's capacity is unknown, and that
   * resource then passes for want of evidence.
   */
  capacity: DrCheckResult & {
    neededCpuMillis: number;
    freeCpuMillis?: number;
    neededMemoryBytes: number;
    freeMemoryBytes?: number;
  };
  /** The DR copy's pods are healthy; `state` is its workload health. */
  health: DrCheckResult & { state: string };
  /**
   * Whether failing over means scaling the copy up first, and how long a
   * new pod takes to become ready (median from scheduling to Ready over the
   * copy's pods, else production's); slower than the declared RTO fails.
   */
  failover: DrCheckResult & { scaleUp: boolean; startupSeconds?: number };
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
  /** Absent when no copy runs in a DR cluster. */
  drCluster?: string;
  ready: boolean;
  /** Absent when no DR copy was found: there is nothing to check. */
  checks?: DrWorkloadChecks;
  findings: string[];
}

/**
 * Where a measured replication lag comes from: postgres_exporter's
 * `pg_replication_lag`, MirrorMaker 2's replication latency, or the
 * entity's `replication-lag-query` annotation.
 *
 * @public
 */
export type DrReplicationLagSource = 'postgres' | 'mirrormaker' | 'custom';

/**
 * The worst replication lag Prometheus recorded for an entity's workloads
 * over the last five minutes.
 *
 * @public
 */
export interface DrReplicationLag {
  /** Worst lag over the last five minutes, in seconds. */
  seconds: number;
  /** The exporter whose metric it is, or the entity's own query. */
  source: DrReplicationLagSource;
  /** The cluster whose replica lagged most. */
  cluster: string;
  /** The lagging replica as `namespace/pod` (or `namespace/service`), when the series names it. */
  replica?: string;
  /** When Prometheus evaluated the query (ISO 8601). */
  at: string;
}

/**
 * A declared recovery objective against what the platform measures.
 *
 * @public
 */
export interface DrObjective {
  declared?: string;
  /** The measured value as text, such as `16s` or `0.4s`. */
  measured?: string;
  /** RPO only: the measured replication lag behind {@link DrObjective.measured}. */
  lag?: DrReplicationLag;
  /**
   * RPO only: `met` or `breached` when a lag was measured against a
   * declared RPO, `not-measured` otherwise (the note says why).
   */
  status?: 'met' | 'breached' | 'not-measured';
  /** True or false when both sides are known; undefined otherwise. */
  met?: boolean;
  /**
   * RTO only: the slowest scale-up a failover needs, in seconds (pod
   * start-up of the copies that run too few replicas); absent when no copy
   * needs one or no start-up was measured.
   */
  failoverSeconds?: number;
  note: string;
}

/**
 * DR readiness status of an entity.
 *
 * @public
 */
export type DrStatus = 'ready' | 'at-risk' | 'not-ready' | 'not-applicable';

/**
 * DR readiness of one entity.
 *
 * @public
 */
export interface DrReadiness {
  status: DrStatus;
  workloads: DrWorkloadReadiness[];
  replication: DrReplicationComponent[];
  rto: DrObjective;
  rpo: DrObjective;
  /** Every problem, in plain language. */
  findings: string[];
}

/**
 * `GET /api/platform-maturity?entityRef=…`: an entity's score, its
 * terms and its DR readiness.
 *
 * @public
 */
export interface EntityMaturityResponse {
  entityRef: string;
  owner?: string;
  system?: string;
  /** 0–100. */
  score: number;
  /** False when no workload of the entity runs in any cluster. */
  deployed: boolean;
  terms: MaturityTerm[];
  findings: MaturityFinding[];
  dr: DrReadiness;
  formula: MaturityFormula;
}

/**
 * `GET /api/platform-maturity?team=…`: a team's mean score and its
 * components.
 *
 * @public
 */
export interface TeamMaturityResponse {
  /** The group entity reference. */
  team: string;
  score: number;
  entities: Array<{
    entityRef: string;
    system?: string;
    score: number;
    deployed: boolean;
    terms: MaturityTerm[];
    dr: DrStatus;
  }>;
  /** The findings of the team's components, each with the component it is about. */
  findings: Array<MaturityFinding & { entityRef: string }>;
  formula: MaturityFormula;
}

/**
 * What `GET /api/platform-maturity` scores: one entity or a team.
 *
 * @public
 */
export type MaturityQuery = { entityRef: string } | { team: string };

/**
 * A team, system or the fleet and the mean score of its components.
 *
 * @public
 */
export interface MaturityGroupScore {
  name: string;
  score: number;
  /** Components counted. */
  entities: number;
  /** Components with no workload in any cluster; they count as 0. */
  notDeployed: number;
}

/**
 * `GET /api/platform-maturity/leaderboard`: the fleet, its teams and
 * systems, and every component, best first.
 *
 * @public
 */
export interface MaturityLeaderboard {
  /** ISO date-time the answer was computed at. */
  generatedAt: string;
  fleet: MaturityGroupScore;
  teams: MaturityGroupScore[];
  systems: MaturityGroupScore[];
  entities: Array<{
    entityRef: string;
    owner?: string;
    system?: string;
    score: number;
    deployed: boolean;
    dr: DrStatus;
  }>;
  formula: MaturityFormula;
}
