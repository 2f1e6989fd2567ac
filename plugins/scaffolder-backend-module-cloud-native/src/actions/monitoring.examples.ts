import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of cloud-native:monitoring:generate, each run by the tests. */
export const examples: TemplateExample[] = [
  {
    description:
      'A ServiceMonitor and availability and p99 latency SLOs with burn-rate alerts',
    example: yaml.stringify({
      steps: [
        {
          id: 'monitoring',
          action: 'cloud-native:monitoring:generate',
          name: 'Generate monitoring and SLO alerts',
          input: {
            name: 'checkout',
            namespace: 'commerce',
            slo: { availability: 99.9, latency: { thresholdMs: 300 } },
          },
        },
      ],
    }),
  },
  {
    description:
      'A PodMonitor scraping the Istio agent, a 99.99% availability objective and a runbook link',
    example: yaml.stringify({
      steps: [
        {
          id: 'monitoring',
          action: 'cloud-native:monitoring:generate',
          name: 'Generate monitoring for a tier-0 service',
          input: {
            name: 'trading-engine',
            namespace: 'trading',
            monitorKind: 'PodMonitor',
            interval: '15s',
            slo: { availability: 99.99 },
            runbookUrl: 'https://runbooks.example.com/trading-engine',
          },
        },
      ],
    }),
  },
];
