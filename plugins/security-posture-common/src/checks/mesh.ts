import type {
  AuthorizationPolicy,
  DestinationRule,
  KubeKinds,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { KubeObject, Workload, asArray } from '../kube';
import { Check, CheckContext } from './check';
import { hasAuthorizationPolicy } from './authorizationPolicies';
import { MESH_ROOT_NAMESPACE, workloadKey } from './clusterIndex';
import { Labels } from './labelSelector';
import {
  MtlsPosture,
  effectiveMtls,
  mtlsFindings,
  policyWeakenings,
} from './peerAuthentication';
import { isMeshWorkload } from './meshMembership';
import { podMetadataOf } from './podMetadata';

const ENCRYPTION = 'Network separation and hardening: encryption';

interface MeshWorkload {
  namespace: string;
  labels: Labels;
  mtls: MtlsPosture;
}

// Three checks read the same resolution for each workload; one call of
// runChecks creates each Workload once, so a weak cache lives exactly as long
// as the call needs it.
const resolved = new WeakMap<Workload, MeshWorkload | null>();

function meshWorkload(
  workload: Workload,
  { index }: CheckContext,
): MeshWorkload | undefined {
  const cached = resolved.get(workload);
  if (cached !== undefined) {
    return cached ?? undefined;
  }
  const namespace = workload.object.metadata.namespace ?? 'default';
  const namespaceLabels = index.namespaces.get(namespace)?.metadata.labels;
  let result: MeshWorkload | null = null;
  const pods = index.podSidecars.get(workloadKey(workload.object));
  if (isMeshWorkload(workload, namespaceLabels, pods)) {
    const { labels } = podMetadataOf(workload);
    result = {
      namespace,
      labels,
      mtls: effectiveMtls(index, namespace, labels),
    };
  }
  resolved.set(workload, result);
  return result ?? undefined;
}

type IstioKind =
  | 'AuthorizationPolicy'
  | 'DestinationRule'
  | 'PeerAuthentication';

function isIstio<K extends IstioKind>(
  object: KubeObject,
  kind: K,
): object is KubeObject & KubeKinds[K] {
  return (
    object.kind === kind &&
    /^(security|networking)\.istio\.io\//.test(object.apiVersion ?? '')
  );
}

/**
 * The namespace a DestinationRule host names, `*` for every namespace, or
 * undefined for a host outside the cluster. Short names are relative to the
 * rule's namespace, as Istio reads them.
 */
function hostNamespace(
  host: string,
  ruleNamespace: string,
  context: CheckContext,
): string | undefined {
  const parts = host.split('.');
  if (parts.length === 1) {
    return host === '*' ? '*' : ruleNamespace;
  }
  if (parts[2] === 'svc') {
    return parts[1] === '*' ? '*' : parts[1];
  }
  if (/^\*\.(svc\.)?cluster\.local$|^\*\.local$/.test(host)) {
    return '*';
  }
  // `name.namespace` is a service when that namespace exists.
  if (parts.length === 2 && context.index.namespaces.has(parts[1])) {
    return parts[1];
  }
  return undefined;
}

const WEAK_TLS = new Set(['DISABLE', 'SIMPLE']);

/**
 * Whether the objects say the namespace is in the mesh (`mesh`), outside it
 * (`outside`: its Namespace is among them without injection), or nothing
 * (`unknown`: an audit of a DestinationRule alone).
 */
function meshStanding(
  target: string,
  context: CheckContext,
): 'mesh' | 'outside' | 'unknown' {
  const { meshNamespaces, namespaces } = context.index;
  if (target === '*') {
    if (meshNamespaces.size > 0) return 'mesh';
    return namespaces.size > 0 ? 'outside' : 'unknown';
  }
  if (meshNamespaces.has(target)) return 'mesh';
  return namespaces.has(target) ? 'outside' : 'unknown';
}

function mtlsPolicyHits(object: KubeObject, mode: string) {
  if (!isIstio(object, 'PeerAuthentication')) {
    return [];
  }
  return policyWeakenings(object)
    .filter(weakening => weakening.mode === mode)
    .map(({ message }) => ({ message }));
}

/** The TLS fields of a DestinationRule traffic policy (top level or subset). */
interface TlsSettings {
  tls?: { mode?: string };
  portLevelSettings?: Array<{
    port?: { number?: number };
    tls?: { mode?: string };
  }>;
}

function isWeak(mode: string | undefined): mode is string {
  return mode !== undefined && WEAK_TLS.has(mode);
}

function weakTlsSettings(
  spec: DestinationRule['spec'],
): Array<{ path: string; mode: string }> {
  const found: Array<{ path: string; mode: string }> = [];
  const visit = (policy: TlsSettings | undefined, path: string) => {
    const mode = policy?.tls?.mode;
    if (isWeak(mode)) {
      found.push({ path: `${path}.tls.mode`, mode });
    }
    for (const port of asArray(policy?.portLevelSettings)) {
      const number = port?.port?.number ?? '?';
      const portMode = port?.tls?.mode;
      if (isWeak(portMode)) {
        found.push({
          path: `${path}.portLevelSettings[port ${number}].tls.mode`,
          mode: portMode,
        });
      }
    }
  };
  visit(spec?.trafficPolicy, 'trafficPolicy');
  for (const subset of asArray(spec?.subsets)) {
    visit(
      subset?.trafficPolicy,
      `subsets[${subset?.name ?? '?'}].trafficPolicy`,
    );
  }
  return found;
}

function isEmptyList(value: unknown): boolean {
  return !Array.isArray(value) || value.length === 0;
}

function policyScope(policy: AuthorizationPolicy): string {
  const spec = policy.spec ?? {};
  const matchLabels: Record<string, string> = spec.selector?.matchLabels ?? {};
  const pairs = Object.keys(matchLabels)
    .sort()
    .map(key => `${key}=${matchLabels[key]}`);
  if (pairs.length > 0) {
    return `every workload labelled ${pairs.join(', ')}${
      policy.metadata.namespace === MESH_ROOT_NAMESPACE
        ? ' in any namespace'
        : ''
    }`;
  }
  if (spec.targetRef || !isEmptyList(spec.targetRefs)) {
    return 'its targets';
  }
  return policy.metadata.namespace === MESH_ROOT_NAMESPACE
    ? 'every workload of the mesh'
    : `every workload of namespace ${policy.metadata.namespace}`;
}

/** Istio checks: mutual TLS and authorization of the workloads in the mesh. */
export const meshChecks: Check[] = [
  {
    definition: {
      id: 'mesh-mtls-disabled',
      title: 'Mutual TLS disabled',
      severity: 'high',
      category: 'mesh',
      description:
        'A PeerAuthentication with mode DISABLE makes the sidecar accept only plaintext: traffic to the workload is neither encrypted nor authenticated, and AuthorizationPolicies on principals cannot work. Reported on the PeerAuthentication itself (mode or portLevelMtls), and on each workload of the mesh it applies to.',
      remediation:
        'Set the PeerAuthentication (or its portLevelMtls entry) to STRICT; keep DISABLE only for a port that a non-mesh client must reach, behind a NetworkPolicy.',
      references: { nsa: ENCRYPTION, mitre: 'T1040' },
    },
    workload(workload, context) {
      const mesh = meshWorkload(workload, context);
      return mesh ? mtlsFindings(mesh.mtls, 'DISABLE') : [];
    },
    object: object => mtlsPolicyHits(object, 'DISABLE'),
  },
  {
    definition: {
      id: 'mesh-mtls-permissive',
      title: 'Mutual TLS not enforced',
      severity: 'medium',
      category: 'mesh',
      description:
        "In PERMISSIVE mode the sidecar accepts plaintext as well as mTLS, so any pod that can reach the workload talks to it unauthenticated. It is Istio's default when no PeerAuthentication applies. Reported on the PeerAuthentication that sets it (mode or portLevelMtls), and on each workload of the mesh that runs in it.",
      remediation:
        'Apply a STRICT PeerAuthentication: mesh-wide in istio-system, or for the namespace once every client has a sidecar.',
      references: { nsa: ENCRYPTION, mitre: 'T1040' },
    },
    workload(workload, context) {
      const mesh = meshWorkload(workload, context);
      return mesh ? mtlsFindings(mesh.mtls, 'PERMISSIVE') : [];
    },
    object: object => mtlsPolicyHits(object, 'PERMISSIVE'),
  },
  {
    definition: {
      id: 'mesh-destination-tls-downgrade',
      title: 'DestinationRule downgrades TLS to a mesh service',
      severity: 'high',
      category: 'mesh',
      description:
        'tls.mode DISABLE sends plaintext to a service whose pods have sidecars; SIMPLE originates one-way TLS without the client certificate. Either way the server sees no mesh identity, and a STRICT server rejects the calls. DISABLE is also reported towards a namespace the objects do not show (an audit of the rule alone); only a namespace known to run without sidecars needs it.',
      remediation:
        'Use tls.mode ISTIO_MUTUAL, or remove the tls block so that Istio uses mutual TLS automatically.',
      references: { nsa: ENCRYPTION, mitre: 'T1040' },
    },
    object(object, context) {
      if (!isIstio(object, 'DestinationRule')) {
        return [];
      }
      const host = String(object.spec?.host ?? '');
      const target = hostNamespace(
        host,
        object.metadata.namespace ?? 'default',
        context,
      );
      if (target === undefined) {
        return [];
      }
      // DISABLE towards a namespace the objects say nothing about is still
      // reported: the rule exists for a mesh, and only a namespace known to
      // run without sidecars needs plaintext. SIMPLE is reported only
      // towards the mesh, as a TLS server of its own may want it.
      const standing = meshStanding(target, context);
      return weakTlsSettings(object.spec)
        .filter(
          ({ mode }) =>
            standing === 'mesh' ||
            (standing === 'unknown' && mode === 'DISABLE'),
        )
        .map(({ path, mode }) => ({
          message: `${path} is ${mode} towards ${host}, ${
            standing === 'mesh'
              ? 'a host in the mesh'
              : 'a host of the cluster no Namespace among the objects puts outside the mesh'
          }`,
        }));
    },
  },
  {
    definition: {
      id: 'mesh-authz-missing',
      title: 'No AuthorizationPolicy',
      severity: 'medium',
      category: 'mesh',
      description:
        'A workload that no AuthorizationPolicy selects accepts requests from every workload of the mesh: one compromised pod can call it.',
      remediation:
        'Add an ALLOW AuthorizationPolicy that selects the workload and names the principals that may call it, or a namespace-wide one.',
      references: {},
    },
    workload(workload, context) {
      const mesh = meshWorkload(workload, context);
      if (!mesh) {
        return [];
      }
      return hasAuthorizationPolicy(context.index, mesh.namespace, mesh.labels)
        ? []
        : [
            `no AuthorizationPolicy in ${mesh.namespace} or ${MESH_ROOT_NAMESPACE} applies to the pods, so every workload of the mesh may call them`,
          ];
    },
  },
  {
    definition: {
      id: 'mesh-authz-allow-all',
      title: 'AuthorizationPolicy allows everything',
      severity: 'high',
      category: 'mesh',
      description:
        'An ALLOW rule without from, to or when matches every request. ALLOW policies add up, so it also voids the narrower ALLOW policies of the workloads it selects.',
      remediation:
        'Give each rule a from (principals or namespaces) and, where it fits, a to (ports, methods, paths); delete the rule if no caller needs it.',
      references: {},
    },
    object(object) {
      if (
        !isIstio(object, 'AuthorizationPolicy') ||
        (object.spec?.action ?? 'ALLOW') !== 'ALLOW'
      ) {
        return [];
      }
      const rules = asArray(object.spec?.rules);
      const open = rules.findIndex(
        rule =>
          isEmptyList(rule?.from) &&
          isEmptyList(rule?.to) &&
          isEmptyList(rule?.when),
      );
      if (open < 0) {
        return [];
      }
      return [
        {
          message: `rule ${
            open + 1
          } has no from, to or when: it allows every request to ${policyScope(
            object,
          )}`,
        },
      ];
    },
  },
];
