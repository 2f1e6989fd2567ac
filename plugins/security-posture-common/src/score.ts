import { Finding, FindingResource, SEVERITIES, Severity } from './types';

// Map keys built by concatenation rather than JSON.stringify: scoring makes
// one per finding, which at 100,000 findings was a tenth of an audit. No
// Kubernetes name, kind or check id contains these characters.
const KEY_SEPARATOR = '\u0000';
const NO_VALUE = '\u0001';

/**
 * Points the first finding of each severity takes off the score of 100.
 *
 * A single critical finding costs 25, so any critical caps a score at 75;
 * `info` findings are shown but never cost anything.
 *
 * @public
 */
export const SEVERITY_PENALTIES: Readonly<Record<Severity, number>> = {
  critical: 25,
  high: 10,
  medium: 4,
  low: 1,
  info: 0,
};

/**
 * Factor each further finding of the same check, severity and resource kind
 * is multiplied by: the n-th repeat costs `penalty * REPEAT_DECAY ** (n - 1)`,
 * so all the repeats of one check together never cost more than twice its
 * first finding.
 *
 * @public
 */
export const REPEAT_DECAY = 0.5;

/**
 * A finding as scoring takes it: `excepted` findings (covered by a posture
 * exception) cost nothing but are still listed in the explanation.
 *
 * @public
 */
export type ScoredFinding = Finding & {
  /** True when a posture exception accepts this finding. */
  excepted?: boolean;
};

/**
 * What one check costs a score: its findings counted, and the points they
 * take off together (rounded to two decimals for display).
 *
 * @public
 */
export interface ScorePenalty {
  checkId: string;
  severity: Severity;
  count: number;
  penalty: number;
}

/**
 * Findings of one check that an exception accepted, so they cost nothing.
 *
 * @public
 */
export interface ExceptedFindings {
  checkId: string;
  severity: Severity;
  count: number;
}

/**
 * A score with the reasons for it: the "why this score" of the UI.
 *
 * @public
 */
export interface ScoreExplanation {
  /** Integer from 0 (worst) to 100 (nothing found). */
  score: number;
  /** Costliest first. Lines with a 0 penalty (`info`) are included. */
  penalties: ScorePenalty[];
  /** Findings that did not count because an exception accepts them. */
  excepted: ExceptedFindings[];
}

/**
 * A scored resource: a workload or other object, never a single container.
 *
 * @public
 */
export type ScoredResource = Omit<FindingResource, 'container'>;

/**
 * The score of one resource with its explanation.
 *
 * @public
 */
export interface ResourceScore extends ScoreExplanation {
  resource: ScoredResource;
}

/**
 * A score with how much it counts when rolled up with others, e.g. the
 * number of workloads it covers.
 *
 * @public
 */
export interface WeightedScore {
  score: number;
  weight: number;
}

/**
 * The score of a group of resources (namespace, cluster, entity, team…).
 * `weight` is the number of resources in the group.
 *
 * @public
 */
export interface GroupScore extends WeightedScore {
  group: string;
}

/**
 * The score of one namespace; `weight` is the number of its scored resources.
 *
 * @public
 */
export interface NamespaceScore extends WeightedScore {
  cluster?: string;
  namespace: string;
}

/**
 * The score of one cluster; `weight` is the number of its scored resources,
 * cluster-scoped ones (ClusterRoles, bindings) included.
 *
 * @public
 */
export interface ClusterScore extends WeightedScore {
  cluster?: string;
}

const SEVERITY_ORDER = new Map(SEVERITIES.map((s, index) => [s, index]));

function compareText(a: string | undefined, b: string | undefined): number {
  const left = a ?? '';
  const right = b ?? '';
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}

function roundPenalty(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Sum of the geometric series the repeats of one check cost. */
function repeatedPenalty(severity: Severity, count: number): number {
  const first = SEVERITY_PENALTIES[severity] ?? 0;
  return (first * (1 - REPEAT_DECAY ** count)) / (1 - REPEAT_DECAY);
}

/**
 * Explains the score of a set of findings: the findings of one resource, or
 * of any group (namespace, entity, team).
 *
 * Formula: `score = round(max(0, 100 - Σ penalty))`, where each group of `n`
 * counted findings with the same check, severity and resource kind costs
 * `w · (1 - 0.5^n) / (1 - 0.5)` (first finding `w`, each repeat half the
 * previous) with `w` from {@link SEVERITY_PENALTIES}. Excepted findings are
 * listed apart and cost nothing.
 *
 * No findings give 100; any counted critical gives at most 75; adding a
 * finding never raises the score; the order of the findings does not matter.
 *
 * @public
 */
export function explainScore(
  findings: readonly ScoredFinding[],
): ScoreExplanation {
  // Repeats decay per resource kind so that, at group level, one check firing
  // on every Deployment counts as one problem, while the same check on a
  // different kind (a Pod vs a CronJob) is a separate fix and counts again.
  const repeats = new Map<
    string,
    { checkId: string; severity: Severity; count: number }
  >();
  const exceptedCounts = new Map<string, ExceptedFindings>();
  for (const finding of findings) {
    const line = finding.checkId + KEY_SEPARATOR + finding.severity;
    if (finding.excepted) {
      const entry = exceptedCounts.get(line) ?? {
        checkId: finding.checkId,
        severity: finding.severity,
        count: 0,
      };
      entry.count += 1;
      exceptedCounts.set(line, entry);
      continue;
    }
    const key = line + KEY_SEPARATOR + finding.resource.kind;
    const entry = repeats.get(key) ?? {
      checkId: finding.checkId,
      severity: finding.severity,
      count: 0,
    };
    entry.count += 1;
    repeats.set(key, entry);
  }

  const lines = new Map<string, ScorePenalty>();
  let total = 0;
  // Summed in key order so that the floating-point total cannot depend on the
  // order the findings came in.
  for (const key of [...repeats.keys()].sort()) {
    const { checkId, severity, count } = repeats.get(key)!;
    const penalty = repeatedPenalty(severity, count);
    total += penalty;
    const line = checkId + KEY_SEPARATOR + severity;
    const entry = lines.get(line) ?? {
      checkId,
      severity,
      count: 0,
      penalty: 0,
    };
    entry.count += count;
    entry.penalty += penalty;
    lines.set(line, entry);
  }

  const bySeverityThenCheck = (
    a: { checkId: string; severity: Severity },
    b: { checkId: string; severity: Severity },
  ) =>
    SEVERITY_ORDER.get(a.severity)! - SEVERITY_ORDER.get(b.severity)! ||
    compareText(a.checkId, b.checkId);

  return {
    score: Math.round(Math.max(0, 100 - total)),
    penalties: [...lines.values()]
      .map(line => ({ ...line, penalty: roundPenalty(line.penalty) }))
      .sort((a, b) => b.penalty - a.penalty || bySeverityThenCheck(a, b)),
    excepted: [...exceptedCounts.values()].sort(bySeverityThenCheck),
  };
}

/**
 * The 0–100 score of a set of findings; see {@link explainScore} for the
 * formula.
 *
 * @public
 */
export function scoreFindings(findings: readonly ScoredFinding[]): number {
  return explainScore(findings).score;
}

function resourceKey(resource: FindingResource): string {
  return (
    (resource.cluster ?? NO_VALUE) +
    KEY_SEPARATOR +
    resource.kind +
    KEY_SEPARATOR +
    (resource.namespace ?? NO_VALUE) +
    KEY_SEPARATOR +
    resource.name
  );
}

function withoutContainer(resource: FindingResource): ScoredResource {
  return {
    ...(resource.cluster !== undefined && { cluster: resource.cluster }),
    kind: resource.kind,
    ...(resource.namespace !== undefined && { namespace: resource.namespace }),
    name: resource.name,
  };
}

/**
 * Scores every resource that was checked, one score per workload or object.
 *
 * Pass every resource the checks ran on, not only those with findings: a
 * resource without findings scores 100 and has to pull its group's score up.
 * Container findings count for their workload. A finding whose resource is
 * not in `resources` still gets its resource scored, so that nothing found is
 * dropped. Resources match on cluster, kind, namespace and name exactly.
 * The result is sorted by cluster, namespace, kind and name.
 *
 * @public
 */
export function scoreResources(
  findings: readonly ScoredFinding[],
  resources: readonly FindingResource[],
): ResourceScore[] {
  const byResource = new Map<
    string,
    { resource: ScoredResource; findings: ScoredFinding[] }
  >();
  const entryFor = (resource: FindingResource) => {
    const key = resourceKey(resource);
    let entry = byResource.get(key);
    if (!entry) {
      entry = { resource: withoutContainer(resource), findings: [] };
      byResource.set(key, entry);
    }
    return entry;
  };
  for (const resource of resources) {
    entryFor(resource);
  }
  for (const finding of findings) {
    entryFor(finding.resource).findings.push(finding);
  }
  return [...byResource.values()]
    .map(({ resource, findings: own }) => ({
      resource,
      ...explainScore(own),
    }))
    .sort(
      (a, b) =>
        compareText(a.resource.cluster, b.resource.cluster) ||
        compareText(a.resource.namespace, b.resource.namespace) ||
        compareText(a.resource.kind, b.resource.kind) ||
        compareText(a.resource.name, b.resource.name),
    );
}

/**
 * Combines scores into one: their mean weighted by `weight`, rounded, with
 * the weights summed so that the result can be rolled up again (namespaces
 * into a cluster, clusters into a fleet).
 *
 * Scores with a weight of 0 or less (an empty namespace) do not count; with
 * nothing left the result is 100, weight 0, as nothing was found.
 *
 * @public
 */
export function rollUp(scores: readonly WeightedScore[]): WeightedScore {
  let weight = 0;
  let sum = 0;
  for (const entry of scores) {
    if (entry.weight > 0 && Number.isFinite(entry.weight)) {
      weight += entry.weight;
      sum += entry.score * entry.weight;
    }
  }
  return weight === 0
    ? { score: 100, weight: 0 }
    : { score: Math.round(sum / weight), weight };
}

/**
 * Scores arbitrary groups of resources (entity, team, owner…): each resource
 * counts once, so a group of many workloads weighs more in a later
 * {@link rollUp} than a small one. Resources `groupOf` maps to `undefined`
 * belong to no group. Sorted by group.
 *
 * @public
 */
export function scoreGroups(
  resourceScores: readonly ResourceScore[],
  groupOf: (resource: ScoredResource) => string | undefined,
): GroupScore[] {
  const members = new Map<string, WeightedScore[]>();
  for (const { resource, score } of resourceScores) {
    const group = groupOf(resource);
    if (group !== undefined) {
      const list = members.get(group) ?? [];
      list.push({ score, weight: 1 });
      members.set(group, list);
    }
  }
  return [...members.keys()]
    .sort()
    .map(group => ({ group, ...rollUp(members.get(group)!) }));
}

/**
 * Scores each namespace from the scores of its resources. Cluster-scoped
 * resources belong to no namespace and only count in {@link scoreClusters}.
 *
 * @public
 */
export function scoreNamespaces(
  resourceScores: readonly ResourceScore[],
): NamespaceScore[] {
  return scoreGroups(resourceScores, resource =>
    resource.namespace === undefined
      ? undefined
      : JSON.stringify([resource.cluster ?? null, resource.namespace]),
  ).map(({ group, score, weight }) => {
    const [cluster, namespace] = JSON.parse(group) as [string | null, string];
    return {
      ...(cluster !== null && { cluster }),
      namespace,
      score,
      weight,
    };
  });
}

/**
 * Scores each cluster from the scores of all its resources, namespaced and
 * cluster-scoped. Roll clusters up into a fleet with {@link rollUp}.
 *
 * @public
 */
export function scoreClusters(
  resourceScores: readonly ResourceScore[],
): ClusterScore[] {
  return scoreGroups(resourceScores, resource =>
    JSON.stringify([resource.cluster ?? null]),
  ).map(({ group, score, weight }) => {
    const [cluster] = JSON.parse(group) as [string | null];
    return { ...(cluster !== null && { cluster }), score, weight };
  });
}
