import { ratioRecord } from './sloRules';

/** What the dashboard shows. */
export interface DashboardOptions {
  name: string;
  namespace: string;
  /** PromQL label matchers of the service's own series, without braces. */
  matchers: string;
  requestsMetric: string;
  durationMetric: string;
  slos: Array<'availability' | 'latency'>;
}

function panel(
  id: number,
  title: string,
  unit: string,
  targets: Array<{ expr: string; legend: string }>,
  gridPos: { x: number; y: number },
) {
  return {
    id,
    type: 'timeseries',
    title,
    datasource: { type: 'prometheus', uid: '${datasource}' },
    gridPos: { h: 8, w: 12, ...gridPos },
    fieldConfig: { defaults: { unit }, overrides: [] },
    targets: targets.map((target, index) => ({
      refId: String.fromCharCode(65 + index),
      expr: target.expr,
      legendFormat: target.legend,
    })),
  };
}

/**
 * A Grafana dashboard of the service's traffic, errors, latency and SLO
 * burn, as the JSON the Grafana dashboard sidecar loads.
 */
export function buildDashboard(o: DashboardOptions): string {
  const m = o.matchers;
  const slo = (kind: string) => `service="${o.name}",slo="${kind}"`;
  const panels = [
    panel(
      1,
      'Requests per second',
      'reqps',
      [
        {
          expr: `sum by (code) (rate(${o.requestsMetric}{${m}}[5m]))`,
          legend: '{{code}}',
        },
      ],
      { x: 0, y: 0 },
    ),
    panel(
      2,
      'Latency',
      's',
      [0.5, 0.9, 0.99].map(q => ({
        expr: `histogram_quantile(${q}, sum by (le) (rate(${o.durationMetric}_bucket{${m}}[5m])))`,
        legend: `p${Math.round(q * 100)}`,
      })),
      { x: 12, y: 0 },
    ),
    panel(
      3,
      'Error ratio by window',
      'percentunit',
      o.slos.flatMap(kind =>
        ['5m', '1h', '6h', '1d'].map(window => ({
          expr: `${ratioRecord(window)}{${slo(kind)}}`,
          legend: `${kind} ${window}`,
        })),
      ),
      { x: 0, y: 8 },
    ),
    panel(
      4,
      'Error budget remaining (30d)',
      'percentunit',
      o.slos.map(kind => ({
        expr: `slo:error_budget_remaining:ratio{${slo(kind)}}`,
        legend: kind,
      })),
      { x: 12, y: 8 },
    ),
  ];
  const dashboard = {
    uid: `${o.namespace}-${o.name}`.slice(0, 40),
    title: `${o.name} (${o.namespace})`,
    tags: ['cloud-native-platform', 'slo'],
    editable: false,
    schemaVersion: 39,
    refresh: '1m',
    time: { from: 'now-6h', to: 'now' },
    templating: {
      list: [
        {
          name: 'datasource',
          type: 'datasource',
          query: 'prometheus',
          label: 'Data source',
        },
      ],
    },
    panels,
  };
  return `${JSON.stringify(dashboard, null, 2)}\n`;
}
