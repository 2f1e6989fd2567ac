import {
  containerSecurityContext,
  generateSecurity,
  podSecurityContext,
  SecurityOptions,
} from '../generators/security';
import { writeManifests } from '../generators/writeManifests';
import { createGenerateAction, FieldSchema } from './generateAction';
import {
  callersInput,
  identityInput,
  outputDirInput,
  portInput,
  scraperInput,
} from './inputs';
import { examples } from './security.examples';

function profileInput(what: string): FieldSchema {
  return z =>
    z
      .object({
        type: z
          .enum(['RuntimeDefault', 'Localhost'])
          .describe('RuntimeDefault, or Localhost for a profile on the node'),
        localhostProfile: z
          .string()
          .optional()
          .describe(
            'Localhost only: path of the profile, relative to the kubelet profile directory (operator/<namespace>/<name>.json for the Security Profiles Operator)',
          ),
      })
      .optional()
      .describe(`${what} profile of the pod. Defaults to RuntimeDefault`);
}

/** The security options besides name, namespace, port and callers. */
export const securityFields: Record<string, FieldSchema> = {
  seccomp: profileInput('Seccomp'),
  appArmor: profileInput('AppArmor'),
  runAsUser: z =>
    z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('Non-root user (and group) the pod runs as. Defaults to 10001'),
  egressNamespaces: z =>
    z
      .array(z.string())
      .optional()
      .describe(
        'Namespaces the service may connect to, besides DNS and istiod',
      ),
  scraper: scraperInput,
};

/** Input of cloud-native:security:generate. */
export type SecurityActionInput = SecurityOptions & { outputDir?: string };

/**
 * cloud-native:security:generate: the identity and network isolation of a
 * service, and the restricted security contexts for its pods.
 */
export function createSecurityGenerateAction() {
  return createGenerateAction<SecurityActionInput>({
    id: 'cloud-native:security:generate',
    description:
      'Writes <outputDir>/security.yaml: a ServiceAccount without token automount, a default-deny NetworkPolicy and one allowing the callers, Prometheus, DNS and istiod. Outputs the restricted pod and container security contexts (seccomp, AppArmor, non-root, read-only root, no capabilities) as extra.podSecurityContext and extra.containerSecurityContext',
    examples,
    input: {
      ...identityInput,
      port: portInput,
      callers: callersInput,
      ...securityFields,
      outputDir: outputDirInput('kubernetes'),
    },
    defaultOutputDir: 'kubernetes',
    generate: (input, header) => {
      const { outputDir: _, ...options } = input;
      return writeManifests(
        [{ path: 'security.yaml', manifests: generateSecurity(options) }],
        header,
      );
    },
    outputs: input => ({
      podSecurityContext: podSecurityContext(input),
      containerSecurityContext: containerSecurityContext(),
    }),
  });
}
