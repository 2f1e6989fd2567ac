import {
  ANNOTATION_SLO,
  parseSloAnnotation,
  SloAnnotationEntry,
  SloHistogram,
} from '@cloud-native-platform/plugin-cloud-native-common';
import type { SloSource } from '@cloud-native-platform/plugin-slo-common';
import {
  percentToRatio,
  SloDefinition,
  SloDefinitionError,
} from './SloDefinition';

/**
 * The entries of an annotation-format value, or the one error that says
 * why it cannot be read, naming the object that carries it.
 */
export function readAnnotationEntries(
  value: string,
  where: Omit<SloDefinitionError, 'message'>,
): { entries: SloAnnotationEntry[] } | { error: SloDefinitionError } {
  try {
    return { entries: parseSloAnnotation(value) };
  } catch (error) {
    return {
      error: {
        ...where,
        message: `annotation ${ANNOTATION_SLO} ${(error as Error).message}`,
      },
    };
  }
}

/** The `le` label value of a threshold, as client libraries write bounds. */
function bucketBound(thresholdMs: number, histogram: SloHistogram): string {
  return String(
    histogram.unit === 'milliseconds' ? thresholdMs : thresholdMs / 1000,
  );
}

function series(metric: string, matchers: string[]): string {
  const list = matchers.filter(Boolean);
  return list.length ? `${metric}{${list.join(',')}}` : metric;
}

/**
 * The definition of one annotation-format entry, which the entity
 * annotation and the generated PrometheusRules share: a latency entry with
 * a histogram and no queries counts the requests above the threshold's
 * bucket as bad.
 */
export function definitionOfEntry(
  entry: SloAnnotationEntry,
  context: {
    service: string;
    source: SloSource;
    definedIn: string;
    alertLabels: Record<string, string>;
    cluster?: string;
    entityRef?: string;
  },
): SloDefinition {
  const { histogram, thresholdMs } = entry;
  let queries: SloDefinition['queries'];
  if (entry.errorQuery && entry.totalQuery) {
    queries = { errorQuery: entry.errorQuery, totalQuery: entry.totalQuery };
  } else {
    // The parser lets a latency entry through without queries only with both.
    const h = histogram!;
    const total = `sum(rate(${series(`${h.metric}_count`, [
      h.matchers,
    ])}[$window]))`;
    const good = `sum(rate(${series(`${h.metric}_bucket`, [
      h.matchers,
      `le="${bucketBound(thresholdMs!, h)}"`,
    ])}[$window]))`;
    queries = { errorQuery: `(${total} - ${good})`, totalQuery: total };
  }
  return {
    service: context.service,
    name: entry.name ?? `${context.service}-${entry.kind}`,
    kind: entry.kind,
    source: context.source,
    definedIn: context.definedIn,
    objective: percentToRatio(entry.objective),
    window: entry.window,
    queries,
    alertRules: entry.alerts,
    alertLabels: context.alertLabels,
    ...(entry.kind === 'latency' &&
      thresholdMs !== undefined && {
        latency: { thresholdSeconds: thresholdMs / 1000, histogram },
      }),
    ...(context.cluster && { cluster: context.cluster }),
    ...(context.entityRef && { entityRef: context.entityRef }),
  };
}
