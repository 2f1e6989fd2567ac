import type { MaturityFinding, MaturityTerm } from '../../api';
import { pointsLost } from '../EntityPlatformMaturityCard/maturityNextSteps';

/** How many findings a component shows in a team's list. */
export const FINDINGS_PER_COMPONENT = 3;

/**
 * The findings of one component, those of the terms that lose the most
 * points first (the backend's order otherwise), at most `limit` of them.
 * Findings giving the same advice (one per workload or cluster) are shown
 * once, with how many others repeat it in `repeats`.
 */
export function firstFindings<
  F extends MaturityFinding & { entityRef: string },
>(
  component: { entityRef: string; terms: MaturityTerm[] },
  findings: F[],
  limit = FINDINGS_PER_COMPONENT,
): { shown: Array<F & { repeats: number }>; more: number } {
  const lost = new Map(component.terms.map(t => [t.component, pointsLost(t)]));
  const advice = new Map<string, F & { repeats: number }>();
  for (const f of findings) {
    if (f.entityRef !== component.entityRef) continue;
    const key = `${f.component}\u0000${f.next}`;
    const seen = advice.get(key);
    if (seen) seen.repeats++;
    else advice.set(key, { ...f, repeats: 0 });
  }
  const ranked = [...advice.values()].sort(
    (a, b) => (lost.get(b.component) ?? 0) - (lost.get(a.component) ?? 0),
  );
  return {
    shown: ranked.slice(0, limit),
    more: Math.max(0, ranked.length - limit),
  };
}
