import type { SlothPrometheusServiceLevel } from '@cloud-native-platform/plugin-cloud-native-common';
import { percentToRatio, SloReadResult } from './SloDefinition';

/** Sloth's default SLO period; its CRD has no window field. */
const SLOTH_WINDOW = '30d';

const WINDOW = /\{\{\s*\.window\s*\}\}/;

/**
 * The SLOs of a Sloth `PrometheusServiceLevel`: one per `spec.slos[]`
 * entry with event or raw SLI queries. An entry that cannot be read is an
 * error; its siblings are still read.
 */
export function readSlothServiceLevel(
  object: SlothPrometheusServiceLevel,
  cluster: string,
): SloReadResult {
  const where = `${cluster}/${
    object.metadata.namespace ?? ''
  }/PrometheusServiceLevel/${object.metadata.name}`;
  const result: SloReadResult = { definitions: [], errors: [] };
  const service = object.spec?.service;
  if (!service) {
    result.errors.push({
      cluster,
      definedIn: where,
      message: 'spec.service is missing',
    });
    return result;
  }
  for (const [index, slo] of (object.spec?.slos ?? []).entries()) {
    const definedIn = `${where}#${slo.name ?? index}`;
    const error = (message: string) =>
      result.errors.push({ cluster, service, definedIn, message });
    if (!slo.name) {
      error(`spec.slos[${index}].name is missing`);
      continue;
    }
    const objective = slo.objective;
    if (typeof objective !== 'number' || !(objective > 0 && objective < 100)) {
      error(
        `spec.slos[${index}].objective must be a percentage between 0 and 100, got ${objective}`,
      );
      continue;
    }
    const events = slo.sli?.events;
    const raw = slo.sli?.raw?.errorRatioQuery;
    let queries;
    if (events?.errorQuery && events.totalQuery) {
      if (!WINDOW.test(events.errorQuery) || !WINDOW.test(events.totalQuery)) {
        error(
          `spec.slos[${index}].sli.events queries must use the {{.window}} placeholder`,
        );
        continue;
      }
      queries = {
        errorQuery: events.errorQuery,
        totalQuery: events.totalQuery,
      };
    } else if (raw) {
      queries = { errorRatioQuery: raw };
    } else {
      error(
        slo.sli?.plugin
          ? `spec.slos[${index}] uses the SLI plugin ${slo.sli.plugin.id}, whose queries are not known here`
          : `spec.slos[${index}].sli has neither events nor raw queries`,
      );
      continue;
    }
    const alerting = slo.alerting;
    const alerts =
      alerting?.name &&
      !(alerting.pageAlert?.disable && alerting.ticketAlert?.disable)
        ? [alerting.name]
        : [];
    result.definitions.push({
      service,
      name: slo.name,
      // Sloth has no latency SLI type; a latency SLO is events like any other.
      kind: /latency/i.test(slo.name) ? 'latency' : 'availability',
      source: 'sloth',
      definedIn,
      objective: percentToRatio(objective),
      window: SLOTH_WINDOW,
      queries,
      alertRules: alerts,
      alertLabels: { sloth_service: service, sloth_slo: slo.name },
      cluster,
    });
  }
  if (result.definitions.length === 0 && result.errors.length === 0) {
    result.errors.push({
      cluster,
      definedIn: where,
      message: 'spec.slos is empty',
    });
  }
  return result;
}
