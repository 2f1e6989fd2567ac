import { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterStateService } from '@cloud-native-platform/plugin-cloud-native-node';
import {
  platformAttempts,
  redactAttempt,
} from '@cloud-native-platform/plugin-healing-common';
import { HealingStore } from '../database/HealingStore';

const KINDS = [
  'Pod',
  'ReplicaSet',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'HorizontalPodAutoscaler',
  'Node',
  'Rollout',
];

/**
 * The platform self-healing task: what Kubernetes healed by itself in each
 * cluster, extracted from the cluster state and its events, stored by id
 * so a repeated extraction replaces rather than adds.
 *
 * @public
 */
export async function collectPlatformAttempts(options: {
  store: HealingStore;
  clusterState: ClusterStateService;
  logger: LoggerService;
}): Promise<number> {
  const { store, clusterState, logger } = options;
  let total = 0;
  for (const cluster of clusterState.clusters()) {
    const name = cluster.definition.name;
    try {
      const attempts = platformAttempts({
        cluster: name,
        objects: KINDS.flatMap(kind => cluster.store.list(kind)),
        events: cluster.store.list('Event'),
        now: new Date(),
        entityRefOf: workload => {
          const id = workload.metadata.labels?.['backstage.io/kubernetes-id'];
          return id
            ? `component:default/${id}`.toLocaleLowerCase('en-US')
            : undefined;
        },
      });
      // Event messages are the cluster's words and may quote a credential.
      await store.upsertPlatformAttempts(attempts.map(redactAttempt));
      total += attempts.length;
    } catch (error) {
      logger.warn(
        `cluster ${name} platform healing could not be read: ${error}`,
      );
    }
  }
  return total;
}
