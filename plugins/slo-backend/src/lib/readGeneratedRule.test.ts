import type { PrometheusRule } from '@cloud-native-platform/plugin-cloud-native-common';
import { isGeneratedSloRule, readGeneratedRule } from './readGeneratedRule';

const annotation = JSON.stringify([
  {
    kind: 'availability',
    objective: 99.9,
    errorQuery:
      'sum(rate(http_requests_total{namespace="payments",job="payments-api",code=~"5.."}[$window]))',
    totalQuery:
      'sum(rate(http_requests_total{namespace="payments",job="payments-api"}[$window]))',
  },
]);

const rule = (annotations?: Record<string, string>): PrometheusRule => ({
  apiVersion: 'monitoring.coreos.com/v1',
  kind: 'PrometheusRule',
  metadata: { name: 'payments-api', namespace: 'payments', annotations },
  spec: {
    groups: [
      {
        name: 'payments-api-slo-availability-recordings',
        rules: [
          {
            record: 'slo:objective:ratio',
            expr: 'vector(0.999)',
            labels: { service: 'payments-api', slo: 'availability' },
          },
        ],
      },
      {
        name: 'payments-api-slo-availability-alerts',
        rules: [
          {
            alert: 'PaymentsApiAvailabilityBudgetBurnPage',
            expr: 'x',
            labels: {
              service: 'payments-api',
              slo: 'availability',
              severity: 'page',
            },
          },
          {
            alert: 'PaymentsApiAvailabilityBudgetBurnTicket',
            expr: 'x',
            labels: {
              service: 'payments-api',
              slo: 'availability',
              severity: 'ticket',
            },
          },
          {
            alert: 'PaymentsApiLatencyBudgetBurnPage',
            expr: 'x',
            labels: {
              service: 'payments-api',
              slo: 'latency',
              severity: 'page',
            },
          },
        ],
      },
    ],
  },
});

describe('readGeneratedRule', () => {
  it('reads the annotation queries and the alerts labelled with the same SLO', () => {
    const object = rule({ 'cloud-native-platform.io/slo': annotation });
    expect(isGeneratedSloRule(object)).toBe(true);
    expect(readGeneratedRule(object, 'prod-east-a')).toEqual({
      definitions: [
        {
          service: 'payments-api',
          name: 'payments-api-availability',
          kind: 'availability',
          source: 'generated',
          definedIn: 'prod-east-a/payments/PrometheusRule/payments-api',
          objective: 0.999,
          window: '30d',
          queries: {
            errorQuery:
              'sum(rate(http_requests_total{namespace="payments",job="payments-api",code=~"5.."}[$window]))',
            totalQuery:
              'sum(rate(http_requests_total{namespace="payments",job="payments-api"}[$window]))',
          },
          alertRules: [
            'PaymentsApiAvailabilityBudgetBurnPage',
            'PaymentsApiAvailabilityBudgetBurnTicket',
          ],
          alertLabels: { service: 'payments-api', slo: 'availability' },
          cluster: 'prod-east-a',
        },
      ],
      errors: [],
    });
  });

  it('names rules generated without the queries, and bad annotations, as errors', () => {
    expect(readGeneratedRule(rule(), 'c').errors).toEqual([
      expect.objectContaining({
        service: 'payments-api',
        message: expect.stringContaining('generate it again'),
      }),
    ]);
    expect(
      readGeneratedRule(rule({ 'cloud-native-platform.io/slo': '{' }), 'c')
        .errors[0].message,
    ).toMatch(/^annotation cloud-native-platform.io\/slo is not valid JSON/);
  });

  it('leaves other PrometheusRules alone', () => {
    expect(
      isGeneratedSloRule({
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'PrometheusRule',
        metadata: { name: 'kube' },
        spec: {
          groups: [{ name: 'g', rules: [{ alert: 'A', expr: 'up == 0' }] }],
        },
      }),
    ).toBe(false);
  });
});
