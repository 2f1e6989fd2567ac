import { Entity } from '@backstage/catalog-model';
import { readEntityAnnotation } from './readEntityAnnotation';

const entity = (slo?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'quote-service',
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-id': 'quotes',
      ...(slo !== undefined && { 'cloud-native-platform.io/slo': slo }),
    },
  },
});

describe('readEntityAnnotation', () => {
  it('reads availability queries and a latency histogram, named after the service', () => {
    const { definitions, errors } = readEntityAnnotation(
      entity(
        JSON.stringify([
          {
            objective: 99.95,
            errorQuery:
              'sum(rate(http_requests_total{job="quotes",cluster="$cluster",code=~"5.."}[$window]))',
            totalQuery:
              'sum(rate(http_requests_total{job="quotes",cluster="$cluster"}[$window]))',
            alerts: ['QuotesBudgetBurn'],
          },
          {
            name: 'quote-latency',
            kind: 'latency',
            objective: 99,
            window: '7d',
            thresholdMs: 250,
            histogram: 'http_request_duration_seconds_bucket',
            matchers: '{job="quotes"}',
          },
        ]),
      ),
    );
    expect(errors).toEqual([]);
    expect(definitions).toEqual([
      {
        service: 'quotes',
        name: 'quotes-availability',
        kind: 'availability',
        source: 'annotation',
        definedIn: 'component:default/quote-service',
        entityRef: 'component:default/quote-service',
        objective: 0.9995,
        window: '30d',
        queries: {
          errorQuery:
            'sum(rate(http_requests_total{job="quotes",cluster="$cluster",code=~"5.."}[$window]))',
          totalQuery:
            'sum(rate(http_requests_total{job="quotes",cluster="$cluster"}[$window]))',
        },
        alertRules: ['QuotesBudgetBurn'],
        alertLabels: {},
      },
      expect.objectContaining({
        name: 'quote-latency',
        kind: 'latency',
        window: '7d',
        objective: 0.99,
        queries: {
          errorQuery:
            '(sum(rate(http_request_duration_seconds_count{job="quotes"}[$window])) - sum(rate(http_request_duration_seconds_bucket{job="quotes",le="0.25"}[$window])))',
          totalQuery:
            'sum(rate(http_request_duration_seconds_count{job="quotes"}[$window]))',
        },
        latency: {
          thresholdSeconds: 0.25,
          histogram: {
            metric: 'http_request_duration_seconds',
            matchers: 'job="quotes"',
            unit: 'seconds',
          },
        },
      }),
    ]);
  });

  it('gives nothing without the annotation', () => {
    expect(readEntityAnnotation(entity())).toEqual({
      definitions: [],
      errors: [],
    });
  });

  it.each([
    ['not json', 'is not valid JSON'],
    ['[]', 'must be a non-empty JSON array'],
    [
      '[{"objective":99.9}]',
      'item 0 is an availability SLO without errorQuery and totalQuery',
    ],
    [
      '[{"objective":100,"errorQuery":"a[$window]","totalQuery":"b[$window]"}]',
      'item 0 objective must be a percentage',
    ],
    [
      '[{"objective":99,"errorQuery":"a[5m]","totalQuery":"b[$window]"}]',
      'item 0 errorQuery must contain the window placeholder',
    ],
    [
      '[{"objective":99,"errorQuery":"a[$window]"}]',
      'item 0 needs both errorQuery and totalQuery, or neither',
    ],
    [
      '[{"objective":99,"kind":"latency","histogram":"h"}]',
      'item 0 is a latency SLO without thresholdMs',
    ],
    [
      '[{"objective":99,"kind":"latency","thresholdMs":200}]',
      'item 0 is a latency SLO without a histogram',
    ],
    [
      '[{"objective":99,"window":"a month","errorQuery":"a[$window]","totalQuery":"b[$window]"}]',
      'item 0 window must be a Prometheus duration',
    ],
    [
      '[{"objective":99,"errorQuery":"a[$window]","totalQuery":"b[$window]","target":1}]',
      'item 0 has an unknown field target',
    ],
    [
      '[{"objective":99,"errorQuery":"a[$window]","totalQuery":"b[$window]"},{"objective":98,"errorQuery":"a[$window]","totalQuery":"b[$window]"}]',
      'item 1 repeats the SLO availability',
    ],
  ])('reports %s as an error of the entity: %s', (value, message) => {
    const { definitions, errors } = readEntityAnnotation(entity(value));
    expect(definitions).toEqual([]);
    expect(errors).toEqual([
      {
        entityRef: 'component:default/quote-service',
        definedIn: 'component:default/quote-service',
        message: expect.stringContaining(message),
      },
    ]);
    expect(errors[0].message).toMatch(
      /^annotation cloud-native-platform\.io\/slo /,
    );
  });
});
