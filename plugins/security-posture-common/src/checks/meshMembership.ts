import type { PodSpec } from '@cloud-native-platform/plugin-cloud-native-common';
import { Workload, asArray } from '../kube';
import { Labels } from './labelSelector';
import { podMetadataOf } from './podMetadata';

const PROXY = 'istio-proxy';
const INJECT = 'sidecar.istio.io/inject';

/**
 * Namespaces that are not expected to run sidecars: Kubernetes' own, and the
 * mesh root namespace, where the control plane and the gateways run.
 */
export const MESH_EXEMPT_NAMESPACES: ReadonlySet<string> = new Set([
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'istio-system',
]);

/**
 * What the `istio-proxy` container of a pod spec is: a sidecar beside the
 * application, or the whole pod (an ingress or egress gateway, whose
 * traffic comes from outside the mesh). Istio can inject the proxy as a
 * native sidecar, an init container that keeps running, so both lists count.
 */
export function proxyRole(
  podSpec: PodSpec | undefined,
): 'sidecar' | 'gateway' | undefined {
  const containers = asArray(podSpec?.containers);
  const proxied =
    containers.some(container => container?.name === PROXY) ||
    asArray(podSpec?.initContainers).some(
      container => container?.name === PROXY,
    );
  if (!proxied) {
    return undefined;
  }
  return containers.some(container => container?.name !== PROXY)
    ? 'sidecar'
    : 'gateway';
}

/** Whether namespace labels turn sidecar injection on. */
export function hasInjectionLabel(labels: Labels | undefined): boolean {
  return (
    labels?.['istio-injection'] === 'enabled' ||
    labels?.['istio.io/rev'] !== undefined
  );
}

/** How many of a workload's running pods (among the objects) carry a sidecar. */
export interface PodSidecars {
  withSidecar: number;
  withoutSidecar: number;
}

/** Why a workload runs without an Istio sidecar. */
export type SidecarAbsence =
  /** Istio never injects pods that share the node's network namespace. */
  | { reason: 'host-network' }
  /** `sidecar.istio.io/inject: "false"` or the namespace's `istio-injection=disabled`. */
  | { reason: 'injection-disabled'; by: string }
  /** Nothing asks for injection: no namespace label, no pod label. */
  | { reason: 'namespace-not-labelled' }
  /** Injection is asked for, but the pods read from the cluster have none. */
  | { reason: 'pods-without-sidecar'; pods: PodSidecars };

/** Where a workload stands towards the mesh. */
export type MeshMembership =
  | { status: 'sidecar' }
  /** The pod is the proxy itself: an ingress or egress gateway. */
  | { status: 'gateway' }
  | { status: 'none'; absence: SidecarAbsence };

/**
 * Whether the workload's pods run with an Istio sidecar, and if not why.
 * Evidence first: a proxy in the template, or in a pod read from the
 * cluster. Templates in Git carry no sidecar, so then the webhook's rules
 * decide: Istio never injects host-network pods; the pod's
 * `sidecar.istio.io/inject` label (or the older annotation) wins, then the
 * namespace's `istio-injection` or `istio.io/rev` label. When injection
 * applies but every pod of the workload among the objects runs without a
 * proxy, the pods predate the label or the webhook failed.
 */
export function meshMembership(
  workload: Workload,
  namespaceLabels: Labels | undefined,
  pods?: PodSidecars,
): MeshMembership {
  const role = proxyRole(workload.podSpec);
  if (role) {
    return { status: role };
  }
  if (pods && pods.withSidecar > 0) {
    return { status: 'sidecar' };
  }
  const { labels, annotations } = podMetadataOf(workload);
  if (workload.podSpec.hostNetwork === true) {
    return { status: 'none', absence: { reason: 'host-network' } };
  }
  const inject = labels[INJECT] ?? annotations[INJECT];
  if (inject === 'false') {
    const by =
      labels[INJECT] !== undefined
        ? `pod label ${INJECT}: "false"`
        : `pod annotation ${INJECT}: "false"`;
    return { status: 'none', absence: { reason: 'injection-disabled', by } };
  }
  if (namespaceLabels?.['istio-injection'] === 'disabled') {
    return {
      status: 'none',
      absence: {
        reason: 'injection-disabled',
        by: 'namespace label istio-injection=disabled',
      },
    };
  }
  const injected =
    inject === 'true' ||
    labels['istio.io/rev'] !== undefined ||
    hasInjectionLabel(namespaceLabels);
  if (!injected) {
    return { status: 'none', absence: { reason: 'namespace-not-labelled' } };
  }
  if (pods && pods.withoutSidecar > 0) {
    return {
      status: 'none',
      absence: { reason: 'pods-without-sidecar', pods },
    };
  }
  return { status: 'sidecar' };
}

/** Whether the workload's pods run with an Istio sidecar; see {@link meshMembership}. */
export function isMeshWorkload(
  workload: Workload,
  namespaceLabels: Labels | undefined,
  pods?: PodSidecars,
): boolean {
  return meshMembership(workload, namespaceLabels, pods).status === 'sidecar';
}
