import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { clusterTopologyObjectReadPermission } from '@cloud-native-platform/plugin-cluster-topology-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  desiredReplicas,
  isTrafficWindow,
  TRAFFIC_WINDOWS,
  trafficWindowMs,
} from '@cloud-native-platform/plugin-cloud-native-common';
import {
  addTrafficLayer,
  addTrafficNeighbours,
  buildClusterGraph,
  buildEntityGraph,
  buildFleetGraph,
  ClusterHandle,
  ClusterStateService,
  graphIds,
  toTopologyEdges,
  TrafficCollector,
  WORKLOAD_KINDS,
  resolveEntityWorkloads,
  summarizePods,
  workloadHealth,
} from '@cloud-native-platform/plugin-cloud-native-node';
import express from 'express';
import Router from 'express-promise-router';
import { HealingPolicy } from '@cloud-native-platform/plugin-healing-common';
import { objectDetails } from './objectDetails';
import { allowOnly, entityRefParam, Query, single } from './queryParams';
import { MaturityAssessor } from './MaturityAssessor';
import { addMaturityRoutes } from './maturityRoutes';
import { MaturityStore } from '../database/MaturityStore';

function countWorkloads(cluster: ClusterHandle): number {
  let count = 0;
  for (const kind of WORKLOAD_KINDS) {
    for (const object of cluster.store.list(kind)) {
      // A Job of a CronJob or the instance of a VirtualMachine is part of its owner.
      if (!cluster.store.owner(object)) count++;
    }
  }
  return count;
}

function imagesOf(spec: any): string[] {
  const podSpec =
    spec?.template?.spec ?? spec?.jobTemplate?.spec?.template?.spec;
  return (podSpec?.containers ?? []).map((c: any) => c.image);
}

const LAYERS = ['static', 'traffic', 'catalog'];
const GRAPH_PARAMS = [
  'entityRef',
  'cluster',
  'namespace',
  'expand',
  'layers',
  'window',
];

/**
 * Options of {@link createRouter}.
 *
 * @public
 */
export interface RouterOptions {
  clusterState: ClusterStateService;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  /** Decides cluster-topology.object.read per cluster. */
  permissions: PermissionsService;
  traffic: TrafficCollector;
  /** Healing policies (`healing.policies`), read for the maturity score. */
  healingPolicies?: HealingPolicy[];
  /** Scores maturity; one without remote signals is made when absent. */
  maturityAssessor?: MaturityAssessor;
  /** Maturity snapshots for the trend; the history is empty without. */
  maturityStore?: MaturityStore;
}

/**
 * The cluster-topology HTTP API, answered from the shared cluster state.
 *
 * @public
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { clusterState, catalog, httpAuth, traffic } = options;
  const router = Router();
  router.use(express.json());
  addMaturityRoutes(router, {
    catalog,
    httpAuth,
    assessor:
      options.maturityAssessor ??
      new MaturityAssessor({
        clusterState,
        catalog,
        policies: options.healingPolicies ?? [],
      }),
    store: options.maturityStore,
  });

  router.get('/clusters', async (req, res) => {
    allowOnly(req.query, []);
    const items = clusterState.clusters().map(cluster => {
      const status = cluster.status();
      return {
        name: status.name,
        role: status.role,
        region: status.region,
        labels: status.labels,
        source: status.source,
        status: status.state,
        error: status.error,
        lastSyncAt: status.lastSyncAt,
        counts: {
          nodes: cluster.store.count('Node'),
          namespaces: cluster.store.count('Namespace'),
          workloads: countWorkloads(cluster),
          pods: cluster.store.count('Pod'),
        },
        kinds: status.kinds,
        problems: status.problems,
        prometheus: status.prometheus,
      };
    });
    res.json({ items });
  });

  // A catalog entity's workloads in every cluster, with pod health roll-ups.
  router.get('/workloads', async (req, res) => {
    const query = req.query as Query;
    allowOnly(query, ['entityRef']);
    const entityRef = single(query, 'entityRef');
    if (!entityRef) {
      throw new InputError(
        'entityRef query parameter is required, for example component:default/trading-engine',
      );
    }
    const ref = entityRefParam('entityRef', entityRef);
    const entity = await catalog.getEntityByRef(ref, {
      credentials: await httpAuth.credentials(req),
    });
    if (!entity) {
      throw new NotFoundError(
        `no entity ${stringifyEntityRef(ref)} in the catalog`,
      );
    }
    const result = resolveEntityWorkloads(entity, clusterState.clusters());
    res.json({
      entityRef: stringifyEntityRef(entity),
      clusters: result.clusters,
      errors: result.errors,
      items: result.workloads.map(({ cluster, workload, pods }) => {
        const summary = summarizePods(pods);
        return {
          cluster,
          kind: workload.kind,
          namespace: workload.metadata.namespace,
          name: workload.metadata.name,
          health: workloadHealth(summary),
          replicas: desiredReplicas(workload),
          images: imagesOf(workload.spec),
          pods: summary,
        };
      }),
    });
  });

  router.get('/graph', async (req, res) => {
    const query = req.query as Query;
    allowOnly(query, GRAPH_PARAMS);
    const entityRef = single(query, 'entityRef');
    const clusterName = single(query, 'cluster');
    const namespace = single(query, 'namespace');
    const expandText = single(query, 'expand');
    const layersText = single(query, 'layers');
    const windowText = single(query, 'window') ?? '5m';

    if (entityRef !== undefined && clusterName !== undefined) {
      throw new InputError('give either entityRef or cluster, not both');
    }
    if (namespace !== undefined && clusterName === undefined) {
      throw new InputError('namespace needs a cluster parameter');
    }
    const layers = new Set(
      (layersText ?? LAYERS.join(','))
        .split(',')
        .map(l => l.trim())
        .filter(Boolean),
    );
    const unknownLayer = [...layers].find(l => !LAYERS.includes(l));
    if (unknownLayer) {
      throw new InputError(
        `layers: unknown layer '${unknownLayer}'; layers are ${LAYERS.join(
          ', ',
        )}`,
      );
    }
    // A fixed set: any duration would be one more traffic snapshot cached,
    // and a fraction of a millisecond is no PromQL duration at all.
    if (!isTrafficWindow(windowText)) {
      throw new InputError(
        `window: '${windowText}' is not one of ${TRAFFIC_WINDOWS.join(', ')}`,
      );
    }
    const windowMs = trafficWindowMs(windowText);
    const expand =
      expandText === 'all'
        ? ('all' as const)
        : new Set((expandText ?? '').split(',').filter(Boolean));
    const buildOptions = { expand, staticLayer: layers.has('static') };
    const clusters = clusterState.clusters();

    let graph;
    if (entityRef !== undefined) {
      const ref = entityRefParam('entityRef', entityRef);
      const entity = await catalog.getEntityByRef(ref, {
        credentials: await httpAuth.credentials(req),
      });
      if (!entity) {
        throw new NotFoundError(
          `no entity ${stringifyEntityRef(ref)} in the catalog`,
        );
      }
      graph = buildEntityGraph(entity, clusters, {
        ...buildOptions,
        catalogLayer: layers.has('catalog'),
      });
    } else if (clusterName !== undefined) {
      const cluster = clusterState.cluster(clusterName);
      if (!cluster) {
        throw new NotFoundError(
          `no cluster named ${clusterName}; clusters are ${clusters
            .map(c => c.definition.name)
            .join(', ')}`,
        );
      }
      if (
        namespace !== undefined &&
        !cluster.store.get('Namespace', undefined, namespace)
      ) {
        throw new NotFoundError(
          `cluster ${clusterName} has no namespace ${namespace}`,
        );
      }
      graph = buildClusterGraph(
        {
          definition: cluster.definition,
          store: cluster.store,
          status: cluster.status(),
        },
        { ...buildOptions, namespace },
      );
    } else {
      graph = buildFleetGraph(
        clusters.map(c => ({
          definition: c.definition,
          store: c.store,
          status: c.status(),
        })),
      );
    }

    if (layers.has('traffic')) {
      if (!clusters.some(c => c.prometheus)) {
        graph.notices.push(
          'Traffic unavailable: no cluster has prometheus.url configured.',
        );
      } else {
        const snapshot = await traffic.getTraffic(windowMs);
        if (graph.level === 'fleet') {
          // At fleet level traffic is summed per pair of clusters.
          const ids = new Set(graph.nodes.map(n => n.id));
          graph.edges.push(
            ...toTopologyEdges(snapshot, ids, e => graphIds.cluster(e.cluster)),
          );
          for (const { cluster, error } of snapshot.errors) {
            graph.notices.push(
              `Traffic of cluster ${cluster} unavailable: ${error}`,
            );
          }
        } else {
          if (graph.level === 'entity') {
            addTrafficNeighbours(graph, snapshot, clusters);
          }
          addTrafficLayer(graph, snapshot, clusters);
        }
      }
    }
    res.json(graph);
  });

  // One object of a cluster with its events and YAML, for the side panel.
  router.get('/object', async (req, res) => {
    const query = req.query as Query;
    allowOnly(query, ['cluster', 'kind', 'namespace', 'name']);
    const clusterName = single(query, 'cluster');
    const kind = single(query, 'kind');
    const name = single(query, 'name');
    const namespace = single(query, 'namespace') || undefined;
    const missing = Object.entries({ cluster: clusterName, kind, name })
      .filter(([, value]) => !value)
      .map(([key]) => key);
    if (missing.length > 0) {
      throw new InputError(
        `missing query parameter${missing.length > 1 ? 's' : ''} ${missing.join(
          ', ',
        )}`,
      );
    }
    // Secret values are never served, whatever the cluster state holds.
    if (kind!.toLowerCase() === 'secret') {
      throw new InputError('kind Secret: Secrets are not served');
    }
    const cluster = clusterState.cluster(clusterName!);
    if (!cluster) {
      throw new NotFoundError(
        `no cluster named ${clusterName}; clusters are ${clusterState
          .clusters()
          .map(c => c.definition.name)
          .join(', ')}`,
      );
    }
    const [decision] = await options.permissions.authorize(
      [
        {
          permission: clusterTopologyObjectReadPermission,
          resourceRef: cluster.definition.name,
        },
      ],
      { credentials: await httpAuth.credentials(req) },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `reading objects of cluster ${cluster.definition.name} needs the ${clusterTopologyObjectReadPermission.name} permission`,
      );
    }
    const object = cluster.store.get(kind!, namespace, name!);
    if (!object) {
      throw new NotFoundError(
        `cluster ${clusterName} has no ${kind} ${
          namespace ? `${namespace}/` : ''
        }${name}`,
      );
    }
    res.json(objectDetails(cluster.store, object));
  });

  return router;
}
