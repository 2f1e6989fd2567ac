import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of cloud-native:mesh:generate, each run by the tests. */
export const examples: TemplateExample[] = [
  {
    description:
      'Mesh objects for a service called by one service account and the ingress gateway namespace',
    example: yaml.stringify({
      steps: [
        {
          id: 'mesh',
          action: 'cloud-native:mesh:generate',
          name: 'Generate the Istio objects',
          input: {
            name: 'checkout',
            namespace: 'commerce',
            callers: ['sa:commerce/storefront', 'ns:istio-system'],
          },
        },
      ],
    }),
  },
  {
    description:
      'A canary taking 10% of the traffic, with tighter timeouts and retries',
    example: yaml.stringify({
      steps: [
        {
          id: 'mesh',
          action: 'cloud-native:mesh:generate',
          name: 'Generate the Istio objects with a canary split',
          input: {
            name: 'trading-engine',
            namespace: 'trading',
            port: 9090,
            callers: ['sa:trading/order-gateway'],
            timeout: '800ms',
            retries: { attempts: 2, perTryTimeout: '300ms' },
            canaryWeight: 10,
            outputDir: 'deploy/mesh',
          },
        },
      ],
    }),
  },
];
