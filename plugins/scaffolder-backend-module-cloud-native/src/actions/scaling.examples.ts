import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of cloud-native:scaling:generate, each run by the tests. */
export const examples: TemplateExample[] = [
  {
    description: 'CPU autoscaling between 3 and 12 replicas',
    example: yaml.stringify({
      steps: [
        {
          id: 'scaling',
          action: 'cloud-native:scaling:generate',
          name: 'Generate autoscaling',
          input: {
            name: 'checkout',
            namespace: 'commerce',
            minReplicas: 3,
            maxReplicas: 12,
          },
        },
      ],
    }),
  },
  {
    description:
      "The design document's flash sale: scale on orders per second, up by 200% every 15 s",
    example: yaml.stringify({
      steps: [
        {
          id: 'scaling',
          action: 'cloud-native:scaling:generate',
          name: 'Generate flash-sale autoscaling',
          input: {
            name: 'flash-sale',
            namespace: 'commerce',
            minReplicas: 100,
            maxReplicas: 5000,
            metric: {
              type: 'External',
              name: 'orders_per_second',
              averageValue: '5000',
              selector: { service: 'flash-sale' },
            },
            behavior: { scaleUpStabilizationSeconds: 60, scaleUpPercent: 200 },
          },
        },
      ],
    }),
  },
  {
    description:
      'The same scaling through a KEDA ScaledObject with a Prometheus trigger',
    example: yaml.stringify({
      steps: [
        {
          id: 'scaling',
          action: 'cloud-native:scaling:generate',
          name: 'Generate KEDA autoscaling',
          input: {
            name: 'flash-sale',
            namespace: 'commerce',
            engine: 'keda',
            minReplicas: 4,
            maxReplicas: 400,
            metric: {
              type: 'External',
              name: 'orders_per_second',
              averageValue: '50',
              query: 'sum(rate(orders_total{service="flash-sale"}[1m]))',
            },
          },
        },
      ],
    }),
  },
];
