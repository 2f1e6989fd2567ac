import { MaturityGroupScore } from '@cloud-native-platform/plugin-platform-maturity-common';

/**
 * Groups entity scores by a key and averages them, best first. Entities
 * without a key are left out.
 *
 * @public
 */
export function rollUpMaturity<T extends { score: number; deployed: boolean }>(
  items: readonly T[],
  keyOf: (item: T) => string | undefined,
): MaturityGroupScore[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (!key) continue;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.entries()]
    .map(([name, members]) => ({
      name,
      score:
        Math.round(
          (members.reduce((sum, m) => sum + m.score, 0) / members.length) * 10,
        ) / 10,
      entities: members.length,
      notDeployed: members.filter(m => !m.deployed).length,
    }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
}
