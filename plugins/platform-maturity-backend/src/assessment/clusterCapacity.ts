import { ClusterObjectStore } from '@cloud-native-platform/plugin-cloud-native-node';
import type {
  KubeNode,
  PodSpec,
} from '@cloud-native-platform/plugin-cloud-native-common';

/**
 * Millicores of a Kubernetes CPU quantity (`2`, `500m`, `1.5`).
 *
 * @public
 */
export function cpuMillis(quantity: unknown): number {
  if (typeof quantity === 'number') return quantity * 1000;
  if (typeof quantity !== 'string' || quantity === '') return 0;
  if (quantity.endsWith('m')) return Number(quantity.slice(0, -1)) || 0;
  return (Number(quantity) || 0) * 1000;
}

const MEMORY_SUFFIXES: Record<string, number> = {
  '': 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

// A number, then an exponent (`129e6`) or a suffix. The exponent is tried
// first, so `1E3` is 1000 while a bare `1E` is one exabyte.
const MEMORY_QUANTITY =
  /^\+?(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?$/;

/**
 * Bytes of a Kubernetes memory quantity (`128974848`, `129e6`, `129M`,
 * `123Mi`, `500m`); 0 when it is missing, negative or not a quantity.
 *
 * @public
 */
export function memoryBytes(quantity: unknown): number {
  if (typeof quantity === 'number') {
    return Number.isFinite(quantity) && quantity > 0 ? quantity : 0;
  }
  if (typeof quantity !== 'string') return 0;
  const match = MEMORY_QUANTITY.exec(quantity.trim());
  if (!match) return 0;
  const [, number, exponent, suffix = ''] = match;
  const scale =
    exponent !== undefined ? 10 ** Number(exponent) : MEMORY_SUFFIXES[suffix];
  const bytes = Number(number) * scale;
  return Number.isFinite(bytes) ? bytes : 0;
}

/**
 * A pod spec as a template or a pod holds it; parsed manifests may leave out
 * any field, containers included.
 */
type PodSpecFields = Partial<PodSpec> | undefined;

function containerRequests(
  podSpec: PodSpecFields,
  resource: 'cpu' | 'memory',
  amountOf: (quantity: unknown) => number,
): number {
  return (podSpec?.containers ?? []).reduce(
    (sum, c) => sum + amountOf(c.resources?.requests?.[resource]),
    0,
  );
}

/**
 * CPU requested by one pod of a pod template, summed over its containers.
 *
 * @public
 */
export function podCpuRequest(podSpec: PodSpecFields): number {
  return containerRequests(podSpec, 'cpu', cpuMillis);
}

/**
 * Memory (bytes) requested by one pod of a pod template, summed over its containers.
 *
 * @public
 */
export function podMemoryRequest(podSpec: PodSpecFields): number {
  return containerRequests(podSpec, 'memory', memoryBytes);
}

function isReady(node: KubeNode): boolean {
  return (node.status?.conditions ?? []).some(
    c => c.type === 'Ready' && c.status === 'True',
  );
}

/**
 * Allocatable of the Ready nodes less what the pods placed on them request;
 * finished pods (Succeeded, Failed) hold no resources.
 */
function freeOnReadyNodes(
  store: ClusterObjectStore,
  allocatableOf: (node: KubeNode) => number,
  requestOf: (podSpec: PodSpecFields) => number,
): number {
  const ready = new Set<string>();
  let allocatable = 0;
  for (const node of store.list('Node')) {
    if (!isReady(node)) continue;
    ready.add(node.metadata.name);
    allocatable += allocatableOf(node);
  }
  let requested = 0;
  for (const pod of store.list('Pod')) {
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') continue;
    if (!ready.has(pod.spec?.nodeName ?? '')) continue;
    requested += requestOf(pod.spec);
  }
  return Math.max(0, allocatable - requested);
}

/**
 * Free CPU of a cluster in millicores: allocatable CPU of its Ready nodes
 * less what the running pods on them request. What a failover can scale into.
 *
 * @public
 */
export function freeCpuMillis(store: ClusterObjectStore): number {
  return freeOnReadyNodes(
    store,
    node => cpuMillis(node.status?.allocatable?.cpu),
    podCpuRequest,
  );
}

/**
 * Free memory of a cluster in bytes: allocatable memory of its Ready nodes
 * less what the running pods on them request. What a failover can scale into.
 *
 * @public
 */
export function freeMemoryBytes(store: ClusterObjectStore): number {
  return freeOnReadyNodes(
    store,
    node => memoryBytes(node.status?.allocatable?.memory),
    podMemoryRequest,
  );
}
