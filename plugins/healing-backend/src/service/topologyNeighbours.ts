import {
  ClusterHandle,
  buildClusterGraph,
  graphIds,
  KubeObject,
} from '@cloud-native-platform/plugin-cloud-native-node';

const MAX_NEIGHBOURS = 5;

/**
 * Workload names near a workload in its namespace's topology graph (two
 * hops: through the Services and routes that join them), for the root
 * cause ranking. One graph per namespace is kept until the cluster changes.
 *
 * @public
 */
export class TopologyNeighbours {
  private readonly cache = new Map<
    string,
    {
      version: number;
      adjacency: Map<string, Set<string>>;
      names: Map<string, string>;
    }
  >();

  of(cluster: ClusterHandle, workload: KubeObject): string[] {
    const namespace = workload.metadata.namespace ?? '';
    const key = `${cluster.definition.name}/${namespace}`;
    let entry = this.cache.get(key);
    if (!entry || entry.version !== cluster.store.version) {
      const graph = buildClusterGraph(
        {
          definition: cluster.definition,
          store: cluster.store,
          status: cluster.status(),
        },
        { namespace },
      );
      const adjacency = new Map<string, Set<string>>();
      const link = (a: string, b: string) => {
        if (!adjacency.has(a)) adjacency.set(a, new Set());
        adjacency.get(a)!.add(b);
      };
      for (const edge of graph.edges) {
        link(edge.source, edge.target);
        link(edge.target, edge.source);
      }
      const names = new Map(
        graph.nodes.filter(n => n.kind === 'workload').map(n => [n.id, n.name]),
      );
      entry = { version: cluster.store.version, adjacency, names };
      this.cache.set(key, entry);
    }
    const start = graphIds.workload(cluster.definition.name, workload);
    const seen = new Set([start]);
    let frontier = [start];
    for (let hop = 0; hop < 2; hop++) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const n of entry.adjacency.get(id) ?? []) {
          if (!seen.has(n)) {
            seen.add(n);
            next.push(n);
          }
        }
      }
      frontier = next;
    }
    return [...seen]
      .filter(id => id !== start && entry!.names.has(id))
      .map(id => entry!.names.get(id)!)
      .slice(0, MAX_NEIGHBOURS);
  }
}
