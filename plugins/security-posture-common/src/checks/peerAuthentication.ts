import type { PeerAuthentication } from '@cloud-native-platform/plugin-cloud-native-common';
import { ClusterIndex, MESH_ROOT_NAMESPACE, oldestFirst } from './clusterIndex';
import { Labels } from './labelSelector';

/** An mTLS mode and the policy it comes from, for messages. */
export interface MtlsSetting {
  mode: string;
  source: string;
}

/** The mTLS mode a workload's sidecar enforces, with its per-port overrides. */
export interface MtlsPosture {
  base: MtlsSetting;
  ports: Array<MtlsSetting & { port: string }>;
}

// Namespace-wide lists are the same for every workload of a namespace, so
// their winner is worked out once.
const oldestOfList = new WeakMap<
  readonly PeerAuthentication[],
  PeerAuthentication
>();

function oldest(
  policies: readonly PeerAuthentication[] | undefined,
): PeerAuthentication | undefined {
  if (!policies || policies.length === 0) {
    return undefined;
  }
  if (policies.length === 1) {
    return policies[0];
  }
  let winner = oldestOfList.get(policies);
  if (!winner) {
    winner = oldestFirst(policies)[0];
    oldestOfList.set(policies, winner);
  }
  return winner;
}

function modeOf(value: { mode?: string } | undefined): string | undefined {
  const mode = value?.mode;
  return typeof mode === 'string' && mode !== 'UNSET' ? mode : undefined;
}

function nameOf(policy: PeerAuthentication): string {
  return `${policy.metadata.namespace}/${policy.metadata.name}`;
}

/**
 * Resolves PeerAuthentications as Istio does: a workload-selector policy in
 * the workload's namespace wins over the namespace-wide one, which wins over
 * the mesh-wide one in the root namespace; UNSET inherits from the level
 * above, and with no mode anywhere Istio runs PERMISSIVE. Port-level modes
 * count only on a selector policy, as Istio ignores them elsewhere.
 */
export function effectiveMtls(
  index: ClusterIndex,
  namespace: string,
  labels: Labels,
): MtlsPosture {
  const local = index.peerAuthentications.get(namespace);
  const levels: Array<[PeerAuthentication | undefined, string]> = [
    [
      oldest(index.peerAuthentications.get(MESH_ROOT_NAMESPACE)?.namespaceWide),
      'mesh-wide',
    ],
    [
      namespace === MESH_ROOT_NAMESPACE
        ? undefined
        : oldest(local?.namespaceWide),
      'namespace-wide',
    ],
    [oldest(local?.selected.matching(labels)), 'selecting the workload'],
  ];
  let base: MtlsSetting | undefined;
  let applies = false;
  for (const [policy, scope] of levels) {
    const mode = modeOf(policy?.spec?.mtls);
    applies = applies || policy !== undefined;
    if (policy && mode) {
      base = { mode, source: `PeerAuthentication ${nameOf(policy)}, ${scope}` };
    }
  }
  base ??= {
    mode: 'PERMISSIVE',
    source: applies
      ? "no PeerAuthentication sets a mode, Istio's default"
      : "no PeerAuthentication applies, Istio's default",
  };
  const selected = levels[2][0];
  const portLevel = selected?.spec?.portLevelMtls;
  const ports: MtlsPosture['ports'] = [];
  if (selected && portLevel && typeof portLevel === 'object') {
    for (const port of Object.keys(portLevel).sort(
      (a, b) => Number(a) - Number(b),
    )) {
      const mode = modeOf(portLevel[port]);
      if (mode && mode !== base.mode) {
        ports.push({
          port,
          mode,
          source: `portLevelMtls of PeerAuthentication ${nameOf(selected)}`,
        });
      }
    }
  }
  return { base, ports };
}

const EFFECT: Record<string, string> = {
  DISABLE: 'only plaintext is accepted',
  PERMISSIVE: 'plaintext is accepted',
};

/** The messages for the parts of a posture that run in `mode`. */
export function mtlsFindings(posture: MtlsPosture, mode: string): string[] {
  const messages: string[] = [];
  const { base, ports } = posture;
  if (base.mode === mode) {
    const overrides = ports.map(port => `port ${port.port} is ${port.mode}`);
    messages.push(
      `mTLS mode ${mode} (${base.source}): ${EFFECT[mode]}${
        overrides.length > 0 ? `; ${overrides.join(', ')} (portLevelMtls)` : ''
      }`,
    );
  }
  for (const port of ports) {
    if (port.mode === mode) {
      messages.push(
        `port ${port.port}: mTLS mode ${mode} (${port.source}): ${EFFECT[mode]}`,
      );
    }
  }
  return messages;
}

/** A mode a PeerAuthentication sets that lets plaintext in, where it sets it. */
export interface PolicyWeakening {
  mode: 'PERMISSIVE' | 'DISABLE';
  message: string;
}

function selectorText(policy: PeerAuthentication): string | undefined {
  const matchLabels = policy.spec?.selector?.matchLabels;
  if (!matchLabels || typeof matchLabels !== 'object') {
    return undefined;
  }
  const pairs = Object.keys(matchLabels)
    .sort()
    .map(key => `${key}=${matchLabels[key]}`);
  return pairs.length > 0 ? pairs.join(', ') : undefined;
}

function isWeak(mode: string | undefined): mode is PolicyWeakening['mode'] {
  return mode === 'PERMISSIVE' || mode === 'DISABLE';
}

/**
 * The modes a PeerAuthentication object sets that accept plaintext, judged
 * on the object alone, so that a policy is reported in an audit that holds
 * no workload. Istio ignores a selector policy in the root namespace, and
 * `portLevelMtls` on a policy without a selector, so neither counts.
 */
export function policyWeakenings(
  policy: PeerAuthentication,
): PolicyWeakening[] {
  const namespace = policy.metadata.namespace ?? 'default';
  const selector = selectorText(policy);
  if (selector && namespace === MESH_ROOT_NAMESPACE) {
    return [];
  }
  let scope: string;
  const plural = Boolean(selector);
  const accepts = (weak: PolicyWeakening['mode']) =>
    `${plural ? 'accept' : 'accepts'} ${
      weak === 'DISABLE' ? 'only plaintext' : 'plaintext'
    }`;
  if (selector) {
    scope = `the workloads of ${namespace} labelled ${selector}`;
  } else if (namespace === MESH_ROOT_NAMESPACE) {
    scope = 'every workload of the mesh without a policy of its own';
  } else {
    scope = `every workload of namespace ${namespace} without a policy of its own`;
  }
  const found: PolicyWeakening[] = [];
  const mode = modeOf(policy.spec?.mtls);
  if (isWeak(mode)) {
    found.push({
      mode,
      message: `mtls.mode is ${mode}: ${scope} ${accepts(
        mode,
      )}, without mTLS or a SPIFFE identity for the caller`,
    });
  }
  const portLevel = policy.spec?.portLevelMtls;
  if (selector && portLevel && typeof portLevel === 'object') {
    for (const port of Object.keys(portLevel).sort(
      (a, b) => Number(a) - Number(b),
    )) {
      const portMode = modeOf(portLevel[port]);
      if (isWeak(portMode) && portMode !== mode && mode !== 'DISABLE') {
        found.push({
          mode: portMode,
          message: `portLevelMtls ${port} is ${portMode}: ${scope} ${accepts(
            portMode,
          )} on port ${port}, without mTLS or a SPIFFE identity for the caller`,
        });
      }
    }
  }
  return found;
}
