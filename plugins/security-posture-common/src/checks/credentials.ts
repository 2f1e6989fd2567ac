import { isKind } from '@cloud-native-platform/plugin-cloud-native-common';
import {
  CredentialKind,
  credentialKinds,
  isCredentialName,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { asArray, containerLabel } from '../kube';
import { Check, Hit } from './check';

const KIND_TEXT: Record<CredentialKind, string> = {
  'private-key': 'a private key',
  jwt: 'a JWT',
  'url-password': 'a URL with a password',
  'bearer-token': 'a bearer token',
  'basic-credentials': 'Basic credentials',
  'named-credential': 'a credential in a name=value pair',
  'service-token': 'a token of a known service',
  'random-token': 'a random token',
};

/**
 * What the shared redaction detectors find in a value, leaving out random
 * tokens: certificates, checksums and generated ids look random too, and
 * only a name or a shape tells a credential from them.
 */
function credentialsIn(value: string): string[] {
  return credentialKinds(value)
    .filter(kind => kind !== 'random-token')
    .map(kind => KIND_TEXT[kind]);
}

/**
 * Credentials stored where anyone who reads the configuration sees them: env
 * values of containers and ConfigMap data, judged by the platform's one
 * credential detector (the redaction rules of cloud-native-common).
 */
export const credentialChecks: Check[] = [
  {
    definition: {
      id: 'plaintext-credentials',
      title: 'Credentials in plaintext environment variables',
      severity: 'high',
      category: 'workload-hardening',
      description:
        "Credentials in env values are visible to anyone who can read the workload and end up in Git and logs. A value counts when the variable is named like a credential (the platform's redaction rules: password, secret, token, key, dsn, credential, …) or, under any name, when the redaction detectors find a private key, a URL with a password, a JWT, a bearer token, Basic credentials, a named credential or a known service token in it.",
      remediation:
        'Store the value in a Secret (or Vault) and reference it with valueFrom.secretKeyRef.',
      references: {
        nsa: 'Kubernetes secrets',
        cis: '5.4.1',
        mitre: 'T1552',
        kubescape: 'C-0012',
        polaris: ['sensitiveContainerEnvVar'],
      },
    },
    container(container) {
      if (container.kind === 'ephemeralContainer') {
        return undefined;
      }
      // The message names the variable but never echoes the value: findings
      // are shown to every reader of the report.
      const messages: string[] = [];
      for (const env of asArray(container.spec.env)) {
        if (typeof env?.name !== 'string' || typeof env.value !== 'string') {
          continue;
        }
        if (env.value === '' || env.valueFrom) {
          continue;
        }
        if (isCredentialName(env.name)) {
          messages.push(
            `${containerLabel(container)} sets ${
              env.name
            } as a plaintext value (env[].value)`,
          );
          continue;
        }
        const found = credentialsIn(env.value);
        if (found.length > 0) {
          messages.push(
            `${containerLabel(container)} sets ${env.name} to ${found.join(
              ' and ',
            )} (env[].value)`,
          );
        }
      }
      return messages;
    },
  },
  {
    definition: {
      id: 'configmap-credentials',
      title: 'Credentials in a ConfigMap',
      severity: 'high',
      category: 'workload-hardening',
      description:
        "ConfigMaps are not secret: anyone who can read the namespace's configuration, and every Git repository and backup they come from, sees their data. A value counts as a credential when its key is named like one (password, secret, token, key, …) or when the platform's redaction detectors find a private key, a JWT, a URL with a password, a bearer token, Basic credentials, a named credential or a known service token in it. Random-looking values alone do not count, so certificates and checksums pass. binaryData is not judged.",
      remediation:
        'Move the value to a Secret (or an external secret store) and mount or reference it from there.',
      references: {
        nsa: 'Kubernetes secrets',
        cis: '5.4.1',
        mitre: 'T1552',
        kubescape: 'C-0012',
        polaris: ['sensitiveConfigmapContent'],
      },
    },
    object(object) {
      if (!isKind(object, 'ConfigMap') || object.apiVersion !== 'v1') {
        return [];
      }
      // Parsed, not checked: the values may be anything.
      const data: Record<string, unknown> | undefined = object.data;
      if (!data || typeof data !== 'object') {
        return [];
      }
      // Messages name the key and what was found, never the value.
      const hits: Hit[] = [];
      for (const key of Object.keys(data).sort()) {
        const value = data[key];
        if (typeof value !== 'string' || value.trim() === '') {
          continue;
        }
        if (isCredentialName(key)) {
          hits.push({ message: `key ${key} is named like a credential` });
          continue;
        }
        const found = credentialsIn(value);
        if (found.length > 0) {
          hits.push({ message: `key ${key} holds ${found.join(' and ')}` });
        }
      }
      return hits;
    },
  },
];
