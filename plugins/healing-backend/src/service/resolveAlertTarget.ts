import {
  ClusterHandle,
  ClusterStateService,
  KubeObject,
  WORKLOAD_KINDS,
} from '@cloud-native-platform/plugin-cloud-native-node';
import {
  HealingAlert,
  HealingTarget,
} from '@cloud-native-platform/plugin-healing-common';

/**
 * Where an alert points in the fleet.
 *
 * @public
 */
export interface ResolvedAlertTarget {
  target: HealingTarget;
  /** Set when the cluster or workload is unknown. */
  unmatchedReason?: string;
  cluster?: ClusterHandle;
  workload?: KubeObject;
  pod?: string;
}

const KUBERNETES_ID = 'backstage.io/kubernetes-id';

/** Label → workload kind, in the order they are read. */
const WORKLOAD_LABELS: Array<[string, string | undefined]> = [
  ['deployment', 'Deployment'],
  ['statefulset', 'StatefulSet'],
  ['daemonset', 'DaemonSet'],
  ['rollout', 'Rollout'],
  ['workload', undefined],
];

function entityRefOf(workload: KubeObject): string | undefined {
  const id = workload.metadata.labels?.[KUBERNETES_ID];
  return id ? `component:default/${id}`.toLocaleLowerCase('en-US') : undefined;
}

function workloadNamed(
  handle: ClusterHandle,
  namespace: string | undefined,
  kind: string | undefined,
  name: string,
) {
  const kinds = kind ? [kind] : WORKLOAD_KINDS;
  for (const k of kinds) {
    const found = namespace
      ? handle.store.get(k, namespace, name)
      : handle.store.list(k).find(o => o.metadata.name === name);
    if (found) return handle.store.topLevelOwner(found);
  }
  return undefined;
}

function workloadOfService(
  handle: ClusterHandle,
  namespace: string | undefined,
  name: string,
) {
  const service = namespace
    ? handle.store.get('Service', namespace, name)
    : undefined;
  const selector = service?.spec?.selector as
    | Record<string, string>
    | undefined;
  if (selector && Object.keys(selector).length > 0) {
    const pods = handle.store.list('Pod', {
      namespace,
      labelSelector: Object.entries(selector).map(([key, value]) => ({
        key,
        operator: 'In' as const,
        values: [value],
      })),
    });
    if (pods[0]) return handle.store.topLevelOwner(pods[0]);
  }
  return workloadNamed(handle, namespace, undefined, name);
}

/**
 * Finds the cluster and workload an alert is about, from its labels: the
 * cluster label (`cluster` unless configured), `namespace`, then
 * deployment, statefulset, daemonset, rollout, workload, pod (walked up to
 * its owner workload) or service (through its selector's pods). Whatever is
 * unknown gives a reason, never a dropped alert.
 *
 * @public
 */
export function resolveAlertTarget(
  alert: HealingAlert,
  clusterState: ClusterStateService,
  clusterLabel: string,
): ResolvedAlertTarget {
  const labels = alert.labels;
  const clusterName = labels[clusterLabel] ?? '';
  const namespace = labels.namespace;
  const named =
    WORKLOAD_LABELS.map(([label, kind]) => ({
      kind,
      name: labels[label],
    })).find(w => w.name) ??
    (labels.pod ? { kind: 'Pod', name: labels.pod } : undefined) ??
    (labels.service ? { kind: 'Service', name: labels.service } : undefined);
  const target: HealingTarget = {
    cluster: clusterName,
    namespace,
    kind: named?.kind ?? 'Unknown',
    name: named?.name ?? '',
  };
  if (!clusterName) {
    return {
      target,
      unmatchedReason: `the alert has no ${clusterLabel} label`,
    };
  }
  const cluster = clusterState.cluster(clusterName);
  if (!cluster) {
    return {
      target,
      unmatchedReason: `cluster ${clusterName} is not configured`,
    };
  }
  if (!named) {
    return {
      target,
      cluster,
      unmatchedReason:
        'the alert has no deployment, statefulset, pod, service or workload label',
    };
  }
  let workload: KubeObject | undefined;
  let pod: string | undefined;
  if (named.kind === 'Pod') {
    const object = namespace
      ? cluster.store.get('Pod', namespace, named.name)
      : undefined;
    workload = object ? cluster.store.topLevelOwner(object) : undefined;
    pod = named.name;
  } else if (named.kind === 'Service') {
    workload = workloadOfService(cluster, namespace, named.name);
  } else {
    workload = workloadNamed(cluster, namespace, named.kind, named.name);
    // A pod the alert also names is the one to evict, if it is the workload's.
    const object =
      workload && namespace && labels.pod
        ? cluster.store.get('Pod', namespace, labels.pod)
        : undefined;
    const owner = object ? cluster.store.topLevelOwner(object) : undefined;
    if (
      owner &&
      owner.kind === workload!.kind &&
      owner.metadata.name === workload!.metadata.name
    ) {
      pod = labels.pod;
    }
  }
  if (!workload) {
    return {
      target,
      cluster,
      unmatchedReason: `no ${named.kind} ${namespace ?? '?'}/${
        named.name
      } in cluster ${clusterName}`,
    };
  }
  return {
    target: {
      cluster: clusterName,
      namespace: workload.metadata.namespace,
      kind: workload.kind,
      name: workload.metadata.name,
      entityRef: entityRefOf(workload),
    },
    cluster,
    workload,
    pod,
  };
}
