import {
  generateMonitoring,
  MONITORING_DEFAULTS,
  MonitoringOptions,
} from '../generators/monitoring';
import { writeManifests } from '../generators/writeManifests';
import { createGenerateAction, FieldSchema } from './generateAction';
import {
  durationInput,
  identityInput,
  outputDirInput,
  sloInput,
} from './inputs';
import { examples } from './monitoring.examples';

const d = MONITORING_DEFAULTS;

/** The monitoring options besides name, namespace and SLOs. */
export const monitoringFields: Record<string, FieldSchema> = {
  monitorKind: z =>
    z
      .enum(['ServiceMonitor', 'PodMonitor'])
      .optional()
      .describe(
        "ServiceMonitor scrapes the Service port over mutual TLS with the certificates of Prometheus's sidecar; PodMonitor scrapes the Istio agent's merged metrics on port 15020. Defaults to ServiceMonitor",
      ),
  portName: z =>
    z
      .string()
      .optional()
      .describe(
        `Service port serving the metrics (ServiceMonitor). Defaults to ${d.portName}`,
      ),
  metricsPath: z =>
    z
      .string()
      .optional()
      .describe(
        `Path of the metrics (ServiceMonitor). Defaults to ${d.metricsPath}`,
      ),
  interval: durationInput(`Scrape interval. Defaults to ${d.interval}`),
  requestsMetric: z =>
    z
      .string()
      .optional()
      .describe(
        `Counter of requests with a code label. Defaults to ${d.requestsMetric}`,
      ),
  durationMetric: z =>
    z
      .string()
      .optional()
      .describe(
        `Histogram of request durations in seconds. Defaults to ${d.durationMetric}`,
      ),
  runbookUrl: z =>
    z.string().url().optional().describe('Runbook linked from every alert'),
};

/** Input of cloud-native:monitoring:generate. */
export type MonitoringActionInput = MonitoringOptions & { outputDir?: string };

/**
 * cloud-native:monitoring:generate: scraping, SLO rules and alerts, and a
 * Grafana dashboard of a service.
 */
export function createMonitoringGenerateAction() {
  return createGenerateAction<MonitoringActionInput>({
    id: 'cloud-native:monitoring:generate',
    description:
      'Writes <outputDir>/monitoring.yaml: a ServiceMonitor or PodMonitor, a PrometheusRule with SLO recording rules and multi-window multi-burn-rate alerts (1h/5m at 14.4x and 6h/30m at 6x page, 1d/2h at 3x and 3d/6h at 1x open a ticket), and a Grafana dashboard ConfigMap for the dashboard sidecar',
    examples,
    input: {
      ...identityInput,
      slo: sloInput,
      ...monitoringFields,
      outputDir: outputDirInput('kubernetes'),
    },
    defaultOutputDir: 'kubernetes',
    generate: (input, header) => {
      const { outputDir: _, ...options } = input;
      return writeManifests(
        [{ path: 'monitoring.yaml', manifests: generateMonitoring(options) }],
        header,
      );
    },
  });
}
