import type {
  TopologyGraph,
  TopologyNodeKind,
} from '@cloud-native-platform/plugin-cloud-native-common';

const KIND_WORDS: Array<[TopologyNodeKind, string, string]> = [
  ['group', 'group', 'groups'],
  ['cluster', 'cluster', 'clusters'],
  ['node', 'node', 'nodes'],
  ['namespace', 'namespace', 'namespaces'],
  ['workload', 'workload', 'workloads'],
  ['service', 'service', 'services'],
  ['pod', 'pod', 'pods'],
  ['volume', 'storage object', 'storage objects'],
  ['entity', 'catalog entity', 'catalog entities'],
];

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function joinList(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * One-sentence summary of a graph for the canvas's `aria-label`, e.g.
 * "Topology of 4 clusters, 120 workloads and 300 edges; 2 failing, 5 degraded".
 */
export function describeGraph(graph: TopologyGraph): string {
  if (graph.nodes.length === 0) return 'Empty topology';
  const byKind = new Map<string, number>();
  let failing = 0;
  let degraded = 0;
  for (const node of graph.nodes) {
    byKind.set(node.kind, (byKind.get(node.kind) ?? 0) + 1);
    if (node.status === 'failing') failing++;
    else if (node.status === 'degraded') degraded++;
  }
  const parts = KIND_WORDS.filter(([kind]) => byKind.has(kind)).map(
    ([kind, one, many]) => count(byKind.get(kind)!, one, many),
  );
  parts.push(count(graph.edges.length, 'edge', 'edges'));
  const health = [];
  if (failing > 0) health.push(`${failing} failing`);
  if (degraded > 0) health.push(`${degraded} degraded`);
  const tail = health.length > 0 ? `; ${health.join(', ')}` : '';
  return `Topology of ${joinList(parts)}${tail}`;
}
