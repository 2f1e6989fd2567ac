import { SloDefinition, SloQueries } from './SloDefinition';

/** Where one SLO is evaluated: a cluster and the queries it runs there. */
export interface SloTarget {
  cluster: string;
  queries: SloQueries;
  latency?: SloDefinition['latency'];
}

/**
 * One SLO however many clusters define it: the first definition's
 * objective, window and kind, and a target per cluster.
 */
export interface MergedSlo {
  definition: SloDefinition;
  /** Every definition merged into it, first one first. */
  sources: SloDefinition[];
  targets: SloTarget[];
  alertRules: string[];
  /** Definitions that disagree with the first one, for the errors list. */
  conflicts: Array<{ definedIn: string; message: string }>;
}

/** The identity of an SLO across clusters: its service and name. */
export function sloKey(definition: Pick<SloDefinition, 'service' | 'name'>) {
  return `${definition.service}\u0000${definition.name}`;
}

/**
 * Merges definitions of the same service and name into one SLO; an
 * annotation's definition, found in no cluster, is evaluated in each of
 * `clustersOf(definition)` that no cluster definition already covers.
 */
export function mergeDefinitions(
  definitions: SloDefinition[],
  clustersOf: (definition: SloDefinition) => string[],
): MergedSlo[] {
  const merged = new Map<string, MergedSlo>();
  for (const definition of definitions) {
    const key = sloKey(definition);
    let slo = merged.get(key);
    if (!slo) {
      slo = {
        definition,
        sources: [],
        targets: [],
        alertRules: [],
        conflicts: [],
      };
      merged.set(key, slo);
    }
    const first = slo.definition;
    if (
      first !== definition &&
      (first.objective !== definition.objective ||
        first.window !== definition.window)
    ) {
      slo.conflicts.push({
        definedIn: definition.definedIn,
        message: `defines ${definition.name} with objective ${definition.objective} over ${definition.window}, ${first.definedIn} with ${first.objective} over ${first.window}; the first is used`,
      });
    }
    slo.sources.push(definition);
    for (const rule of definition.alertRules) {
      if (!slo.alertRules.includes(rule)) slo.alertRules.push(rule);
    }
    const clusters = definition.cluster
      ? [definition.cluster]
      : clustersOf(definition);
    for (const cluster of clusters) {
      if (slo.targets.some(t => t.cluster === cluster)) continue;
      slo.targets.push({
        cluster,
        queries: definition.queries,
        latency: definition.latency,
      });
    }
  }
  return [...merged.values()];
}
