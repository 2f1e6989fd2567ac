import { ClusterHandle } from '../state/ClusterStateService';
import { ClusterObjectStore } from '../state/ClusterObjectStore';
import { KubeObject } from '../state/KubeObject';
import { graphIds } from '../topology/graphIds';

/**
 * Kinds an Istio workload name can stand for, most common first. Istio
 * names a pod's workload after its controller with the ReplicaSet hash cut
 * off, so the pods of a Deployment or of an Argo Rollout carry the owner's
 * name.
 */
const ISTIO_WORKLOAD_KINDS = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Rollout',
];

/**
 * The workload an Istio `source_workload` or `destination_workload` label
 * names in one namespace of a cluster, or undefined when the cluster holds
 * no Deployment, StatefulSet, DaemonSet or Rollout of that name.
 *
 * @public
 */
export function resolveIstioWorkload(
  store: ClusterObjectStore,
  namespace: string,
  name: string,
): KubeObject | undefined {
  for (const kind of ISTIO_WORKLOAD_KINDS) {
    const object = store.get(kind, namespace, name);
    if (object) return object;
  }
  return undefined;
}

/**
 * One end of a measured traffic edge, as Istio names it.
 *
 * @public
 */
export interface TrafficEndpoint {
  cluster: string;
  namespace: string;
  /** Istio's workload name; `unknown` for callers outside the mesh. */
  workload: string;
}

/**
 * Maps a traffic endpoint to a topology node id, or undefined when it has
 * none.
 *
 * @public
 */
export type TrafficNodeIdOf = (endpoint: TrafficEndpoint) => string | undefined;

/**
 * Maps traffic endpoints to the workload node ids of the topology graph
 * (`workload:<cluster>/<namespace>/<Kind>/<name>`), looking each one up in
 * its cluster's store with {@link resolveIstioWorkload}.
 *
 * @public
 */
export function istioWorkloadIdResolver(
  clusters: ReadonlyArray<Pick<ClusterHandle, 'definition' | 'store'>>,
): TrafficNodeIdOf {
  const stores = new Map(clusters.map(c => [c.definition.name, c.store]));
  return ({ cluster, namespace, workload }) => {
    const store = stores.get(cluster);
    const object = store && resolveIstioWorkload(store, namespace, workload);
    return object ? graphIds.workload(cluster, object) : undefined;
  };
}
