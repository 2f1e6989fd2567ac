import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of cloud-native:service:generate, each run by the tests. */
export const examples: TemplateExample[] = [
  {
    description:
      'A new service with the default wiring and its own catalog-info.yaml',
    example: yaml.stringify({
      steps: [
        {
          id: 'wiring',
          action: 'cloud-native:service:generate',
          name: 'Wire the service for the platform',
          input: {
            name: 'checkout',
            namespace: 'commerce',
            image: 'registry.example.com/commerce/checkout:1.0.0',
            owner: 'group:default/commerce-team',
            callers: ['sa:commerce/storefront'],
            slo: { availability: 99.9, latency: { thresholdMs: 300 } },
          },
        },
      ],
    }),
  },
  {
    description:
      'A tier-0 service in an existing namespace, three environments on named clusters',
    example: yaml.stringify({
      steps: [
        {
          id: 'wiring',
          action: 'cloud-native:service:generate',
          name: 'Wire the service into its repository',
          input: {
            name: 'trading-engine',
            namespace: 'trading',
            image: 'registry.example.com/trading/trading-engine:3.2.1',
            owner: 'group:default/trading-team',
            system: 'core-trading',
            lifecycle: 'production',
            port: 9090,
            createNamespace: false,
            callers: ['sa:trading/order-gateway'],
            slo: { availability: 99.99, latency: { thresholdMs: 95 } },
            scaling: { minReplicas: 4, maxReplicas: 40 },
            monitoring: { monitorKind: 'PodMonitor' },
            environments: {
              staging: { clusters: ['staging'] },
              production: { clusters: ['prod-east-a', 'prod-east-b'] },
              'disaster-recovery': { clusters: ['dr-west'] },
            },
            catalog: { healingMode: 'enforce', rto: '15s', rpo: '0s' },
            outputDir: 'deploy',
          },
        },
      ],
    }),
  },
];
