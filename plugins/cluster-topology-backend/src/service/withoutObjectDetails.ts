import type {
  TopologyGraph,
  TopologyNode,
} from '@cloud-native-platform/plugin-cloud-native-common';

/** Node kinds drawn from one Kubernetes object of a cluster. */
const OBJECT_KINDS = new Set<TopologyNode['kind']>([
  'node',
  'workload',
  'pod',
  'service',
  'volume',
]);

/** Object kinds whose node's detail line is read from their spec. */
const SPEC_DETAIL_KINDS = new Set([
  'Service',
  'Ingress',
  'PersistentVolumeClaim',
  'PersistentVolume',
  'StorageClass',
]);

/**
 * The clusters whose objects a graph shows details of: those a caller needs
 * `cluster-topology.object.read` for to see the graph in full. Cluster and
 * group nodes carry only what `GET /clusters` serves to everyone.
 */
export function clustersWithObjectDetails(graph: TopologyGraph): string[] {
  const clusters = new Set<string>();
  for (const node of graph.nodes) {
    if (node.cluster && OBJECT_KINDS.has(node.kind)) clusters.add(node.cluster);
  }
  return [...clusters];
}

/**
 * The graph without what comes from inside the objects of the given
 * clusters: object labels, and the spec-read detail line of Services (their
 * type), Ingresses (their hosts) and storage (size, class, provisioner). Names, health, pod counts and edges
 * stay, so the map still draws. The graph's own nodes are not changed.
 */
export function withoutObjectDetails(
  graph: TopologyGraph,
  clusters: ReadonlySet<string>,
): TopologyGraph {
  if (clusters.size === 0) return graph;
  return {
    ...graph,
    nodes: graph.nodes.map(node => {
      if (!node.cluster || !clusters.has(node.cluster)) return node;
      if (!OBJECT_KINDS.has(node.kind)) return node;
      const { labels, detail, ...rest } = node;
      return node.objectKind && SPEC_DETAIL_KINDS.has(node.objectKind)
        ? rest
        : { ...rest, detail };
    }),
  };
}
