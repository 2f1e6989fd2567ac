import {
  ClusterHandle,
  ClusterStateService,
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

/**
 * Options of {@link createRouter}.
 *
 * @public
 */
export interface RouterOptions {
  clusterState: ClusterStateService;
}

/**
 * The cluster-topology HTTP API.
 *
 * @public
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { clusterState } = options;
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
      };
    });
    res.json({ items });
  });

  return router;
}
