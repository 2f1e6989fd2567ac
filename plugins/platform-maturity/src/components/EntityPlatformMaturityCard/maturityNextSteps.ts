import type {
  EntityMaturityResponse,
  MaturityFinding,
  MaturityTerm,
} from '../../api';

/** How many of the weakest terms get a "what to do next". */
const WEAKEST_TERMS = 3;

const TEMPLATES_PATH = '/create/templates/default';

/** Scaffolder link of a finding; an undeployed entity needs a new service. */
export function templateLink(
  finding: MaturityFinding,
  deployed: boolean,
): string | undefined {
  if (!deployed) {
    return `${TEMPLATES_PATH}/${finding.template ?? 'cloud-native-service'}`;
  }
  return finding.template ? `${TEMPLATES_PATH}/${finding.template}` : undefined;
}

/** Points a term leaves on the table. */
export function pointsLost(term: MaturityTerm): number {
  return Math.max(0, term.weight - term.points);
}

/**
 * The findings of the terms that lose the most points, worst first, so the
 * card points at what moves the score furthest.
 */
export function nextSteps(value: EntityMaturityResponse): MaturityFinding[] {
  const weakest = [...value.terms]
    .filter(t => pointsLost(t) > 0)
    .sort((a, b) => pointsLost(b) - pointsLost(a))
    .slice(0, WEAKEST_TERMS)
    .map(t => t.component);
  // An undeployed entity loses everything; its single finding says why.
  if (!value.deployed) return value.findings;
  return weakest.flatMap(c => value.findings.filter(f => f.component === c));
}

/** The formula in one line, from the weights the backend served. */
export function formulaLine(value: EntityMaturityResponse): string {
  const f = value.formula;
  if (!f) {
    return 'Score = Σ weight × integration × automation factor over mesh, monitoring, scaling and healing, plus the security posture score × 20 / 100.';
  }
  const factors = Object.entries(f.automationFactors)
    .map(([level, factor]) => `${level} ${factor}`)
    .join(', ');
  return `${f.text}; security weight ${f.securityWeight}; automation factors: ${factors}.`;
}
