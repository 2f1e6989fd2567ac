import type { Ingress } from '@cloud-native-platform/plugin-cloud-native-common';
import { KubeObject, asArray } from '../kube';
import { Check } from './check';

const INSTANCE_LABEL = 'app.kubernetes.io/instance';

function isIngress(object: KubeObject): object is Ingress {
  const apiVersion = object.apiVersion ?? '';
  return (
    object.kind === 'Ingress' &&
    (apiVersion.startsWith('networking.k8s.io/') ||
      apiVersion.startsWith('extensions/'))
  );
}

/** Hosts of the rules that no TLS entry names, when every entry names hosts. */
function hostsWithoutTls(spec: Ingress['spec']): string[] {
  const entries = asArray(spec?.tls);
  if (entries.some(entry => asArray(entry?.hosts).length === 0)) {
    // An entry without hosts holds the controller's default certificate.
    return [];
  }
  const covered = new Set(entries.flatMap(entry => asArray(entry.hosts)));
  const hosts = asArray(spec?.rules)
    .map(rule => rule?.host)
    .filter((host): host is string => typeof host === 'string' && host !== '');
  return [...new Set(hosts)].filter(host => !covered.has(host));
}

/**
 * Checks on how objects are configured beyond their pod template: Ingress
 * TLS, and the label tools identify an application instance by.
 */
export const configurationChecks: Check[] = [
  {
    definition: {
      id: 'ingress-tls-missing',
      title: 'Ingress without TLS',
      severity: 'medium',
      category: 'network',
      description:
        "An Ingress without spec.tls serves its hosts over plain HTTP, so credentials and session cookies cross the network readable by anyone on the path. Also reported: hosts of the rules that none of the TLS entries names, which Polaris's check (it asks only for spec.tls) lets pass.",
      remediation:
        'Add spec.tls with every host of the rules and a Secret holding its certificate (cert-manager can issue it).',
      references: {
        nsa: 'Network separation and hardening',
        mitre: 'T1557',
        polaris: ['tlsSettingsMissing'],
      },
    },
    object(object) {
      if (!isIngress(object)) {
        return [];
      }
      if (asArray(object.spec?.tls).length === 0) {
        return [{ message: 'Ingress has no TLS (spec.tls unset)' }];
      }
      const missing = hostsWithoutTls(object.spec);
      return missing.length > 0
        ? [
            {
              message: `host${missing.length > 1 ? 's' : ''} ${missing.join(
                ', ',
              )} of the rules ${
                missing.length > 1 ? 'are' : 'is'
              } in no spec.tls entry`,
            },
          ]
        : [];
    },
  },
  {
    definition: {
      id: 'metadata-instance-mismatch',
      title: 'Instance label differs from the name',
      severity: 'low',
      category: 'reliability',
      description: `The ${INSTANCE_LABEL} label identifies the instance of an application; on a controller whose name it does not match, tools that group objects by it (dashboards, Argo CD, Helm) attribute the workload to another instance. Polaris also fails a controller without the label; this check does not, because the recommended labels are optional.`,
      remediation: `Set ${INSTANCE_LABEL} to the controller's metadata.name, or remove it.`,
      references: { polaris: ['metadataAndInstanceMismatched'] },
    },
    workload(workload) {
      const { metadata } = workload.object;
      const instance = metadata.labels?.[INSTANCE_LABEL];
      return instance !== undefined && instance !== metadata.name
        ? [
            `label ${INSTANCE_LABEL} is ${instance}, not the name ${metadata.name}`,
          ]
        : [];
    },
  },
];
