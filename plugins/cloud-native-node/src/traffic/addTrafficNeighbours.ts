import { TopologyGraph } from '@cloud-native-platform/plugin-cloud-native-common';
import { ClusterHandle } from '../state/ClusterStateService';
import { workloadNodes } from '../topology/buildTopologyGraph';
import { graphIds } from '../topology/graphIds';
import { resolveIstioWorkload, TrafficEndpoint } from './resolveIstioWorkload';
import { TrafficSnapshot } from './TrafficCollector';

/**
 * Adds to an entity's graph the workloads that exchange traffic with it:
 * its callers and the services it calls, in any cluster. Without them the
 * entity's map would show only traffic between its own workloads, and not
 * who depends on it. They are drawn collapsed, inside their namespace when
 * the graph has it, and marked as context in their detail line.
 *
 * @public
 */
export function addTrafficNeighbours(
  graph: TopologyGraph,
  snapshot: TrafficSnapshot,
  clusters: ReadonlyArray<Pick<ClusterHandle, 'definition' | 'store'>>,
): TopologyGraph {
  const present = new Set(graph.nodes.map(n => n.id));
  const stores = new Map(clusters.map(c => [c.definition.name, c.store]));
  const lookUp = (endpoint: TrafficEndpoint) => {
    const store = stores.get(endpoint.cluster);
    const object =
      store &&
      resolveIstioWorkload(store, endpoint.namespace, endpoint.workload);
    return object && store
      ? { store, object, id: graphIds.workload(endpoint.cluster, object) }
      : undefined;
  };
  for (const { source, destination } of snapshot.edges) {
    const from = lookUp(source);
    const to = lookUp(destination);
    if (!from || !to) continue;
    const fromIn = present.has(from.id);
    const toIn = present.has(to.id);
    if (fromIn === toIn) continue;
    const [other, endpoint, role] = fromIn
      ? [to, destination, 'called by']
      : [from, source, 'calls'];
    const namespaceId = graphIds.namespace(
      endpoint.cluster,
      endpoint.namespace,
    );
    const clusterId = graphIds.cluster(endpoint.cluster);
    let parent: string | undefined;
    if (present.has(namespaceId)) parent = namespaceId;
    else if (present.has(clusterId)) parent = clusterId;
    const [node] = workloadNodes(
      endpoint.cluster,
      other.store,
      other.object,
      parent ?? '',
      undefined,
    );
    if (!parent) delete node.parent;
    const entityName = graph.nodes.find(n => n.kind === 'entity')?.name;
    node.detail = `${role} ${entityName ?? 'this entity'} · ${node.detail}`;
    graph.nodes.push(node);
    present.add(node.id);
  }
  return graph;
}
