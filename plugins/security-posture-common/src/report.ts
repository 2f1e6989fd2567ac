import { AuditReport, ReportFinding, SeverityCounts } from './api';
import { EXPIRED_EXCEPTION_CHECK } from './exceptions';
import { FALCO_CHECKS } from './falco';
import { CHECKS } from './runChecks';
import {
  explainScore,
  rollUp,
  scoreClusters,
  ScoredFinding,
  ScoredResource,
  scoreResources,
} from './score';
import { standardsOf } from './standards';
import { CheckDefinition, Finding, SEVERITIES } from './types';

let definitions: Map<string, CheckDefinition> | undefined;
let catalogueOrder: Map<string, number> | undefined;

// Built on first use: exceptions.ts imports this module, so its constant is
// not initialised yet while this module's top level runs.
function definitionMap(): Map<string, CheckDefinition> {
  if (!definitions) {
    const all = [...CHECKS, EXPIRED_EXCEPTION_CHECK, ...FALCO_CHECKS];
    definitions = new Map(all.map(check => [check.id, check]));
    catalogueOrder = new Map(all.map((check, index) => [check.id, index]));
  }
  return definitions;
}

/**
 * The definition of any check a finding can carry: the engine's checks, the
 * expired-exception check and the Falco runtime checks.
 *
 * @public
 */
export function checkDefinition(checkId: string): CheckDefinition | undefined {
  return definitionMap().get(checkId);
}

/**
 * Adds category, title and the standards of its check to plain findings.
 *
 * @public
 */
export function toReportFindings(
  findings: readonly Finding[],
): ReportFinding[] {
  const known = definitionMap();
  return findings.map(finding => {
    const definition = known.get(finding.checkId);
    // A check this engine does not define came from outside it (an admission
    // report, a scanner), so it is filed as external under its own id.
    const standards = standardsOf(definition?.references);
    return {
      ...finding,
      category: definition?.category ?? 'external',
      title: definition?.title ?? finding.checkId,
      ...(standards.length > 0 && { standards }),
    };
  });
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

function checkOrder(checkId: string): number {
  definitionMap();
  return catalogueOrder!.get(checkId) ?? Number.MAX_SAFE_INTEGER;
}

// The order runChecks gives, extended to checks from elsewhere (unknown ids
// after the catalogue, by id), so merged lists stay deterministic.
function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER.get(a.severity)! - SEVERITY_ORDER.get(b.severity)! ||
    compareText(a.resource.cluster, b.resource.cluster) ||
    compareText(a.resource.namespace, b.resource.namespace) ||
    compareText(a.resource.kind, b.resource.kind) ||
    compareText(a.resource.name, b.resource.name) ||
    compareText(a.resource.container, b.resource.container) ||
    checkOrder(a.checkId) - checkOrder(b.checkId) ||
    compareText(a.checkId, b.checkId) ||
    compareText(a.message, b.message)
  );
}

/** Zero for every severity, in severity order. */
function noCounts(): SeverityCounts {
  return Object.fromEntries(
    SEVERITIES.map(severity => [severity, 0]),
  ) as SeverityCounts;
}

/**
 * Scores, counts and explains a findings list; `resources` are every object
 * that was checked, so that a clean one still scores 100 and weighs in.
 *
 * The score is the fleet roll-up of the README: each resource is scored on
 * its own findings, clusters are the mean of their resources, and the
 * clusters are averaged weighted by their number of resources.
 *
 * @public
 */
export function summarizeFindings(
  findings: readonly ReportFinding[],
  resources: readonly ScoredResource[],
): Omit<AuditReport, 'documents' | 'meshCoverage'> {
  // Scoring only tests `excepted` for truth, which the exception object is;
  // copying 100,000 findings to turn it into `true` cost a tenth of the time.
  const scored = findings as unknown as readonly ScoredFinding[];
  const counts = noCounts();
  let exceptedCount = 0;
  for (const finding of findings) {
    if (finding.excepted) {
      exceptedCount += 1;
    } else if (finding.severity in counts) {
      counts[finding.severity] += 1;
    }
  }
  const resourceScores = scoreResources(scored, resources);
  return {
    generatedAt: new Date().toISOString(),
    score: rollUp(scoreClusters(resourceScores)).score,
    counts,
    exceptedCount,
    penalties: explainScore(scored).penalties,
    findings: [...findings].sort(compareFindings),
    resources: resourceScores.map(({ resource, score }) => ({
      resource,
      score,
    })),
  };
}
