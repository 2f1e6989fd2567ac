import { ScorePenalty, ScoredResource } from './score';
import { CheckCategory, Finding, Severity } from './types';

/**
 * Where an exception comes from: the `cloud-native-platform.io/posture-exceptions`
 * annotation of the catalog entity or of the workload, or the backend's
 * `securityPosture.exceptions` config.
 *
 * @public
 */
export type PostureExceptionSource = 'entity' | 'workload' | 'config';

/**
 * An accepted risk: findings of `checkId` on the resources it matches cost
 * nothing until `expires`; after that they count again and the expiry itself
 * is reported as a finding.
 *
 * @public
 */
export interface PostureException {
  checkId: string;
  reason: string;
  /** Entity reference of the person or team that accepted the risk. */
  owner: string;
  /** ISO date (`2027-03-31`) or date-time; the exception ends at its end. */
  expires: string;
  source: PostureExceptionSource;
  /** Limits the exception; an empty scope matches every resource it is given. */
  scope?: {
    cluster?: string;
    namespace?: string;
    kind?: string;
    name?: string;
  };
}

/**
 * A finding as the API returns it: with its check's category and title, and
 * the exception that accepts it, if any.
 *
 * @public
 */
export interface ReportFinding extends Finding {
  category: CheckCategory;
  title: string;
  /**
   * The standards the check maps to (see `standardsOf`), e.g.
   * `PSS restricted`, `CIS 5.2.5`, `Kubescape C-0013`; absent when none.
   */
  standards?: string[];
  excepted?: Omit<PostureException, 'scope'>;
}

/**
 * Findings counted by severity.
 *
 * @public
 */
export type SeverityCounts = Record<Severity, number>;

/**
 * Zero-trust coverage of a scope: of the `total` workloads that serve
 * traffic, the `covered` ones run a sidecar with STRICT mTLS and have an
 * AuthorizationPolicy. `ratio` is `covered / total`, null for no workload.
 *
 * @public
 */
export interface MeshCoverage {
  covered: number;
  total: number;
  ratio: number | null;
}

/**
 * What a report is about; exactly one of `entityRef`, `cluster` or `team`,
 * `namespace` only with `cluster`. An empty scope is the whole fleet.
 *
 * @public
 */
export interface ReportScope {
  entityRef?: string;
  cluster?: string;
  namespace?: string;
  team?: string;
}

/**
 * `GET /api/security-posture/report`: one score and one findings list.
 *
 * @public
 */
export interface PostureReport {
  scope: ReportScope;
  /** ISO date-time the report was computed at. */
  generatedAt: string;
  /** 0–100, see the security-posture-common README. */
  score: number;
  /** Findings that count, by severity; excepted ones are not in here. */
  counts: SeverityCounts;
  exceptedCount: number;
  /** Why the score is what it is, costliest check first. */
  penalties: ScorePenalty[];
  /** Worst first. Excepted findings are included, marked `excepted`. */
  findings: ReportFinding[];
  /** Every scored workload or other object, with its own score. */
  resources: Array<{ resource: ScoredResource; score: number }>;
  /** Workloads of the scope with STRICT mTLS and an AuthorizationPolicy. */
  meshCoverage: MeshCoverage;
  /** Per cluster covered; a cluster that could not be read has `error`. */
  clusters: Array<{
    cluster: string;
    score?: number;
    /** The cluster's part of the scope; absent when it could not be read. */
    meshCoverage?: MeshCoverage;
    error?: string;
  }>;
}

/**
 * `POST /api/security-posture/audit`: a report over the posted manifests.
 *
 * @public
 */
export interface AuditReport extends Omit<PostureReport, 'scope' | 'clusters'> {
  /** YAML or JSON documents read from the body. */
  documents: number;
}

/**
 * One row of a ranking on the overview page.
 *
 * @public
 */
export interface ScoredGroup {
  /** Cluster name, `cluster/namespace`, or a group entity reference. */
  name: string;
  /**
   * 0–100; absent for a cluster that could not be read, or that the caller
   * may not read, with `error` saying which.
   */
  score?: number;
  /** Resources scored in the group. */
  resources: number;
  counts: SeverityCounts;
  /** Set on clusters: their role (production, disaster-recovery…). */
  role?: string;
  /** Zero-trust coverage of the group's workloads; absent when it has none to read. */
  meshCoverage?: MeshCoverage;
  error?: string;
}

/**
 * `GET /api/security-posture/overview`: the fleet page.
 *
 * @public
 */
export interface PostureOverview {
  generatedAt: string;
  score: number;
  counts: SeverityCounts;
  exceptedCount: number;
  /** Zero-trust coverage of the permitted clusters' workloads. */
  meshCoverage: MeshCoverage;
  clusters: ScoredGroup[];
  /** Worst first. */
  namespaces: ScoredGroup[];
  /** Owners of catalog components mapped to workloads, worst first. */
  teams: ScoredGroup[];
  /**
   * Falco alerts within retention that name no configured cluster, so no
   * workload: falcosidekick needs `?cluster=` or a `cluster:` tag.
   */
  unattributedFalcoAlerts: number;
  /** The checks failing on the most resources, most first. */
  topChecks: Array<{
    checkId: string;
    title: string;
    severity: Severity;
    category: CheckCategory;
    /** Findings of the check that count (not excepted). */
    count: number;
  }>;
}

/**
 * One point of a trend: a stored snapshot.
 *
 * @public
 */
export interface TrendPoint {
  /** ISO date-time of the snapshot. */
  takenAt: string;
  score: number;
  counts: SeverityCounts;
}

/**
 * `GET /api/security-posture/history`: snapshots of one scope, oldest first.
 *
 * @public
 */
export interface PostureTrend {
  scope: ReportScope;
  points: TrendPoint[];
}
