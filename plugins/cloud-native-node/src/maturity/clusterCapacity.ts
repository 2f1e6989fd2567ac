import { ClusterObjectStore } from '../state/ClusterObjectStore';
import { KubeObject } from '../state/KubeObject';

/** Millicores of a Kubernetes CPU quantity (`2`, `500m`, `1.5`). */
export function cpuMillis(quantity: unknown): number {
  if (typeof quantity === 'number') return quantity * 1000;
  if (typeof quantity !== 'string' || quantity === '') return 0;
  if (quantity.endsWith('m')) return Number(quantity.slice(0, -1)) || 0;
  return (Number(quantity) || 0) * 1000;
}

/** CPU requested by one pod of a pod template, summed over its containers. */
export function podCpuRequest(podSpec: any): number {
  return (podSpec?.containers ?? []).reduce(
    (sum: number, c: any) => sum + cpuMillis(c.resources?.requests?.cpu),
    0,
  );
}

function isReady(node: KubeObject): boolean {
  return (node.status?.conditions ?? []).some(
    (c: any) => c.type === 'Ready' && c.status === 'True',
  );
}

/**
 * Free CPU of a cluster in millicores: allocatable CPU of its Ready nodes
 * less what the running pods on them request. What a failover can scale into.
 *
 * @public
 */
export function freeCpuMillis(store: ClusterObjectStore): number {
  const ready = new Set<string>();
  let allocatable = 0;
  for (const node of store.list('Node')) {
    if (!isReady(node)) continue;
    ready.add(node.metadata.name);
    allocatable += cpuMillis(node.status?.allocatable?.cpu);
  }
  let requested = 0;
  for (const pod of store.list('Pod')) {
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') continue;
    if (!ready.has(pod.spec?.nodeName)) continue;
    requested += podCpuRequest(pod.spec);
  }
  return Math.max(0, allocatable - requested);
}
