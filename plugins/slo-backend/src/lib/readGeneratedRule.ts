import {
  ANNOTATION_SLO,
  PrometheusRule,
} from '@cloud-native-platform/plugin-cloud-native-common';
import {
  definitionOfEntry,
  readAnnotationEntries,
} from './annotationDefinitions';
import { SloReadResult } from './SloDefinition';

/** The recording rule every generated SLO group has, labelled service and slo. */
const OBJECTIVE_RECORD = 'slo:objective:ratio';

type Rule = {
  record?: string;
  alert?: string;
  labels?: Record<string, string>;
};

function rulesOf(object: PrometheusRule): Rule[] {
  return (object.spec?.groups ?? []).flatMap(g => (g.rules ?? []) as Rule[]);
}

/** Whether a PrometheusRule is one the suite's scaffolder generated for SLOs. */
export function isGeneratedSloRule(object: PrometheusRule): boolean {
  return (
    object.metadata.annotations?.[ANNOTATION_SLO] !== undefined ||
    rulesOf(object).some(r => r.record === OBJECTIVE_RECORD)
  );
}

/**
 * The SLOs of a PrometheusRule written by the scaffolder's monitoring
 * generator: its `cloud-native-platform.io/slo` annotation carries each
 * objective's event queries (the recorded ratios cannot be summed across
 * clusters), its alerting rules labelled with the same service and slo
 * are the objective's burn-rate alerts.
 */
export function readGeneratedRule(
  object: PrometheusRule,
  cluster: string,
): SloReadResult {
  const definedIn = `${cluster}/${
    object.metadata.namespace ?? ''
  }/PrometheusRule/${object.metadata.name}`;
  const rules = rulesOf(object);
  const service =
    rules.find(r => r.record === OBJECTIVE_RECORD)?.labels?.service ??
    object.metadata.name;
  const value = object.metadata.annotations?.[ANNOTATION_SLO];
  const where = { cluster, service, definedIn };
  if (value === undefined) {
    return {
      definitions: [],
      errors: [
        {
          ...where,
          message: `generated without the ${ANNOTATION_SLO} annotation that carries its event queries; generate it again`,
        },
      ],
    };
  }
  const read = readAnnotationEntries(value, where);
  if ('error' in read) return { definitions: [], errors: [read.error] };
  const { entries } = read;
  return {
    definitions: entries.map(entry => {
      const labels = { service, slo: entry.kind };
      const alerts = entry.alerts.length
        ? entry.alerts
        : rules
            .filter(
              r =>
                r.alert &&
                r.labels?.service === service &&
                r.labels?.slo === entry.kind,
            )
            .map(r => r.alert!);
      return definitionOfEntry(
        { ...entry, alerts },
        {
          service,
          source: 'generated',
          definedIn,
          alertLabels: labels,
          cluster,
        },
      );
    }),
    errors: [],
  };
}
