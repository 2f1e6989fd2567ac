import type { SlothPrometheusServiceLevel } from '@cloud-native-platform/plugin-cloud-native-common';
import { readSlothServiceLevel } from './readSlothServiceLevel';

const level = (
  spec: SlothPrometheusServiceLevel['spec'],
): SlothPrometheusServiceLevel => ({
  apiVersion: 'sloth.slok.dev/v1',
  kind: 'PrometheusServiceLevel',
  metadata: { name: 'trading-engine', namespace: 'trading' },
  spec,
});

describe('readSlothServiceLevel', () => {
  it('reads event and raw SLIs with their objective, window and alert name', () => {
    const { definitions, errors } = readSlothServiceLevel(
      level({
        service: 'trading-engine',
        slos: [
          {
            name: 'requests-availability',
            objective: 99.99,
            sli: {
              events: {
                errorQuery:
                  'sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))',
                totalQuery: 'sum(rate(http_requests_total[{{.window}}]))',
              },
            },
            alerting: {
              name: 'TradingEngineHighErrorRate',
              pageAlert: { labels: { severity: 'page' } },
            },
          },
          {
            name: 'order-latency',
            objective: 99,
            sli: { raw: { errorRatioQuery: 'slow:ratio_rate{{.window}}' } },
            alerting: {
              name: 'Ignored',
              pageAlert: { disable: true },
              ticketAlert: { disable: true },
            },
          },
        ],
      }),
      'prod-east-a',
    );
    expect(errors).toEqual([]);
    expect(definitions).toEqual([
      {
        service: 'trading-engine',
        name: 'requests-availability',
        kind: 'availability',
        source: 'sloth',
        definedIn:
          'prod-east-a/trading/PrometheusServiceLevel/trading-engine#requests-availability',
        objective: 0.9999,
        window: '30d',
        queries: {
          errorQuery:
            'sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))',
          totalQuery: 'sum(rate(http_requests_total[{{.window}}]))',
        },
        alertRules: ['TradingEngineHighErrorRate'],
        alertLabels: {
          sloth_service: 'trading-engine',
          sloth_slo: 'requests-availability',
        },
        cluster: 'prod-east-a',
      },
      expect.objectContaining({
        name: 'order-latency',
        kind: 'latency',
        objective: 0.99,
        queries: { errorRatioQuery: 'slow:ratio_rate{{.window}}' },
        alertRules: [],
      }),
    ]);
  });

  it('reports each unreadable SLO and keeps its siblings', () => {
    const { definitions, errors } = readSlothServiceLevel(
      level({
        service: 'trading-engine',
        slos: [
          { name: 'no-objective', sli: { raw: { errorRatioQuery: 'x' } } },
          {
            name: 'too-high',
            objective: 100,
            sli: { raw: { errorRatioQuery: 'x' } },
          },
          {
            name: 'no-window',
            objective: 99,
            sli: { events: { errorQuery: 'a[5m]', totalQuery: 'b[5m]' } },
          },
          {
            name: 'plugin',
            objective: 99,
            sli: {
              plugin: { id: 'sloth-common/kubernetes/apiserver/availability' },
            },
          },
          { objective: 99, sli: { raw: { errorRatioQuery: 'x' } } },
          {
            name: 'fine',
            objective: 99.5,
            sli: { raw: { errorRatioQuery: 'x' } },
          },
        ],
      }),
      'prod-east-a',
    );
    expect(definitions.map(d => d.name)).toEqual(['fine']);
    expect(errors.map(e => e.message)).toEqual([
      'spec.slos[0].objective must be a percentage between 0 and 100, got undefined',
      'spec.slos[1].objective must be a percentage between 0 and 100, got 100',
      'spec.slos[2].sli.events queries must use the {{.window}} placeholder',
      'spec.slos[3] uses the SLI plugin sloth-common/kubernetes/apiserver/availability, whose queries are not known here',
      'spec.slos[4].name is missing',
    ]);
    expect(errors[0]).toMatchObject({
      cluster: 'prod-east-a',
      service: 'trading-engine',
      definedIn:
        'prod-east-a/trading/PrometheusServiceLevel/trading-engine#no-objective',
    });
  });

  it('refuses an object without a service or SLOs', () => {
    expect(readSlothServiceLevel(level({ slos: [] }), 'c').errors).toEqual([
      expect.objectContaining({ message: 'spec.service is missing' }),
    ]);
    expect(readSlothServiceLevel(level({ service: 's' }), 'c').errors).toEqual([
      expect.objectContaining({ message: 'spec.slos is empty' }),
    ]);
  });
});
