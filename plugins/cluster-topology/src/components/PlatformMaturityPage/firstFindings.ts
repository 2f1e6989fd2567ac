import type { MaturityFinding, MaturityTerm } from '../../api';
import { pointsLost } from '../EntityPlatformMaturityCard/maturityNextSteps';

/** How many findings a component shows in a team's list. */
export const FINDINGS_PER_COMPONENT = 3;

/**
 * The findings of one component, those of the terms that lose the most
 * points first (the backend's order otherwise), at most `limit` of them.
 */
export function firstFindings<
  F extends MaturityFinding & { entityRef: string },
>(
  component: { entityRef: string; terms: MaturityTerm[] },
  findings: F[],
  limit = FINDINGS_PER_COMPONENT,
): { shown: F[]; more: number } {
  const lost = new Map(component.terms.map(t => [t.component, pointsLost(t)]));
  const own = findings.filter(f => f.entityRef === component.entityRef);
  const ranked = [...own].sort(
    (a, b) => (lost.get(b.component) ?? 0) - (lost.get(a.component) ?? 0),
  );
  return {
    shown: ranked.slice(0, limit),
    more: Math.max(0, own.length - limit),
  };
}
