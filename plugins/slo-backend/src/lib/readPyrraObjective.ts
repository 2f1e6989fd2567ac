import type { PyrraServiceLevelObjective } from '@cloud-native-platform/plugin-cloud-native-common';
import { parsePrometheusDuration } from '@cloud-native-platform/plugin-cloud-native-common';
import { parseSelector, selectorText } from './selectorText';
import { percentToRatio, SloDefinition, SloReadResult } from './SloDefinition';

/** Pyrra's alert name unless `spec.alerting.name` gives another. */
const PYRRA_ALERT = 'ErrorBudgetBurn';
const SERVICE_LABELS = [
  'backstage.io/kubernetes-id',
  'app.kubernetes.io/name',
  'app',
];

function rate(selector: string): string {
  return `sum(rate(${selector}[$window]))`;
}

/**
 * The SLO of a Pyrra `ServiceLevelObjective`: a ratio of error and total
 * counters, or a latency histogram's bucket below the threshold against its
 * count. Bool-gauge indicators and malformed objects are errors.
 */
export function readPyrraObjective(
  object: PyrraServiceLevelObjective,
  cluster: string,
): SloReadResult {
  const { name, namespace = '', labels = {} } = object.metadata;
  const definedIn = `${cluster}/${namespace}/ServiceLevelObjective/${name}`;
  const service = SERVICE_LABELS.map(key => labels[key]).find(Boolean) ?? name;
  const fail = (message: string): SloReadResult => ({
    definitions: [],
    errors: [{ cluster, service, definedIn, message }],
  });
  const spec = object.spec ?? {};
  const target = Number(spec.target);
  if (spec.target === undefined || !(target > 0 && target < 100)) {
    return fail(
      `spec.target must be a percentage between 0 and 100, got ${spec.target}`,
    );
  }
  const window = spec.window ?? '28d';
  if (!parsePrometheusDuration(window)) {
    return fail(`spec.window '${window}' is not a Prometheus duration`);
  }
  const base: Omit<SloDefinition, 'kind' | 'queries'> = {
    service,
    name,
    source: 'pyrra',
    definedIn,
    objective: percentToRatio(target),
    window,
    // Pyrra writes no burn-rate alerts when alerting is off or burnrates false.
    alertRules:
      spec.alerting?.disabled || spec.alerting?.burnrates === false
        ? []
        : [spec.alerting?.name ?? PYRRA_ALERT],
    alertLabels: { slo: name },
    cluster,
  };
  const { ratio, latency } = spec.indicator ?? {};
  if (ratio) {
    const errors = ratio.errors?.metric;
    const total = ratio.total?.metric;
    if (!errors || !total) {
      return fail('spec.indicator.ratio needs errors.metric and total.metric');
    }
    return {
      definitions: [
        {
          ...base,
          kind: 'availability',
          queries: { errorQuery: rate(errors), totalQuery: rate(total) },
        },
      ],
      errors: [],
    };
  }
  if (latency) {
    const success = parseSelector(latency.success?.metric ?? '');
    const total = latency.total?.metric;
    if (!success || !total) {
      return fail(
        'spec.indicator.latency needs success.metric (a _bucket selector with le) and total.metric',
      );
    }
    const le = success.matchers.find(m => /^le="/.test(m));
    const bound = le ? Number(le.slice(4, -1)) : NaN;
    if (!success.metric.endsWith('_bucket') || !(bound > 0)) {
      return fail(
        `spec.indicator.latency.success.metric '${latency.success?.metric}' is not a histogram bucket with an le bound`,
      );
    }
    const metric = success.metric.replace(/_bucket$/, '');
    const unit = /_milliseconds$/.test(metric) ? 'milliseconds' : 'seconds';
    return {
      definitions: [
        {
          ...base,
          kind: 'latency',
          queries: {
            errorQuery: `(${rate(total)} - ${rate(
              selectorText(success.metric, success.matchers),
            )})`,
            totalQuery: rate(total),
          },
          latency: {
            thresholdSeconds: unit === 'milliseconds' ? bound / 1000 : bound,
            histogram: {
              metric,
              matchers: success.matchers.filter(m => m !== le).join(','),
              unit,
            },
          },
        },
      ],
      errors: [],
    };
  }
  return fail(
    spec.indicator?.bool_gauge
      ? 'bool_gauge indicators are not supported; use ratio or latency'
      : 'spec.indicator has neither ratio nor latency',
  );
}
