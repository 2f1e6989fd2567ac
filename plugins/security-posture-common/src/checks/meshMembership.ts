import { Workload, asArray } from '../kube';
import { Labels } from './labelSelector';
import { podMetadataOf } from './podMetadata';

const PROXY = 'istio-proxy';
const INJECT = 'sidecar.istio.io/inject';

/**
 * What the `istio-proxy` container of a pod spec is: a sidecar beside the
 * application, or the whole pod (an ingress or egress gateway, whose
 * traffic comes from outside the mesh). Istio can inject the proxy as a
 * native sidecar, an init container that keeps running, so both lists count.
 */
export function proxyRole(podSpec: any): 'sidecar' | 'gateway' | undefined {
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

/**
 * Whether the workload's pods run with an Istio sidecar: one is in the
 * template already (pods read from a cluster), or the injection webhook adds
 * one. Templates in Git carry no sidecar, so the webhook's rules decide: the
 * pod's `sidecar.istio.io/inject` label (or the older annotation) wins, then
 * the namespace's `istio-injection` or `istio.io/rev` label. Istio never
 * injects host-network pods.
 */
export function isMeshWorkload(
  workload: Workload,
  namespaceLabels: Labels | undefined,
): boolean {
  const role = proxyRole(workload.podSpec);
  if (role) {
    return role === 'sidecar';
  }
  const { labels, annotations } = podMetadataOf(workload);
  const inject = labels[INJECT] ?? annotations[INJECT];
  if (
    inject === 'false' ||
    workload.podSpec.hostNetwork === true ||
    namespaceLabels?.['istio-injection'] === 'disabled'
  ) {
    return false;
  }
  return (
    inject === 'true' ||
    labels['istio.io/rev'] !== undefined ||
    hasInjectionLabel(namespaceLabels)
  );
}
