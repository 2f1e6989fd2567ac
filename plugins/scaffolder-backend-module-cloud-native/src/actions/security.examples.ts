import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of cloud-native:security:generate, each run by the tests. */
export const examples: TemplateExample[] = [
  {
    description:
      'Default-deny networking, callers let in, the runtime default seccomp and AppArmor profiles',
    example: yaml.stringify({
      steps: [
        {
          id: 'security',
          action: 'cloud-native:security:generate',
          name: 'Generate security objects',
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
      'A seccomp profile of the Security Profiles Operator and egress to the payments namespace',
    example: yaml.stringify({
      steps: [
        {
          id: 'security',
          action: 'cloud-native:security:generate',
          name: 'Generate security objects with a Localhost profile',
          input: {
            name: 'trading-engine',
            namespace: 'trading',
            port: 9090,
            callers: ['sa:trading/order-gateway'],
            seccomp: {
              type: 'Localhost',
              localhostProfile: 'operator/trading/trading-engine.json',
            },
            appArmor: { type: 'Localhost', localhostProfile: 'trading-engine' },
            egressNamespaces: ['payments'],
          },
        },
      ],
    }),
  },
];
