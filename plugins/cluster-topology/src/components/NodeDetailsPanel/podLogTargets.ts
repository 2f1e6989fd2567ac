import type { TopologyNode } from '@cloud-native-platform/plugin-cloud-native-common';
import type { ClusterObject } from '../../api';

/** The pod nodes directly inside a workload node, by name. */
export function podsOfWorkload(
  workload: TopologyNode,
  nodes: readonly TopologyNode[],
): string[] {
  return nodes
    .filter(n => n.kind === 'pod' && n.parent === workload.id)
    .map(n => n.name)
    .sort((a, b) => a.localeCompare(b));
}

interface ContainerList {
  containers?: Array<{ name?: unknown }>;
  initContainers?: Array<{ name?: unknown }>;
}

function namesOf(spec: ContainerList | undefined): string[] {
  return [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])]
    .map(c => c.name)
    .filter((name): name is string => typeof name === 'string');
}

/**
 * The container names of a pod, or of the pods of a workload, read from the
 * object the backend serves; empty when it declares none.
 */
export function containersOf(object: ClusterObject): string[] {
  const spec = object.spec as
    | (ContainerList & { template?: { spec?: ContainerList } })
    | undefined;
  return object.kind === 'Pod' ? namesOf(spec) : namesOf(spec?.template?.spec);
}
