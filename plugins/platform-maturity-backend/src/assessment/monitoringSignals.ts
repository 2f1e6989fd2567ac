import {
  automationOfConfig,
  ComponentSignals,
  describeWorkload,
  finding,
  hostNames,
  matchLabelsSelect,
  namespaceOf,
  ofKind,
  podLabels,
  round,
  servicesOf,
} from './componentSignals';
import { INTEGRATION_SHARES, MaturityInput, MaturityWorkload } from './types';
import type {
  PodMonitor,
  PrometheusRule,
  ServiceMonitor,
} from '@cloud-native-platform/plugin-cloud-native-common';

/** One alerting or recording rule of a PrometheusRule. */
type Rule = NonNullable<
  NonNullable<NonNullable<PrometheusRule['spec']>['groups']>[number]['rules']
>[number];

/** An alerting rule: a rule with an alert name. */
type AlertRule = Rule & { alert: string };

const SLO_ALERT = /slo|burn|error.?budget/i;

function watchesNamespace(
  monitor: ServiceMonitor | PodMonitor,
  namespace?: string,
): boolean {
  const selector = monitor.spec?.namespaceSelector;
  if (selector?.any) return true;
  if (Array.isArray(selector?.matchNames)) {
    return namespace !== undefined && selector.matchNames.includes(namespace);
  }
  return monitor.metadata.namespace === namespace;
}

function alertRulesOf(rule: PrometheusRule): AlertRule[] {
  return (rule.spec?.groups ?? []).flatMap(g =>
    (g.rules ?? []).filter((r): r is AlertRule => typeof r.alert === 'string'),
  );
}

/**
 * ServiceMonitor or PodMonitor scraping the workload, PrometheusRule
 * alerts, and SLOs: burn-rate alerts in its rules, or SLOs of the entity
 * with error-budget data in the SLO API (`slos`).
 */
export function monitoringSignals(
  w: MaturityWorkload,
  slos?: MaturityInput['slos'],
): ComponentSignals {
  const shares = INTEGRATION_SHARES.monitoring;
  const where = describeWorkload(w);
  const ns = namespaceOf(w);
  const labels = podLabels(w);
  const services = servicesOf(w);
  const result: ComponentSignals = {
    integration: 0,
    automation: 'none',
    signals: [],
    findings: [],
  };
  const monitors = [
    ...ofKind(w, 'ServiceMonitor').filter(
      m =>
        watchesNamespace(m, ns) &&
        services.some(s =>
          matchLabelsSelect(
            m.spec?.selector?.matchLabels,
            s.metadata.labels ?? {},
          ),
        ),
    ),
    ...ofKind(w, 'PodMonitor').filter(
      m =>
        watchesNamespace(m, ns) &&
        matchLabelsSelect(m.spec?.selector?.matchLabels, labels),
    ),
  ];
  if (monitors.length > 0) {
    result.integration += shares.scrapeTarget;
    result.signals.push([...new Set(monitors.map(m => m.kind))].join(' and '));
  } else {
    result.findings.push(
      finding(
        'monitoring',
        `${where} is not scraped: no ServiceMonitor or PodMonitor selects it.`,
        'Add a ServiceMonitor for its metrics port.',
      ),
    );
  }
  const names = hostNames(w);
  const mentions = (rule: AlertRule) =>
    [...names].some(
      name =>
        String(rule.expr ?? '').includes(name) ||
        Object.values(rule.labels ?? {}).includes(name),
    );
  const rules = ofKind(w, 'PrometheusRule', ns).filter(r =>
    alertRulesOf(r).some(mentions),
  );
  const alerts = rules.flatMap(r => alertRulesOf(r).filter(mentions));
  if (alerts.length > 0) {
    result.integration += shares.alertRules;
    result.signals.push(`${alerts.length} alert rule(s)`);
  }
  const slo = alerts.filter(
    a => SLO_ALERT.test(a.alert) || a.labels?.slo !== undefined,
  );
  const budgeted = slos?.withBudget ?? [];
  if (slo.length > 0 || budgeted.length > 0) {
    result.integration += shares.sloAlerts;
    if (slo.length > 0) result.signals.push('SLO alerts');
    if (budgeted.length > 0) {
      result.signals.push(
        `${budgeted.length} SLO(s) with budget data (${budgeted.join(', ')})`,
      );
    }
  } else if (slos && slos.total > 0) {
    result.findings.push(
      finding(
        'monitoring',
        `${where}: the entity's ${slos.total} SLO(s) have no error-budget data: no cluster's Prometheus has their events.`,
        'Check the SLO queries on the SLOs tab against the metrics the service exports.',
      ),
    );
  } else {
    result.findings.push(
      finding(
        'monitoring',
        alerts.length > 0
          ? `${where} has alert rules but none on an SLO (burn rate or error budget).`
          : `${where} has no PrometheusRule alerting on it.`,
        "Add SLO burn-rate alerts from the entity's slo-* annotations.",
      ),
    );
  }
  result.integration = round(result.integration);
  result.automation = automationOfConfig(
    result.integration,
    [...monitors, ...rules],
    w.workload,
  );
  return result;
}
