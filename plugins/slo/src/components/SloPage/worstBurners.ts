import type { SloObjective } from '@cloud-native-platform/plugin-slo-common';

/** How many SLOs the page lists as the fleet's worst burners. */
export const WORST_BURNERS = 10;

const orLowest = (rate: number | null) => rate ?? -Infinity;

/**
 * The SLOs burning their budget fastest: by 1h burn rate, then by 6h;
 * those without either figure are left out.
 */
export function worstBurners(
  items: readonly SloObjective[],
  limit = WORST_BURNERS,
): SloObjective[] {
  return items
    .filter(slo => slo.burnRates['1h'] !== null || slo.burnRates['6h'] !== null)
    .sort(
      (a, b) =>
        orLowest(b.burnRates['1h']) - orLowest(a.burnRates['1h']) ||
        orLowest(b.burnRates['6h']) - orLowest(a.burnRates['6h']) ||
        a.name.localeCompare(b.name),
    )
    .slice(0, limit);
}
