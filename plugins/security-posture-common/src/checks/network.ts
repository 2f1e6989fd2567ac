import type { NetworkPolicy } from '@cloud-native-platform/plugin-cloud-native-common';
import { asArray } from '../kube';
import { Check } from './check';
import { describeLabels, isEmptySelector } from './labelSelector';
import { podMetadataOf } from './podMetadata';

// Kubernetes' own namespaces: their components come with the distribution,
// and a default-deny there breaks DNS and node leases rather than protect.
const SYSTEM_NAMESPACES = new Set([
  'kube-system',
  'kube-public',
  'kube-node-lease',
]);

const NETWORK_POLICIES = 'Network separation and hardening: network policies';

/**
 * Whether a policy isolates every pod of its namespace for ingress and lets
 * nothing in. Without policyTypes, Kubernetes always includes Ingress.
 */
function isDefaultDenyIngress(policy: NetworkPolicy): boolean {
  const spec = policy.spec ?? {};
  return (
    isEmptySelector(spec.podSelector) &&
    governsIngress(policy) &&
    asArray(spec.ingress).length === 0
  );
}

/**
 * Whether a policy isolates the pods it selects for ingress: listed in
 * policyTypes, or (without policyTypes, an empty list alike) always, as
 * Kubernetes defaults it.
 * An Egress-only policy leaves their ingress open.
 */
function governsIngress(policy: NetworkPolicy): boolean {
  const types = policy.spec?.policyTypes;
  return (
    !Array.isArray(types) || types.length === 0 || types.includes('Ingress')
  );
}

/** NetworkPolicy checks: default deny per namespace, coverage per workload. */
export const networkChecks: Check[] = [
  {
    definition: {
      id: 'network-default-deny-missing',
      title: 'No default-deny NetworkPolicy',
      severity: 'medium',
      category: 'network',
      description:
        'Without a default-deny ingress policy, every pod of the namespace that no other policy selects, including the next one deployed, accepts connections from anywhere in the cluster.',
      remediation:
        'Add a NetworkPolicy with podSelector {}, policyTypes [Ingress] (and Egress) and no rules, then allow the flows each workload needs.',
      references: { nsa: NETWORK_POLICIES, cis: '5.3.2', kubescape: 'C-0206' },
    },
    object(object, { index }) {
      if (
        object.kind !== 'Namespace' ||
        object.apiVersion !== 'v1' ||
        SYSTEM_NAMESPACES.has(object.metadata.name)
      ) {
        return [];
      }
      const policies = index.networkPolicies.get(object.metadata.name);
      if (policies?.namespaceWide.some(isDefaultDenyIngress)) {
        return [];
      }
      const count =
        (policies?.namespaceWide.length ?? 0) + (policies?.selected.size ?? 0);
      return [
        {
          message: `no NetworkPolicy with podSelector {}, policyTypes Ingress and no ingress rules (${count} NetworkPolic${
            count === 1 ? 'y' : 'ies'
          } in the namespace)`,
        },
      ];
    },
  },
  {
    definition: {
      id: 'network-policy-missing',
      title: 'Pods selected by no NetworkPolicy',
      severity: 'medium',
      category: 'network',
      description:
        'Pods that no NetworkPolicy restricting ingress selects accept traffic from every pod and node of the cluster: a compromised neighbour reaches them directly. Any policy that selects the pods and governs their ingress counts, namespace-wide ones and matchExpressions included; an Egress-only policy does not. Polaris asks instead for a policy naming the pod labels in matchLabels with both ingress and egress rules; ingress is what keeps a neighbour out, so that is what this check asks for.',
      remediation:
        'Add a default-deny NetworkPolicy to the namespace and a policy that selects these pods and allows only their clients.',
      references: {
        nsa: NETWORK_POLICIES,
        cis: '5.3.2',
        kubescape: 'C-0260',
        polaris: ['missingNetworkPolicy'],
      },
    },
    workload(workload, { index }) {
      const namespace = workload.object.metadata.namespace ?? 'default';
      // NetworkPolicies do not apply to pods on the host network.
      if (
        SYSTEM_NAMESPACES.has(namespace) ||
        workload.podSpec.hostNetwork === true
      ) {
        return [];
      }
      const { labels } = podMetadataOf(workload);
      const policies = index.networkPolicies.get(namespace);
      const selecting = [
        ...(policies?.namespaceWide ?? []),
        ...(policies?.selected.matching(labels) ?? []),
      ];
      if (selecting.some(governsIngress)) {
        return [];
      }
      const pods = describeLabels(labels);
      if (selecting.length === 0) {
        return [`no NetworkPolicy in ${namespace} selects ${pods}`];
      }
      const names = selecting.map(p => p.metadata.name).sort();
      return [
        `no NetworkPolicy in ${namespace} restricts ingress to ${pods}: ${names.join(
          ', ',
        )} ${names.length === 1 ? 'is' : 'are'} Egress only`,
      ];
    },
  },
];
