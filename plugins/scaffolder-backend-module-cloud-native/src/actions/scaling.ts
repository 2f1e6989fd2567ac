import {
  generateScaling,
  SCALING_DEFAULTS,
  ScalingOptions,
} from '../generators/scaling';
import { writeManifests } from '../generators/writeManifests';
import { createGenerateAction, FieldSchema } from './generateAction';
import { identityInput, objectInput, outputDirInput } from './inputs';
import { examples } from './scaling.examples';

const d = SCALING_DEFAULTS;

/** The scaling options besides name and namespace. */
export const scalingFields: Record<string, FieldSchema> = {
  minReplicas: z =>
    z
      .number()
      .int()
      .min(2)
      .optional()
      .describe(
        `Fewest replicas, at least 2; the PodDisruptionBudget keeps one fewer available. Defaults to ${d.minReplicas}`,
      ),
  maxReplicas: z =>
    z
      .number()
      .int()
      .min(2)
      .optional()
      .describe(
        `Most replicas, above minReplicas. Defaults to ${d.maxReplicas}`,
      ),
  cpuUtilization: z =>
    z
      .number()
      .int()
      .min(1)
      .max(100)
      .optional()
      .describe(
        `Average CPU utilisation to keep, in percent of the requests. Defaults to ${d.cpuUtilization}`,
      ),
  metric: z =>
    z
      .object({
        type: z
          .enum(['Pods', 'External'])
          .describe(
            'Pods: a per-pod custom metric; External: a metric from outside the cluster',
          ),
        name: z.string().describe('Metric name, such as orders_per_second'),
        averageValue: z
          .string()
          .describe(
            'Target value per pod, a Kubernetes quantity such as 100 or 500m',
          ),
        selector: z
          .record(z.string())
          .optional()
          .describe('Labels selecting the metric series (External)'),
        query: z
          .string()
          .optional()
          .describe(
            'KEDA only: PromQL of the trigger; defaults to sum(<name>{<selector>})',
          ),
      })
      .optional()
      .describe(
        'A metric to scale on besides CPU, such as the flash sale orders_per_second',
      ),
  engine: z =>
    z
      .enum(['hpa', 'keda'])
      .optional()
      .describe(
        'hpa writes a HorizontalPodAutoscaler (autoscaling/v2), keda a KEDA ScaledObject instead. Defaults to hpa',
      ),
  behavior: objectInput(
    {
      scaleUpStabilizationSeconds: z =>
        z
          .number()
          .int()
          .min(0)
          .max(3600)
          .optional()
          .describe(
            `Window over which scale-up recommendations are smoothed. Defaults to ${d.behavior.scaleUpStabilizationSeconds}`,
          ),
      scaleDownStabilizationSeconds: z =>
        z
          .number()
          .int()
          .min(0)
          .max(3600)
          .optional()
          .describe(
            `Window over which scale-down recommendations are smoothed. Defaults to ${d.behavior.scaleDownStabilizationSeconds}`,
          ),
      scaleUpPercent: z =>
        z
          .number()
          .int()
          .min(1)
          .max(1000)
          .optional()
          .describe(
            `Largest step up per 15 s in percent (or 4 pods, whichever is more). Defaults to ${d.behavior.scaleUpPercent}`,
          ),
      scaleDownPercent: z =>
        z
          .number()
          .int()
          .min(1)
          .max(100)
          .optional()
          .describe(
            `Largest step down per minute in percent. Defaults to ${d.behavior.scaleDownPercent}`,
          ),
    },
    'Scaling policies and stabilisation windows',
  ),
  prometheusAddress: z =>
    z
      .string()
      .optional()
      .describe(
        `KEDA only: Prometheus the trigger queries. Defaults to ${d.prometheusAddress}`,
      ),
};

/** Input of cloud-native:scaling:generate. */
export type ScalingActionInput = ScalingOptions & { outputDir?: string };

/** cloud-native:scaling:generate: autoscaling and disruption budget of a service. */
export function createScalingGenerateAction() {
  return createGenerateAction<ScalingActionInput>({
    id: 'cloud-native:scaling:generate',
    description:
      'Writes <outputDir>/scaling.yaml: a HorizontalPodAutoscaler (autoscaling/v2) on CPU and optionally a custom or external metric, with behavior policies and stabilization windows, or a KEDA ScaledObject instead; and a PodDisruptionBudget one pod below the minimum',
    examples,
    input: {
      ...identityInput,
      ...scalingFields,
      outputDir: outputDirInput('kubernetes'),
    },
    defaultOutputDir: 'kubernetes',
    generate: (input, header) => {
      const { outputDir: _, ...options } = input;
      return writeManifests(
        [{ path: 'scaling.yaml', manifests: generateScaling(options) }],
        header,
      );
    },
  });
}
