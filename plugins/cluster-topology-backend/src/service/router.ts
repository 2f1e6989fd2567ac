import { HttpAuthService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ClusterHandle,
  ClusterStateService,
  resolveEntityWorkloads,
  summarizePods,
  workloadHealth,
} from '@cloud-native-platform/plugin-cloud-native-node';
import express from 'express';
import Router from 'express-promise-router';

/** Kinds counted as workloads when nothing owns them. */
const WORKLOAD_KINDS = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'CronJob',
  'Job',
  'Rollout',
  'VirtualMachine',
  'VirtualMachineInstance',
];

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

/**
 * Options of {@link createRouter}.
 *
 * @public
 */
export interface RouterOptions {
  clusterState: ClusterStateService;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
}

/**
 * The cluster-topology HTTP API, answered from the shared cluster state.
 *
 * @public
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { clusterState, catalog, httpAuth } = options;
  const router = Router();
  router.use(express.json());

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
      };
    });
    res.json({ items });
  });

  // A catalog entity's workloads in every cluster, with pod health roll-ups.
  router.get('/workloads', async (req, res) => {
    const { entityRef } = req.query;
    if (typeof entityRef !== 'string' || entityRef === '') {
      throw new InputError(
        'entityRef query parameter is required, for example component:default/trading-engine',
      );
    }
    let ref;
    try {
      ref = parseEntityRef(entityRef, { defaultKind: 'component' });
    } catch (error) {
      throw new InputError(
        `entityRef '${entityRef}' is not an entity reference: ${
          (error as Error).message
        }`,
      );
    }
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
          replicas: workload.spec?.replicas,
          images: imagesOf(workload.spec),
          pods: summary,
        };
      }),
    });
  });

  return router;
}
