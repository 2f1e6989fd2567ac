/**
 * A term of the maturity score: the four platform components, or security.
 *
 * @public
 */
export type MaturityComponent =
  | 'mesh'
  | 'monitoring'
  | 'scaling'
  | 'healing'
  | 'security';

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
 * One term of the maturity score.
 *
 * @public
 */
export interface MaturityTerm {
  component: MaturityComponent;
  status: 'assessed' | 'not-deployed';
  /** 0–1. */
  integration: number;
  automation: AutomationLevel;
  automationFactor: number;
  weight: number;
  /** weight × integration × automationFactor. */
  points: number;
  signals: string[];
}

/**
 * Something missing from a component, and what to do next.
 *
 * @public
 */
export interface MaturityFinding {
  component: MaturityComponent;
  message: string;
  next: string;
  /** Scaffolder template under `/create/templates/default/` that adds the piece. */
  template?: string;
  /** Set on the findings of a team answer. */
  entityRef?: string;
}

/**
 * The weights of the maturity score, as the backend serves them.
 *
 * @public
 */
export interface MaturityFormula {
  text: string;
  componentWeights: Record<string, number>;
  securityWeight: number;
  automationFactors: Record<string, number>;
  integrationShares: Record<string, Record<string, number>>;
}

/**
 * A replication component of the entity's system and its health.
 *
 * @public
 */
export interface DrReplicationComponent {
  entityRef: string;
  healthy: boolean;
  detail: string;
}

/**
 * One check of a DR copy; `findings` are the sentences it produced.
 *
 * @public
 */
export interface DrCheckResult {
  ok: boolean;
  findings: string[];
}

/**
 * The checks of a DR copy against its production workload.
 *
 * @public
 */
export interface DrWorkloadChecks {
  image: DrCheckResult & {
    production: Record<string, string>;
    dr: Record<string, string>;
  };
  replicas: DrCheckResult & { required: number; actual: number };
  capacity: DrCheckResult & { neededCpuMillis: number; freeCpuMillis?: number };
  health: DrCheckResult & { state: string };
}

/**
 * A production workload and its counterpart in the DR cluster.
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
  /** Absent when no copy runs in a DR cluster. */
  checks?: DrWorkloadChecks;
  findings: string[];
}

/**
 * A declared recovery objective against what the platform measures.
 *
 * @public
 */
export interface DrObjective {
  declared?: string;
  measured?: string;
  met?: boolean;
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
  findings: string[];
}

/**
 * `GET /maturity?entityRef=…`: an entity's score, its terms and DR readiness.
 *
 * @public
 */
export interface EntityMaturityResponse {
  entityRef: string;
  owner?: string;
  system?: string;
  /** 0–100. */
  score: number;
  deployed: boolean;
  terms: MaturityTerm[];
  findings: MaturityFinding[];
  dr: DrReadiness;
  formula?: MaturityFormula;
}

/**
 * `GET /maturity?team=…`: a team's mean score and its components.
 *
 * @public
 */
export interface TeamMaturityResponse {
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
  findings: MaturityFinding[];
  formula?: MaturityFormula;
}

/**
 * What `ClusterTopologyApi.getMaturity` scores: one entity or a team.
 *
 * @public
 */
export type MaturityQuery = { entityRef: string } | { team: string };

/**
 * A team, system or the fleet with the mean score of its components.
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
 * `GET /maturity/leaderboard`.
 *
 * @public
 */
export interface MaturityLeaderboard {
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
  formula?: MaturityFormula;
}
