import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  TopologyEdge,
  TopologyGraph,
  TopologyNode,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { resolveEntityWorkloads } from '../state/resolveEntityWorkloads';
import { ClusterHandle } from '../state/ClusterStateService';
import {
  BuildGraphOptions,
  clusterHealth,
  GraphCluster,
  workloadNodes,
  worstHealth,
} from './buildTopologyGraph';
import { graphIds } from './graphIds';
import { staticEdges } from './staticEdges';

/** Catalog relations drawn in the catalog layer. */
const CATALOG_RELATIONS = new Set([
  'dependsOn',
  'dependencyOf',
  'consumesApi',
  'providesApi',
  'partOf',
]);

/**
 * A catalog entity across the fleet: every cluster it runs in, its
 * workloads there (pods collapsed unless expanded), the services in front
 * of them and, in the catalog layer, the entities it relates to.
 *
 * @public
 */
export function buildEntityGraph(
  entity: Entity,
  clusters: ClusterHandle[],
  options: BuildGraphOptions & { catalogLayer?: boolean } = {},
): TopologyGraph {
  const entityRef = stringifyEntityRef(entity);
  const resolved = resolveEntityWorkloads(entity, clusters);
  const nodes: TopologyNode[] = [];
  const edges: TopologyEdge[] = [];

  for (const name of resolved.clusters) {
    const handle = clusters.find(c => c.definition.name === name)!;
    const cluster: GraphCluster = {
      definition: handle.definition,
      store: handle.store,
      status: handle.status(),
    };
    const clusterId = graphIds.cluster(name);
    const mine = resolved.workloads.filter(w => w.cluster === name);
    const clusterNodes: TopologyNode[] = [];
    const namespaces = new Map<string, TopologyNode>();
    for (const { workload } of mine) {
      const namespace = workload.metadata.namespace ?? '';
      const namespaceId = graphIds.namespace(name, namespace);
      if (!namespaces.has(namespaceId)) {
        namespaces.set(namespaceId, {
          id: namespaceId,
          kind: 'namespace',
          name: namespace,
          cluster: name,
          namespace,
          status: 'healthy',
          parent: clusterId,
        });
      }
      const added = workloadNodes(
        name,
        handle.store,
        workload,
        namespaceId,
        options.expand,
      );
      const ns = namespaces.get(namespaceId)!;
      ns.status = worstHealth(ns.status, added[0].status);
      clusterNodes.push(...added);
    }
    // Services in front of the entity's workloads.
    const workloadIds = new Set(clusterNodes.map(n => n.id));
    const serviceNodes: TopologyNode[] = [];
    for (const ns of namespaces.values()) {
      for (const service of handle.store.list('Service', {
        namespace: ns.namespace,
      })) {
        serviceNodes.push({
          id: graphIds.service(name, service),
          kind: 'service',
          name: service.metadata.name,
          cluster: name,
          namespace: ns.namespace,
          status: 'healthy',
          parent: ns.id,
          objectKind: 'Service',
        });
      }
    }
    const ids = new Set([...workloadIds, ...serviceNodes.map(s => s.id)]);
    const clusterEdges =
      options.staticLayer === false
        ? []
        : staticEdges(
            name,
            handle.store,
            ids,
            [...namespaces.values()].map(n => n.namespace!),
          );
    // Keep only the services that lead to the entity's workloads.
    const usedServices = new Set(clusterEdges.map(e => e.source));
    const workloads = clusterNodes.filter(n => n.kind === 'workload');
    nodes.push(
      {
        id: clusterId,
        kind: 'cluster',
        name,
        cluster: name,
        status: clusterHealth(cluster.status, workloads),
        role: handle.definition.role,
        region: handle.definition.region,
        detail:
          mine.length === 0
            ? 'not deployed here'
            : `${workloads.length} workloads`,
      },
      ...namespaces.values(),
      ...clusterNodes,
      ...serviceNodes.filter(s => usedServices.has(s.id)),
    );
    edges.push(...clusterEdges);
  }

  if (options.catalogLayer !== false) {
    const entityId = graphIds.entity(entityRef);
    nodes.push({
      id: entityId,
      kind: 'entity',
      name: entity.metadata.title ?? entity.metadata.name,
      status: 'healthy',
      entityRef,
    });
    for (const relation of entity.relations ?? []) {
      if (!CATALOG_RELATIONS.has(relation.type)) continue;
      const targetId = graphIds.entity(relation.targetRef);
      if (!nodes.some(n => n.id === targetId)) {
        nodes.push({
          id: targetId,
          kind: 'entity',
          name: relation.targetRef,
          status: 'unknown',
          entityRef: relation.targetRef,
        });
      }
      edges.push({
        id: `catalog:${entityId}->${targetId}:${relation.type}`,
        source: entityId,
        target: targetId,
        kind: 'catalog',
        relation: relation.type,
      });
    }
  }

  return {
    level: 'entity',
    nodes,
    edges,
    errors: resolved.errors,
    notices: [],
    generatedAt: new Date().toISOString(),
  };
}
