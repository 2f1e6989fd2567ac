import { parseSloAnnotation } from '@cloud-native-platform/plugin-cloud-native-common';
import { generateMonitoring } from './monitoring';
import { BURN_WINDOWS, errorBudget } from './sloRules';

function rulesOf(options: Parameters<typeof generateMonitoring>[0]) {
  const rule = generateMonitoring(options)
    .find(o => o.kind === 'PrometheusRule')!
    .toJSON() as any;
  return rule.spec.groups.flatMap((group: any) => group.rules);
}

describe('generateMonitoring', () => {
  const base = { name: 'checkout', namespace: 'commerce' };

  it('writes a ServiceMonitor over mesh mTLS, a PrometheusRule and a dashboard ConfigMap', () => {
    const objects = generateMonitoring(base);
    expect(objects.map(o => o.kind)).toEqual([
      'ServiceMonitor',
      'PrometheusRule',
      'ConfigMap',
    ]);
    objects.forEach(o => o.validate());
    const monitor = objects[0].toJSON() as any;
    expect(monitor.spec.endpoints[0]).toMatchObject({
      port: 'http',
      path: '/metrics',
      scheme: 'https',
    });
    const dashboard = objects[2].toJSON() as any;
    expect(dashboard.metadata.labels.grafana_dashboard).toBe('1');
    expect(JSON.parse(dashboard.data['checkout.json']).panels).toHaveLength(4);
  });

  it('carries the event queries of each objective in the slo annotation, for sums across clusters', () => {
    const rule = generateMonitoring({
      ...base,
      slo: { availability: 99.95, latency: { thresholdMs: 250 } },
    })
      .find(o => o.kind === 'PrometheusRule')!
      .toJSON() as { metadata: { annotations: Record<string, string> } };
    const matchers = 'namespace="commerce",job="checkout"';
    expect(
      parseSloAnnotation(
        rule.metadata.annotations['cloud-native-platform.io/slo'],
      ),
    ).toEqual([
      {
        kind: 'availability',
        objective: 99.95,
        window: '30d',
        errorQuery: `sum(rate(http_requests_total{${matchers},code=~"5.."}[$window]))`,
        totalQuery: `sum(rate(http_requests_total{${matchers}}[$window]))`,
        alerts: [],
      },
      {
        kind: 'latency',
        objective: 99,
        window: '30d',
        thresholdMs: 250,
        histogram: {
          metric: 'http_request_duration_seconds',
          matchers,
          unit: 'seconds',
        },
        alerts: [],
      },
    ]);
  });

  it('scrapes the Istio agent with a PodMonitor and selects its job', () => {
    const objects = generateMonitoring({ ...base, monitorKind: 'PodMonitor' });
    expect(
      (objects[0].toJSON() as any).spec.podMetricsEndpoints[0].portNumber,
    ).toBe(15020);
    const record = rulesOf({ ...base, monitorKind: 'PodMonitor' })[0];
    expect(record.expr).toContain('job="commerce/checkout"');
  });

  it('computes the error budget without floating-point noise', () => {
    expect(errorBudget(99.9)).toBe(0.001);
    expect(errorBudget(99.95)).toBe(0.0005);
    expect(errorBudget(99.99)).toBe(0.0001);
    expect(errorBudget(99)).toBe(0.01);
  });

  it('pages at 14.4x the 99.9% budget over 1h and 5m, and at 6x over 6h and 30m', () => {
    const rules = rulesOf({ ...base, slo: { availability: 99.9 } });
    const page = rules.find(
      (r: any) => r.alert === 'CheckoutAvailabilityBudgetBurnPage',
    );
    const sel = '{service="checkout",slo="availability"}';
    expect(page.labels).toEqual({
      service: 'checkout',
      slo: 'availability',
      severity: 'page',
    });
    expect(page.expr).toContain(
      `(slo:sli_error:ratio_rate1h${sel} > (14.4 * 0.001))\nand\n(slo:sli_error:ratio_rate5m${sel} > (14.4 * 0.001))`,
    );
    expect(page.expr).toContain(
      `(slo:sli_error:ratio_rate6h${sel} > (6 * 0.001))\nand\n(slo:sli_error:ratio_rate30m${sel} > (6 * 0.001))`,
    );
    const ticket = rules.find(
      (r: any) => r.alert === 'CheckoutAvailabilityBudgetBurnTicket',
    );
    expect(ticket.expr).toContain(
      `(slo:sli_error:ratio_rate1d${sel} > (3 * 0.001))`,
    );
    expect(ticket.expr).toContain(
      `(slo:sli_error:ratio_rate2h${sel} > (3 * 0.001))`,
    );
    expect(ticket.expr).toContain(
      `(slo:sli_error:ratio_rate3d${sel} > (1 * 0.001))`,
    );
    expect(ticket.expr).toContain(
      `(slo:sli_error:ratio_rate6h${sel} > (1 * 0.001))`,
    );
    expect(BURN_WINDOWS.map(w => [w.long, w.short, w.factor])).toEqual([
      ['1h', '5m', 14.4],
      ['6h', '30m', 6],
      ['1d', '2h', 3],
      ['3d', '6h', 1],
    ]);
  });

  it('records every window the alerts read, for availability and latency', () => {
    const rules = rulesOf({
      ...base,
      slo: { availability: 99.5, latency: { thresholdMs: 250 } },
    });
    const recorded = (slo: string) =>
      rules
        .filter((r: any) => r.record && r.labels.slo === slo)
        .map((r: any) => r.record);
    for (const slo of ['availability', 'latency']) {
      for (const w of ['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d']) {
        expect(recorded(slo)).toContain(`slo:sli_error:ratio_rate${w}`);
      }
    }
    const latency5m = rules.find(
      (r: any) =>
        r.record === 'slo:sli_error:ratio_rate5m' && r.labels.slo === 'latency',
    );
    expect(latency5m.expr).toContain(
      'http_request_duration_seconds_bucket{namespace="commerce",job="checkout",le="0.25"}[5m]',
    );
    const page = rules.find(
      (r: any) => r.alert === 'CheckoutLatencyBudgetBurnPage',
    );
    expect(page.expr).toContain('> (14.4 * 0.01)');
    const objective = rules.find(
      (r: any) =>
        r.record === 'slo:objective:ratio' && r.labels.slo === 'availability',
    );
    expect(objective.expr).toBe('vector(0.995)');
  });
});
