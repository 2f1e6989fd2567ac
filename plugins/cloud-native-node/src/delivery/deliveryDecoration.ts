import { TopologyDelivery } from '@cloud-native-platform/plugin-cloud-native-common';
import { KubeObject } from '../state/KubeObject';
import { DeliveryCluster, deliveryOf, fleetApplications } from './deliveryOf';

/**
 * The delivery badge of a workload node, from the Argo CD Applications of
 * the workload's own cluster, its Rollout and its PipelineRuns; undefined
 * when none of them concerns the workload, so most nodes carry nothing.
 *
 * @public
 */
export function deliveryDecoration(
  cluster: DeliveryCluster,
  workload: KubeObject,
  now: Date = new Date(),
): TopologyDelivery | undefined {
  const { store } = cluster;
  // Cheap exit: the clusters without these kinds are most of them.
  if (
    store.count('Application') === 0 &&
    store.count('Rollout') === 0 &&
    store.count('PipelineRun') === 0
  ) {
    return undefined;
  }
  const { argocd, rollout, pipelineRuns } = deliveryOf(cluster, workload, {
    applications: fleetApplications([cluster]),
    now,
  });
  if (!argocd && !rollout && pipelineRuns.length === 0) return undefined;
  return {
    application: argocd?.application,
    syncStatus: argocd?.syncStatus,
    health: argocd?.health,
    selfHeal: argocd ? argocd.selfHeal : undefined,
    rolloutPhase: rollout?.phase,
    canaryWeight: rollout?.canaryWeight,
    step: rollout?.step,
    totalSteps: rollout?.totalSteps,
    pipelineStatus: pipelineRuns[0]?.status,
  };
}
