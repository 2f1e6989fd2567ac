import {
  ANNOTATION_KUBERNETES_ID,
  desiredReplicas,
  isKind,
  podTemplateOf,
  TopologyEdge,
  TopologyGraph,
  TopologyHealth,
  TopologyLevel,
  TopologyNode,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { ClusterDefinition } from '../clusters/ClusterDefinition';
import { ClusterObjectStore } from '../state/ClusterObjectStore';
import { ClusterStatus } from '../state/ClusterStatusTracker';
import { KubeObject } from '../state/KubeObject';
import { summarizePods, workloadHealth } from '../state/podHealth';
import { WORKLOAD_KINDS } from '../state/kinds';
import { graphIds } from './graphIds';
import { deliveryDecoration } from '../delivery/deliveryDecoration';
import { staticEdges } from './staticEdges';
import { storageEdges, storageNodes } from './storageGraph';

/**
 * What the graph builder reads of a cluster.
 *
 * @public
 */
export interface GraphCluster {
  definition: ClusterDefinition;
  store: ClusterObjectStore;
  status: ClusterStatus;
}

/**
 * Options of the graph builders.
 *
 * @public
 */
export interface BuildGraphOptions {
  /** Workload ids whose pods are shown; 'all' expands every workload. */
  expand?: ReadonlySet<string> | 'all';
  /** Static edges (Service → workload, routes with weights). Default true. */
  staticLayer?: boolean;
  /**
   * Storage: PersistentVolumeClaims, their PersistentVolumes and
   * StorageClasses, with the edges from pods to them, in cluster and
   * namespace graphs. Default true.
   */
  storageLayer?: boolean;
}

const SEVERITY: Record<TopologyHealth, number> = {
  healthy: 0,
  idle: 1,
  unknown: 2,
  degraded: 3,
  failing: 4,
};

/**
 * The worse of two health values.
 *
 * @public
 */
export function worstHealth(
  a: TopologyHealth,
  b: TopologyHealth,
): TopologyHealth {
  return SEVERITY[a] >= SEVERITY[b] ? a : b;
}

function entityRefOf(object: KubeObject): string | undefined {
  const id =
    object.metadata.labels?.[ANNOTATION_KUBERNETES_ID] ??
    podTemplateOf(object)?.metadata?.labels?.[ANNOTATION_KUBERNETES_ID];
  return id ? `component:default/${id}` : undefined;
}

/**
 * The workloads of a cluster that nothing else owns (a Job of a CronJob is part of it).
 *
 * @public
 */
export function topLevelWorkloads(
  store: ClusterObjectStore,
  namespace?: string,
): KubeObject[] {
  const out: KubeObject[] = [];
  for (const kind of WORKLOAD_KINDS) {
    for (const object of store.list(kind, { namespace })) {
      if (!store.owner(object)) out.push(object);
    }
  }
  // Pods that no workload owns are workloads of their own on the map.
  for (const pod of store.list('Pod', { namespace })) {
    if (!pod.metadata.ownerReferences?.length) out.push(pod);
  }
  return out;
}

/**
 * One workload (and, when expanded, its pods) as graph nodes.
 *
 * @public
 */
export function workloadNodes(
  cluster: string,
  store: ClusterObjectStore,
  workload: KubeObject,
  parent: string,
  expand: BuildGraphOptions['expand'],
): TopologyNode[] {
  const id = graphIds.workload(cluster, workload);
  const pods = store.podsOf(workload);
  const summary = summarizePods(pods);
  let status: TopologyHealth = workloadHealth(summary);
  if (
    isKind(workload, 'VirtualMachine') &&
    workload.spec?.runStrategy === 'Halted'
  ) {
    status = 'idle';
  }
  const expanded = expand === 'all' || (expand?.has(id) ?? false);
  const desired = desiredReplicas(workload);
  const node: TopologyNode = {
    id,
    kind: 'workload',
    name: workload.metadata.name,
    cluster,
    namespace: workload.metadata.namespace,
    status,
    parent,
    objectKind: workload.kind,
    labels: workload.metadata.labels,
    pods: summary,
    collapsedChildren: expanded ? undefined : pods.length || undefined,
    entityRef: entityRefOf(workload),
    detail:
      desired !== undefined
        ? `${summary.ready}/${desired} ready`
        : `${summary.ready}/${summary.total} ready`,
  };
  const delivery = deliveryDecoration({ name: cluster, store }, workload);
  if (delivery) node.delivery = delivery;
  if (!expanded || workload.kind === 'Pod') return [node];
  return [
    node,
    ...pods.map(pod => {
      const podSummary = summarizePods([pod]);
      return {
        id: graphIds.pod(cluster, pod),
        kind: 'pod' as const,
        name: pod.metadata.name,
        cluster,
        namespace: pod.metadata.namespace,
        status: workloadHealth(podSummary),
        parent: id,
        objectKind: 'Pod',
        labels: pod.metadata.labels,
        pods: podSummary,
        detail: pod.status?.phase,
      };
    }),
  ];
}

/**
 * Health of a whole cluster: its sync state and the worst of its workloads.
 *
 * @public
 */
export function clusterHealth(
  status: ClusterStatus,
  workloads: TopologyNode[],
): TopologyHealth {
  if (status.state === 'syncing') return 'unknown';
  let health: TopologyHealth =
    status.state === 'degraded' ? 'degraded' : 'healthy';
  for (const w of workloads) {
    if (w.status === 'failing' || w.status === 'degraded') {
      health = worstHealth(health, 'degraded');
    }
  }
  // A cluster nobody can reach is failing, whatever its cached data says.
  if (
    status.state === 'degraded' &&
    status.kinds.every(k => k.state !== 'ready')
  ) {
    return 'failing';
  }
  return health;
}

function clusterNode(
  cluster: GraphCluster,
  workloads: TopologyNode[],
  parent?: string,
): TopologyNode {
  const { definition, store, status } = cluster;
  const pods = summarizePods(store.list('Pod'));
  return {
    id: graphIds.cluster(definition.name),
    kind: 'cluster',
    name: definition.name,
    cluster: definition.name,
    status: clusterHealth(status, workloads),
    parent,
    role: definition.role,
    region: definition.region,
    labels: definition.labels,
    pods,
    detail:
      status.error ??
      `${workloads.length} workloads, ${pods.ready}/${pods.total} pods ready`,
  };
}

function graph(
  level: TopologyLevel,
  nodes: TopologyNode[],
  edges: TopologyEdge[],
  clusters: GraphCluster[],
): TopologyGraph {
  return {
    level,
    nodes,
    edges,
    errors: clusters
      .filter(c => c.status.state === 'degraded' && c.status.error)
      .map(c => ({ cluster: c.definition.name, error: c.status.error! })),
    notices: [],
    generatedAt: new Date().toISOString(),
  };
}

/**
 * The fleet view of one cluster costs a pass over all its pods; it is kept
 * until the cluster's store or status changes.
 */
const fleetNodeCache = new WeakMap<
  ClusterObjectStore,
  { key: string; node: TopologyNode }
>();

function fleetClusterNode(cluster: GraphCluster, parent: string): TopologyNode {
  const key = `${cluster.store.version}|${cluster.status.state}|${
    cluster.status.error ?? ''
  }|${parent}`;
  const cached = fleetNodeCache.get(cluster.store);
  if (cached?.key === key) return cached.node;
  const workloads = topLevelWorkloads(cluster.store).map(
    w =>
      workloadNodes(
        cluster.definition.name,
        cluster.store,
        w,
        '',
        undefined,
      )[0],
  );
  const node = clusterNode(cluster, workloads, parent);
  node.collapsedChildren = workloads.length || undefined;
  fleetNodeCache.set(cluster.store, { key, node });
  return node;
}

/**
 * The fleet: clusters grouped by role and region, with health roll-ups.
 * Workloads are counted, not drawn, so the view stays small at any size.
 *
 * @public
 */
export function buildFleetGraph(clusters: GraphCluster[]): TopologyGraph {
  const nodes: TopologyNode[] = [];
  const groups = new Map<string, TopologyNode>();
  for (const cluster of clusters) {
    const { role, region } = cluster.definition;
    const groupId = graphIds.group(role, region);
    let group = groups.get(groupId);
    if (!group) {
      group = {
        id: groupId,
        kind: 'group',
        name: region ? `${role} · ${region}` : role,
        status: 'healthy',
        role,
        region,
      };
      groups.set(groupId, group);
      nodes.push(group);
    }
    // A copy: callers may add to the nodes they get.
    const node = { ...fleetClusterNode(cluster, groupId) };
    group.status = worstHealth(group.status, node.status);
    nodes.push(node);
  }
  return graph('fleet', nodes, [], clusters);
}

/**
 * One cluster (or one namespace of it): Kubernetes nodes, namespaces,
 * workloads with pods collapsed unless expanded, services, storage and the
 * static edges between them.
 *
 * @public
 */
export function buildClusterGraph(
  cluster: GraphCluster,
  options: BuildGraphOptions & { namespace?: string } = {},
): TopologyGraph {
  const { definition, store } = cluster;
  const name = definition.name;
  const clusterId = graphIds.cluster(name);
  const nodes: TopologyNode[] = [];
  const workloadNodesAll: TopologyNode[] = [];
  const namespaces = options.namespace
    ? store.list('Namespace').filter(n => n.metadata.name === options.namespace)
    : store.list('Namespace');
  const namespaceNames = new Set(namespaces.map(n => n.metadata.name));
  if (options.namespace) namespaceNames.add(options.namespace);

  for (const namespace of namespaceNames) {
    const namespaceId = graphIds.namespace(name, namespace);
    const inNamespace: TopologyNode[] = [];
    for (const workload of topLevelWorkloads(store, namespace)) {
      inNamespace.push(
        ...workloadNodes(name, store, workload, namespaceId, options.expand),
      );
    }
    for (const service of store.list('Service', { namespace })) {
      inNamespace.push({
        id: graphIds.service(name, service),
        kind: 'service',
        name: service.metadata.name,
        cluster: name,
        namespace,
        status: 'healthy',
        parent: namespaceId,
        objectKind: 'Service',
        labels: service.metadata.labels,
        detail: service.spec?.type,
      });
    }
    // Ingresses are entry points: drawn like services, routing to them.
    for (const ingress of store.list('Ingress', { namespace })) {
      inNamespace.push({
        id: graphIds.ingress(name, ingress),
        kind: 'service',
        name: ingress.metadata.name,
        cluster: name,
        namespace,
        status: 'healthy',
        parent: namespaceId,
        objectKind: 'Ingress',
        labels: ingress.metadata.labels,
        detail: (ingress.spec?.rules ?? [])
          .map(r => r.host)
          .filter(Boolean)
          .join(', '),
      });
    }
    const workloads = inNamespace.filter(n => n.kind === 'workload');
    workloadNodesAll.push(...workloads);
    nodes.push({
      id: namespaceId,
      kind: 'namespace',
      name: namespace,
      cluster: name,
      namespace,
      status: workloads.reduce<TopologyHealth>(
        (h, w) =>
          worstHealth(h, w.status === 'failing' ? 'degraded' : w.status),
        'healthy',
      ),
      parent: clusterId,
      collapsedChildren: undefined,
      detail: `${workloads.length} workloads`,
    });
    nodes.push(...inNamespace);
  }

  if (!options.namespace) {
    for (const node of store.list('Node')) {
      const ready = (node.status?.conditions ?? []).some(
        c => c.type === 'Ready' && c.status === 'True',
      );
      nodes.push({
        id: graphIds.node(name, node.metadata.name),
        kind: 'node',
        name: node.metadata.name,
        cluster: name,
        status: ready ? 'healthy' : 'failing',
        parent: clusterId,
        objectKind: 'Node',
        labels: node.metadata.labels,
        detail: ready ? 'Ready' : 'NotReady',
      });
    }
  }
  const storageLayer = options.storageLayer !== false;
  if (storageLayer) {
    nodes.push(
      ...storageNodes(name, store, [...namespaceNames], !options.namespace),
    );
  }
  nodes.unshift(clusterNode(cluster, workloadNodesAll));

  const ids = new Set(nodes.map(n => n.id));
  const edges =
    options.staticLayer === false
      ? []
      : staticEdges(
          name,
          store,
          ids,
          options.namespace ? [options.namespace] : undefined,
        );
  if (storageLayer) {
    edges.push(...storageEdges(name, store, ids, [...namespaceNames]));
  }
  return graph(options.namespace ? 'namespace' : 'cluster', nodes, edges, [
    cluster,
  ]);
}
