import type { TopologyGraph } from '@cloud-native-platform/plugin-cloud-native-common';
import { generateGraph } from '../../src/components/TopologyCanvas/generateGraph';

/** Edges per node, and the cap the goal is stated for. */
const EDGES_PER_NODE = 2;
const MAX_EDGES = 10000;
const NAMESPACES = 10;
const NODES_PER_CLUSTER = 4;
const PODS_PER_WORKLOAD = 2;

/**
 * A cluster-view-like graph of about `n` nodes: clusters of 2,500 nodes, ten
 * namespaces each, workloads with two pods, a few Kubernetes nodes, and
 * about two edges per node (at most 10,000), of which one `runs-on` edge per
 * workload and the rest traffic, routes and catalog edges between workloads.
 */
export function benchGraph(n: number, seed = 7): TopologyGraph {
  if (n === 0) return gallery();
  const clusters = Math.max(1, Math.round(n / 2500));
  const perCluster = n / clusters - 1 - NAMESPACES - NODES_PER_CLUSTER;
  const workloadsPerNamespace = Math.max(
    1,
    Math.round(perCluster / (NAMESPACES * (1 + PODS_PER_WORKLOAD))),
  );
  const workloads = clusters * NAMESPACES * workloadsPerNamespace;
  const edges = Math.min(EDGES_PER_NODE * n, MAX_EDGES) - workloads;
  return generateGraph({
    clusters,
    namespacesPerCluster: NAMESPACES,
    workloadsPerNamespace,
    podsPerWorkload: PODS_PER_WORKLOAD,
    nodesPerCluster: NODES_PER_CLUSTER,
    edges: Math.max(0, edges),
    seed,
  });
}

/** The same graph in DependencyGraph's terms: every node, every edge, no nesting. */
export function toDependencyGraph(graph: TopologyGraph): {
  nodes: Array<{ id: string }>;
  edges: Array<{ from: string; to: string }>;
} {
  return {
    nodes: graph.nodes.map(node => ({ id: node.id })),
    edges: graph.edges.map(edge => ({ from: edge.source, to: edge.target })),
  };
}

/**
 * About sixty nodes of every leaf kind with long, similar names: what a
 * cluster or entity view looks like, for screenshots of labels and shapes.
 */
export function gallery(): TopologyGraph {
  const base = generateGraph({
    clusters: 1,
    namespacesPerCluster: 4,
    workloadsPerNamespace: 10,
    podsPerWorkload: 0,
    nodesPerCluster: 4,
    edges: 30,
  });
  const kinds = ['workload', 'workload', 'service', 'entity'] as const;
  const suffixes = ['canary', 'stable', 'worker', 'api', 'primary'];
  let w = 0;
  const nodes = base.nodes.map(node => {
    if (node.kind !== 'workload') return node;
    const kind = kinds[w % kinds.length];
    const name = `trading-engine-${suffixes[w % suffixes.length]}-${w}`;
    w++;
    return { ...node, kind, name: w % 3 ? name : `svc-${w}` };
  });
  const pods = nodes
    .filter(node => node.kind === 'workload')
    .slice(0, 3)
    .flatMap(node =>
      [0, 1, 2].map(p => ({
        ...node,
        id: `${node.id}/pod-${p}`,
        kind: 'pod' as const,
        name: `${node.name}-7d9f-${p}`,
        parent: node.id,
        pods: undefined,
        collapsedChildren: undefined,
      })),
    );
  return { ...base, nodes: [...nodes, ...pods] };
}
