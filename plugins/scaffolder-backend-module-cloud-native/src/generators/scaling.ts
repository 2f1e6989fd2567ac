import { checkDnsLabel, checkInteger, checkServiceName } from './checks';
import { commonLabels, selectorLabels } from './labels';
import { KubeManifest, modelClasses } from './models';
import { OptionsError } from './OptionsError';

/**
 * A metric besides CPU to scale on: `Pods` for a per-pod custom metric,
 * `External` for one from outside the cluster, such as the design
 * document's flash-sale `orders_per_second`.
 */
export interface ScalingMetric {
  type: 'Pods' | 'External';
  name: string;
  /** Target value per pod, a Kubernetes quantity such as `100` or `500m`. */
  averageValue: string;
  /** Labels that select the External metric's series. */
  selector?: Record<string, string>;
  /** KEDA only: the PromQL query the trigger evaluates; defaults to `sum(<name>{selector})`. */
  query?: string;
}

/** Options of {@link generateScaling}; defaults in {@link SCALING_DEFAULTS}. */
export interface ScalingOptions {
  name: string;
  namespace: string;
  minReplicas?: number;
  maxReplicas?: number;
  /** Average CPU utilisation, in percent of the requests, to keep. */
  cpuUtilization?: number;
  metric?: ScalingMetric;
  /** `hpa` writes a HorizontalPodAutoscaler; `keda` a KEDA ScaledObject instead. */
  engine?: 'hpa' | 'keda';
  behavior?: {
    scaleUpStabilizationSeconds?: number;
    scaleDownStabilizationSeconds?: number;
    /** Largest step up per 15 s, in percent of the current replicas. */
    scaleUpPercent?: number;
    /** Largest step down per minute, in percent of the current replicas. */
    scaleDownPercent?: number;
  };
  /** KEDA only: Prometheus the trigger queries. */
  prometheusAddress?: string;
}

/** Defaults of the scaling options. */
export const SCALING_DEFAULTS = {
  minReplicas: 2,
  maxReplicas: 10,
  cpuUtilization: 70,
  engine: 'hpa',
  behavior: {
    scaleUpStabilizationSeconds: 0,
    scaleDownStabilizationSeconds: 300,
    scaleUpPercent: 100,
    scaleDownPercent: 10,
  },
  prometheusAddress: 'http://prometheus-operated.monitoring.svc:9090',
} as const;

const QUANTITY = /^[0-9]+(\.[0-9]+)?(m|k|M|G|Ki|Mi|Gi)?$/;
const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** Replica bounds checked against each other, and the matching disruption budget. */
export function replicaBounds(
  minReplicas: number,
  maxReplicas: number,
): { minReplicas: number; maxReplicas: number; minAvailable: number } {
  // Two pods at least: with one, a PodDisruptionBudget either blocks every
  // node drain or protects nothing.
  checkInteger(minReplicas, 'minReplicas', 2, 10000);
  checkInteger(maxReplicas, 'maxReplicas', 2, 10000);
  // Equal bounds leave the autoscaler nothing to do: the service cannot
  // grow under load, and the HPA only hides a fixed replica count.
  if (minReplicas >= maxReplicas) {
    throw new OptionsError(
      'minReplicas',
      `${minReplicas} is not below maxReplicas (${maxReplicas})`,
    );
  }
  // One pod fewer than the autoscaler's floor, so a drain can always evict
  // one pod even when the service runs at its minimum.
  return { minReplicas, maxReplicas, minAvailable: minReplicas - 1 };
}

function checkMetric(metric: ScalingMetric): ScalingMetric {
  if (!METRIC_NAME.test(metric.name)) {
    throw new OptionsError(
      'metric.name',
      `'${metric.name}' is not a metric name`,
    );
  }
  if (!QUANTITY.test(metric.averageValue)) {
    throw new OptionsError(
      'metric.averageValue',
      `'${metric.averageValue}' is not a Kubernetes quantity such as 100 or 500m`,
    );
  }
  return metric;
}

function selectorText(selector: Record<string, string> | undefined): string {
  const pairs = Object.entries(selector ?? {}).map(([k, v]) => `${k}="${v}"`);
  return pairs.length > 0 ? `{${pairs.join(',')}}` : '';
}

/**
 * Autoscaling of a service's Deployment: a HorizontalPodAutoscaler
 * (autoscaling/v2) on CPU and optionally one more metric, with scale-up and
 * scale-down policies and stabilisation windows, or the same as a KEDA
 * ScaledObject; and a PodDisruptionBudget one pod below the minimum.
 */
export function generateScaling(o: ScalingOptions): KubeManifest[] {
  const d = SCALING_DEFAULTS;
  const name = checkServiceName(o.name, 'name');
  const namespace = checkDnsLabel(o.namespace, 'namespace');
  const bounds = replicaBounds(
    o.minReplicas ?? d.minReplicas,
    o.maxReplicas ?? d.maxReplicas,
  );
  const cpu = checkInteger(
    o.cpuUtilization ?? d.cpuUtilization,
    'cpuUtilization',
    1,
    100,
  );
  const metric = o.metric && checkMetric(o.metric);
  const b = { ...d.behavior, ...o.behavior };
  checkInteger(
    b.scaleUpStabilizationSeconds,
    'behavior.scaleUpStabilizationSeconds',
    0,
    3600,
  );
  checkInteger(
    b.scaleDownStabilizationSeconds,
    'behavior.scaleDownStabilizationSeconds',
    0,
    3600,
  );
  checkInteger(b.scaleUpPercent, 'behavior.scaleUpPercent', 1, 1000);
  checkInteger(b.scaleDownPercent, 'behavior.scaleDownPercent', 1, 100);
  const m = modelClasses();
  const labels = commonLabels(name);
  const metadata = { name, namespace, labels };
  const target = { apiVersion: 'apps/v1', kind: 'Deployment', name };
  const behavior = {
    scaleUp: {
      stabilizationWindowSeconds: b.scaleUpStabilizationSeconds,
      // Whichever adds more: a percentage for large fleets, four pods for
      // small ones, so a flash sale is not throttled at two replicas.
      selectPolicy: 'Max',
      policies: [
        { type: 'Percent', value: b.scaleUpPercent, periodSeconds: 15 },
        { type: 'Pods', value: 4, periodSeconds: 15 },
      ],
    },
    scaleDown: {
      stabilizationWindowSeconds: b.scaleDownStabilizationSeconds,
      selectPolicy: 'Min',
      policies: [
        { type: 'Percent', value: b.scaleDownPercent, periodSeconds: 60 },
      ],
    },
  };

  const objects: KubeManifest[] = [];
  if ((o.engine ?? d.engine) === 'keda') {
    const address = o.prometheusAddress ?? d.prometheusAddress;
    if (!/^https?:\/\/[^\s]+$/.test(address)) {
      throw new OptionsError(
        'prometheusAddress',
        `'${address}' is not an http(s) URL`,
      );
    }
    objects.push(
      new m.ScaledObject({
        metadata,
        spec: {
          scaleTargetRef: target,
          minReplicaCount: bounds.minReplicas,
          maxReplicaCount: bounds.maxReplicas,
          advanced: { horizontalPodAutoscalerConfig: { behavior } },
          triggers: [
            {
              type: 'cpu',
              metricType: 'Utilization',
              metadata: { value: String(cpu) },
            },
            ...(metric
              ? [
                  {
                    type: 'prometheus',
                    metadata: {
                      serverAddress: address,
                      query:
                        metric.query ??
                        `sum(${metric.name}${selectorText(metric.selector)})`,
                      threshold: metric.averageValue,
                    },
                  },
                ]
              : []),
          ],
        },
      }),
    );
  } else {
    const extra =
      metric?.type === 'External'
        ? {
            type: 'External',
            external: {
              metric: {
                name: metric.name,
                ...(metric.selector && {
                  selector: { matchLabels: metric.selector },
                }),
              },
              target: {
                type: 'AverageValue',
                averageValue: metric.averageValue,
              },
            },
          }
        : metric && {
            type: 'Pods',
            pods: {
              metric: { name: metric.name },
              target: {
                type: 'AverageValue',
                averageValue: metric.averageValue,
              },
            },
          };
    objects.push(
      new m.HorizontalPodAutoscaler({
        metadata,
        spec: {
          scaleTargetRef: target,
          minReplicas: bounds.minReplicas,
          maxReplicas: bounds.maxReplicas,
          metrics: [
            {
              type: 'Resource',
              resource: {
                name: 'cpu',
                target: { type: 'Utilization', averageUtilization: cpu },
              },
            },
            ...(extra ? [extra] : []),
          ],
          behavior,
        },
      }),
    );
  }
  objects.push(
    new m.PodDisruptionBudget({
      metadata,
      spec: {
        minAvailable: bounds.minAvailable,
        selector: { matchLabels: selectorLabels(name) },
      },
    }),
  );
  return objects;
}
