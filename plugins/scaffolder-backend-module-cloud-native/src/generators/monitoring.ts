import {
  checkDuration,
  checkInteger,
  checkPercent,
  checkServiceName,
  checkDnsLabel,
} from './checks';
import { buildDashboard } from './dashboard';
import { commonLabels, selectorLabels } from './labels';
import { KubeManifest, modelClasses } from './models';
import { ANNOTATION_SLO } from '@cloud-native-platform/plugin-cloud-native-common';
import { OptionsError } from './OptionsError';
import { burnRateAlerts, Objective, recordingRules } from './sloRules';

/** Options of {@link generateMonitoring}; defaults in {@link MONITORING_DEFAULTS}. */
export interface MonitoringOptions {
  name: string;
  namespace: string;
  /** ServiceMonitor scrapes through the Service, PodMonitor the pods. */
  monitorKind?: 'ServiceMonitor' | 'PodMonitor';
  /** Name of the Service port (ServiceMonitor) serving metrics. */
  portName?: string;
  metricsPath?: string;
  interval?: string;
  slo?: {
    /** Availability objective in percent over 30 days. */
    availability?: number;
    /** Latency objective: `target` percent of requests faster than `thresholdMs`. */
    latency?: { thresholdMs: number; target?: number };
  };
  requestsMetric?: string;
  durationMetric?: string;
  runbookUrl?: string;
}

/** Defaults of the monitoring options. */
export const MONITORING_DEFAULTS = {
  monitorKind: 'ServiceMonitor',
  portName: 'http',
  metricsPath: '/metrics',
  interval: '30s',
  availability: 99.9,
  latencyTarget: 99,
  requestsMetric: 'http_requests_total',
  durationMetric: 'http_request_duration_seconds',
} as const;

/**
 * The port of the Istio agent that serves the application's metrics merged
 * with Envoy's, outside mutual TLS; PodMonitors scrape it.
 */
export const ISTIO_MERGED_METRICS_PORT = 15020;

// Where istio-proxy, injected into Prometheus with its certificates written
// to a shared volume, leaves them (Istio's "Prometheus with mTLS" setup).
const MESH_CERTS = '/etc/prom-certs';

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

function checkMetric(value: string, field: string): string {
  if (!METRIC_NAME.test(value)) {
    throw new OptionsError(field, `'${value}' is not a Prometheus metric name`);
  }
  return value;
}

/** The `le` label value Prometheus client libraries give a bucket bound. */
export function bucketLabel(thresholdMs: number): string {
  return String(thresholdMs / 1000);
}

function alertPrefix(name: string): string {
  return name
    .split('-')
    .map(part => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/**
 * Monitoring of a service: a ServiceMonitor or PodMonitor, a PrometheusRule
 * with SLO recording rules and burn-rate alerts, and a Grafana dashboard as
 * a ConfigMap labelled for the dashboard sidecar.
 */
export function generateMonitoring(o: MonitoringOptions): KubeManifest[] {
  const d = MONITORING_DEFAULTS;
  const name = checkServiceName(o.name, 'name');
  const namespace = checkDnsLabel(o.namespace, 'namespace');
  const kind = o.monitorKind ?? d.monitorKind;
  const portName = checkDnsLabel(o.portName ?? d.portName, 'portName');
  const path = o.metricsPath ?? d.metricsPath;
  if (!/^\/[A-Za-z0-9/_.-]*$/.test(path)) {
    throw new OptionsError(
      'metricsPath',
      `'${path}' is not an absolute URL path`,
    );
  }
  const interval = checkDuration(o.interval ?? d.interval, 'interval');
  const requests = checkMetric(
    o.requestsMetric ?? d.requestsMetric,
    'requestsMetric',
  );
  const duration = checkMetric(
    o.durationMetric ?? d.durationMetric,
    'durationMetric',
  );
  const availability = checkPercent(
    o.slo?.availability ?? d.availability,
    'slo.availability',
  );
  const latency = o.slo?.latency && {
    thresholdMs: checkInteger(
      o.slo.latency.thresholdMs,
      'slo.latency.thresholdMs',
      1,
      600000,
    ),
    target: checkPercent(
      o.slo.latency.target ?? d.latencyTarget,
      'slo.latency.target',
    ),
  };
  const m = modelClasses();
  const labels = commonLabels(name);

  // The job label Prometheus Operator gives the targets: the Service name for
  // a ServiceMonitor, namespace/name of the PodMonitor otherwise.
  const job = kind === 'ServiceMonitor' ? name : `${namespace}/${name}`;
  const matchers = `namespace="${namespace}",job="${job}"`;
  const objectives: Objective[] = [
    {
      slo: 'availability',
      target: availability,
      errorRatio: w =>
        `sum(rate(${requests}{${matchers},code=~"5.."}[${w}]))\n/\nsum(rate(${requests}{${matchers}}[${w}]))`,
    },
  ];
  if (latency) {
    objectives.push({
      slo: 'latency',
      target: latency.target,
      errorRatio: w =>
        `1 - (\nsum(rate(${duration}_bucket{${matchers},le="${bucketLabel(
          latency.thresholdMs,
        )}"}[${w}]))\n/\nsum(rate(${duration}_count{${matchers}}[${w}]))\n)`,
    });
  }
  // The recorded ratios cannot be summed across clusters: the SLO backend
  // reads the event queries from this annotation (its catalog format).
  const sloQueries = [
    {
      kind: 'availability',
      objective: availability,
      errorQuery: `sum(rate(${requests}{${matchers},code=~"5.."}[$window]))`,
      totalQuery: `sum(rate(${requests}{${matchers}}[$window]))`,
    },
    ...(latency
      ? [
          {
            kind: 'latency',
            objective: latency.target,
            thresholdMs: latency.thresholdMs,
            histogram: duration,
            matchers,
            histogramUnit: 'seconds',
          },
        ]
      : []),
  ];
  const prefix = alertPrefix(name);
  const groups = objectives.flatMap(objective => [
    {
      name: `${name}-slo-${objective.slo}-recordings`,
      interval: '30s',
      rules: recordingRules(name, objective),
    },
    {
      name: `${name}-slo-${objective.slo}-alerts`,
      rules: burnRateAlerts(name, prefix, objective, o.runbookUrl),
    },
  ]);

  const metadata = { name, namespace, labels };
  const monitor =
    kind === 'ServiceMonitor'
      ? new m.ServiceMonitor({
          metadata,
          spec: {
            selector: { matchLabels: selectorLabels(name) },
            namespaceSelector: { matchNames: [namespace] },
            endpoints: [
              {
                port: portName,
                path,
                interval,
                // STRICT mTLS admits only mesh clients, so Prometheus
                // presents the workload certificate of its own sidecar.
                scheme: 'https',
                tlsConfig: {
                  caFile: `${MESH_CERTS}/root-cert.pem`,
                  certFile: `${MESH_CERTS}/cert-chain.pem`,
                  keyFile: `${MESH_CERTS}/key.pem`,
                  insecureSkipVerify: true,
                },
              },
            ],
          },
        })
      : new m.PodMonitor({
          metadata,
          spec: {
            selector: { matchLabels: selectorLabels(name) },
            namespaceSelector: { matchNames: [namespace] },
            podMetricsEndpoints: [
              {
                portNumber: ISTIO_MERGED_METRICS_PORT,
                path: '/stats/prometheus',
                interval,
              },
            ],
          },
        });
  return [
    monitor,
    new m.PrometheusRule({
      metadata: {
        ...metadata,
        annotations: { [ANNOTATION_SLO]: JSON.stringify(sloQueries) },
      },
      spec: { groups },
    }),
    new m.ConfigMap({
      metadata: {
        name: `${name}-dashboard`,
        namespace,
        labels: { ...labels, grafana_dashboard: '1' },
      },
      data: {
        [`${name}.json`]: buildDashboard({
          name,
          namespace,
          matchers,
          requestsMetric: requests,
          durationMetric: duration,
          slos: objectives.map(objective => objective.slo),
        }),
      },
    }),
  ];
}
