import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ClusterHandle,
  KubeObject,
} from '@cloud-native-platform/plugin-cloud-native-node';
import { HealingPlan } from '@cloud-native-platform/plugin-healing-common';
import { sendKubernetesPatch } from './KubernetesPatchSender';

/**
 * Carries a plan out: on a live cluster by sending its request, on a
 * manifests cluster by applying it to the cluster state in memory (the
 * files stay as they are; a reload of them undoes it), so the topology
 * shows the change.
 *
 * @public
 */
export class ActionExecutor {
  constructor(
    private readonly logger: LoggerService,
    private readonly send: typeof sendKubernetesPatch = sendKubernetesPatch,
  ) {}

  async apply(cluster: ClusterHandle, plan: HealingPlan): Promise<void> {
    const { definition, store } = cluster;
    const { kind, namespace, name } = plan.object;
    if (definition.source.type === 'kubernetes') {
      await this.send(definition, plan.patch);
    } else {
      const current = store.get(kind, namespace, name);
      if (!current) {
        throw new Error(
          `${kind} ${namespace ?? ''}/${name} is no longer in cluster ${
            definition.name
          }`,
        );
      }
      const next = plan.applyPatch(current);
      if (next) store.upsert(next as KubeObject);
      else store.delete(current);
    }
    this.logger.info(`cluster ${definition.name}: ${plan.change.description}`);
  }
}
