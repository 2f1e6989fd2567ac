import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  clusterTopologyObjectReadPermission,
  ClustersResponse,
  ClusterObjectDetails,
  EntityDeliveriesResponse,
  EntityWorkloadsResponse,
  TOPOLOGY_LAYERS,
  TopologyGraphResponse,
} from '@cloud-native-platform/plugin-cluster-topology-common';
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
  deliveryOf,
  fleetApplications,
  graphIds,
  openApiErrorHandler,
  toTopologyEdges,
  TrafficCollector,
  WORKLOAD_KINDS,
  resolveEntityWorkloads,
  summarizePods,
  workloadHealth,
} from '@cloud-native-platform/plugin-cloud-native-node';
import express from 'express';
import { clusterStorage } from './clusterStorage';
import { objectDetails } from './objectDetails';
import { PodLogLimits, PodLogsRoute } from './podLogs';
import { spec } from '../schema/openapi';
import { entityRefParam } from './entityRefParam';
import {
  clustersWithObjectDetails,
  withoutObjectDetails,
} from './withoutObjectDetails';

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

/** The value at a path of plain objects, or undefined where one is missing. */
function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The container images of a workload's pod template (or a CronJob's job template). */
function imagesOf(workloadSpec: unknown): string[] {
  const podSpec =
    field(workloadSpec, 'template', 'spec') ??
    field(workloadSpec, 'jobTemplate', 'spec', 'template', 'spec');
  const containers = field(podSpec, 'containers');
  if (!Array.isArray(containers)) return [];
  return containers
    .map(container => field(container, 'image'))
    .filter((image): image is string => typeof image === 'string');
}

const LAYERS: readonly string[] = TOPOLOGY_LAYERS;

/**
 * Options of {@link createRouter}.
 *
 * @public
 */
export interface RouterOptions {
  clusterState: ClusterStateService;
  catalog: CatalogService;
  /**
   * Where entity views read their entity: the plugin's
   * `CatalogEntityCache`; the catalog itself when not given.
   */
  entities?: Pick<CatalogService, 'getEntityByRef'>;
  httpAuth: HttpAuthService;
  /** Decides cluster-topology.object.read per cluster. */
  permissions: PermissionsService;
  traffic: TrafficCollector;
  /** Bounds of GET /logs; `cloudNativePlatform.logs` or its defaults unless given. */
  logLimits?: PodLogLimits;
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
  const entities = options.entities ?? catalog;
  const router = createValidatedOpenApiRouter<typeof spec>(spec);

  router.get('/clusters', async (_req, res) => {
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
        storage: clusterStorage(cluster.store),
      };
    });
    res.json({ items } satisfies ClustersResponse);
  });

  // A catalog entity's workloads in every cluster, with pod health roll-ups.
  router.get('/workloads', async (req, res) => {
    const { entityRef } = req.query;
    if (!entityRef) {
      throw new InputError(
        'entityRef query parameter is required, for example component:default/trading-engine',
      );
    }
    const ref = entityRefParam('entityRef', entityRef);
    const entity = await entities.getEntityByRef(ref, {
      credentials: await httpAuth.credentials(req),
    });
    if (!entity) {
      throw new NotFoundError(
        `no entity ${stringifyEntityRef(ref)} in the catalog`,
      );
    }
    const result = resolveEntityWorkloads(entity, clusterState.clusters());
    const answer = {
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
    } satisfies EntityWorkloadsResponse;
    res.json(answer);
  });

  // How each workload of an entity is delivered: Argo CD, Rollouts, Tekton.
  router.get('/deliveries', async (req, res) => {
    const { entityRef } = req.query;
    if (!entityRef) {
      throw new InputError(
        'entityRef query parameter is required, for example component:default/trading-engine',
      );
    }
    const ref = entityRefParam('entityRef', entityRef);
    const credentials = await httpAuth.credentials(req);
    const entity = await entities.getEntityByRef(ref, { credentials });
    if (!entity) {
      throw new NotFoundError(
        `no entity ${stringifyEntityRef(ref)} in the catalog`,
      );
    }
    const clusters = clusterState.clusters();
    const result = resolveEntityWorkloads(entity, clusters);
    // Revisions, Applications and pipeline runs are read from inside the
    // clusters' objects: only callers who may read them see them.
    const searched = [...new Set(result.workloads.map(w => w.cluster))];
    const decisions =
      searched.length > 0
        ? await options.permissions.authorize(
            searched.map(name => ({
              permission: clusterTopologyObjectReadPermission,
              resourceRef: name,
            })),
            { credentials },
          )
        : [];
    const denied = new Set(
      searched.filter((_, i) => decisions[i].result !== AuthorizeResult.ALLOW),
    );
    const applications = fleetApplications(
      clusters
        .filter(c => !denied.has(c.definition.name))
        .map(c => ({ name: c.definition.name, store: c.store })),
    );
    const now = new Date();
    const items: EntityDeliveriesResponse['items'] = [];
    for (const { cluster, workload } of result.workloads) {
      if (denied.has(cluster)) continue;
      const handle = clusterState.cluster(cluster)!;
      const delivery = deliveryOf(
        { name: cluster, store: handle.store },
        workload,
        { applications, now },
      );
      items.push({
        cluster,
        workload: {
          kind: workload.kind,
          namespace: workload.metadata.namespace,
          name: workload.metadata.name,
        },
        argocd: delivery.argocd && {
          application: delivery.argocd.application,
          syncStatus: delivery.argocd.syncStatus,
          health: delivery.argocd.health,
          revision: delivery.argocd.revision,
          lastSyncAt: delivery.argocd.lastSyncAt,
          automated: delivery.argocd.automated,
          selfHeal: delivery.argocd.selfHeal,
        },
        rollout: delivery.rollout && {
          strategy: delivery.rollout.strategy,
          step: delivery.rollout.step,
          totalSteps: delivery.rollout.totalSteps,
          canaryWeight: delivery.rollout.canaryWeight,
          analysis: delivery.rollout.analysis,
          phase: delivery.rollout.phase,
        },
        pipelineRuns: delivery.pipelineRuns.map(run => ({
          name: run.name,
          pipeline: run.pipeline,
          status: run.status,
          startedAt: run.startedAt,
          durationSeconds: run.durationSeconds,
        })),
      });
    }
    const answer = {
      items,
      errors: [
        ...result.errors,
        ...[...denied].map(cluster => ({
          cluster,
          error: `reading objects of cluster ${cluster} needs the ${clusterTopologyObjectReadPermission.name} permission`,
        })),
      ],
    } satisfies EntityDeliveriesResponse;
    res.json(answer);
  });

  router.get('/graph', async (req, res) => {
    const {
      entityRef,
      cluster: clusterName,
      namespace,
      expand: expandText,
      layers: layersText,
      window: windowText = '5m',
    } = req.query;

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
    const buildOptions = {
      expand,
      staticLayer: layers.has('static'),
      storageLayer: layers.has('storage'),
    };
    const clusters = clusterState.clusters();

    let graph;
    if (entityRef !== undefined) {
      const ref = entityRefParam('entityRef', entityRef);
      const entity = await entities.getEntityByRef(ref, {
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
    // Labels and spec details are object details: only callers who may
    // read a cluster's objects see them.
    const detailed = clustersWithObjectDetails(graph);
    const decisions =
      detailed.length > 0
        ? await options.permissions.authorize(
            detailed.map(name => ({
              permission: clusterTopologyObjectReadPermission,
              resourceRef: name,
            })),
            { credentials: await httpAuth.credentials(req) },
          )
        : [];
    const denied = new Set(
      detailed.filter((_, i) => decisions[i].result !== AuthorizeResult.ALLOW),
    );
    res.json(
      withoutObjectDetails(graph, denied) satisfies TopologyGraphResponse,
    );
  });

  // One object of a cluster with its events and YAML, for the side panel.
  router.get('/object', async (req, res) => {
    const { cluster: clusterName, kind, name } = req.query;
    const namespace = req.query.namespace || undefined;
    if (!clusterName || !kind || !name) {
      const missing = Object.entries({ cluster: clusterName, kind, name })
        .filter(([, value]) => !value)
        .map(([key]) => key);
      throw new InputError(
        `missing query parameter${missing.length > 1 ? 's' : ''} ${missing.join(
          ', ',
        )}`,
      );
    }
    // Secret values are never served, whatever the cluster state holds.
    if (kind.toLowerCase() === 'secret') {
      throw new InputError('kind Secret: Secrets are not served');
    }
    const cluster = clusterState.cluster(clusterName);
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
    const object = cluster.store.get(kind, namespace, name);
    if (!object) {
      throw new NotFoundError(
        `cluster ${clusterName} has no ${kind} ${
          namespace ? `${namespace}/` : ''
        }${name}`,
      );
    }
    res.json(
      objectDetails(cluster.store, object) satisfies ClusterObjectDetails,
    );
  });

  // A pod's log lines, as text or followed as server-sent events.
  const logs = new PodLogsRoute({
    clusterState,
    httpAuth,
    permissions: options.permissions,
    limits: options.logLimits,
  });
  router.get('/logs', async (req, res) => {
    await logs.handle(req, res);
  });

  router.use(openApiErrorHandler());
  return router;
}
