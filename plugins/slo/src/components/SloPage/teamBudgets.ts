import type {
  SloObjective,
  SloStatus,
} from '@cloud-native-platform/plugin-slo-common';

/** One team's SLOs summed up: how many in each status, and the lowest budget left. */
export interface TeamBudget {
  /** The team's group entity ref; undefined for SLOs of no known team. */
  team?: string;
  total: number;
  counts: Record<SloStatus, number>;
  /** The SLO with the least budget left, among those with figures. */
  lowest?: SloObjective;
}

const noCounts = (): Record<SloStatus, number> => ({
  ok: 0,
  burning: 0,
  exhausted: 0,
  'no-data': 0,
});

/**
 * The SLOs grouped by their owning team, teams with the least budget left
 * first; SLOs of no team make the last group.
 */
export function teamBudgets(items: readonly SloObjective[]): TeamBudget[] {
  const byTeam = new Map<string | undefined, TeamBudget>();
  for (const slo of items) {
    const group = byTeam.get(slo.team) ?? {
      team: slo.team,
      total: 0,
      counts: noCounts(),
    };
    group.total += 1;
    group.counts[slo.status] += 1;
    const remaining = slo.errorBudgetRemaining;
    if (
      remaining !== null &&
      (group.lowest?.errorBudgetRemaining ?? Infinity) > remaining
    ) {
      group.lowest = slo;
    }
    byTeam.set(slo.team, group);
  }
  const lowestOf = (t: TeamBudget) =>
    t.lowest?.errorBudgetRemaining ?? Infinity;
  return [...byTeam.values()].sort((a, b) => {
    if ((a.team === undefined) !== (b.team === undefined)) {
      return a.team === undefined ? 1 : -1;
    }
    return (
      lowestOf(a) - lowestOf(b) || (a.team ?? '').localeCompare(b.team ?? '')
    );
  });
}
