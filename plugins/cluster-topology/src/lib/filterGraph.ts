import type {
  TopologyGraph,
  TopologyHealth,
  TopologyNode,
} from '@cloud-native-platform/plugin-cloud-native-common';

/** Client-side filters of the topology view. */
export interface TopologyFilters {
  namespace?: string;
  /** Kubernetes kind of workloads, e.g. Deployment. */
  kind?: string;
  health?: TopologyHealth[];
}

function ancestors(
  node: TopologyNode,
  byId: Map<string, TopologyNode>,
): TopologyNode[] {
  const result: TopologyNode[] = [];
  const seen = new Set<string>([node.id]);
  let current = node.parent ? byId.get(node.parent) : undefined;
  // The seen set guards against a parent cycle in a malformed answer.
  while (current && !seen.has(current.id)) {
    result.push(current);
    seen.add(current.id);
    current = current.parent ? byId.get(current.parent) : undefined;
  }
  return result;
}

/**
 * Drops the nodes the filters exclude. A node stays when it matches or when
 * something inside it matches, so that matches keep their cluster and
 * namespace around them. Edges stay when both ends stay.
 */
export function filterGraph(
  graph: TopologyGraph,
  filters: TopologyFilters,
): TopologyGraph {
  const health = filters.health ?? [];
  if (!filters.namespace && !filters.kind && health.length === 0) {
    return graph;
  }
  const byId = new Map(graph.nodes.map(n => [n.id, n]));

  const matches = (node: TopologyNode) => {
    const chain = [node, ...ancestors(node, byId)];
    const namespace =
      node.kind === 'namespace' ? node.namespace ?? node.name : node.namespace;
    if (
      filters.namespace &&
      namespace !== undefined &&
      namespace !== filters.namespace
    ) {
      return false;
    }
    // Pods follow the kind of the workload they belong to.
    const workload = chain.find(n => n.kind === 'workload');
    if (filters.kind && workload && workload.objectKind !== filters.kind) {
      return false;
    }
    if (filters.kind && !workload && ['pod', 'service'].includes(node.kind)) {
      return false;
    }
    return health.length === 0 || health.includes(node.status);
  };

  const kept = new Set<string>();
  for (const node of graph.nodes) {
    if (matches(node)) {
      kept.add(node.id);
      for (const ancestor of ancestors(node, byId)) {
        kept.add(ancestor.id);
      }
    }
  }
  return {
    ...graph,
    nodes: graph.nodes.filter(n => kept.has(n.id)),
    edges: graph.edges.filter(e => kept.has(e.source) && kept.has(e.target)),
  };
}

/** Ids of the nodes whose name, or a label key or value, contains the text. */
export function searchGraph(graph: TopologyGraph, text: string): Set<string> {
  const needle = text.trim().toLowerCase();
  if (!needle) {
    return new Set();
  }
  return new Set(
    graph.nodes
      .filter(
        node =>
          node.name.toLowerCase().includes(needle) ||
          Object.entries(node.labels ?? {}).some(
            ([key, value]) =>
              key.toLowerCase().includes(needle) ||
              value.toLowerCase().includes(needle) ||
              `${key}=${value}`.toLowerCase().includes(needle),
          ),
      )
      .map(node => node.id),
  );
}

/** Namespaces and workload kinds present in the graph, for the filter selects. */
export function filterOptions(graph: TopologyGraph): {
  namespaces: string[];
  kinds: string[];
} {
  const namespaces = new Set<string>();
  const kinds = new Set<string>();
  for (const node of graph.nodes) {
    if (node.namespace) namespaces.add(node.namespace);
    if (node.kind === 'namespace') namespaces.add(node.name);
    if (node.kind === 'workload' && node.objectKind) kinds.add(node.objectKind);
  }
  return {
    namespaces: [...namespaces].sort(),
    kinds: [...kinds].sort(),
  };
}
