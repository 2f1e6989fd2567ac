import type { Pod } from '@cloud-native-platform/plugin-cloud-native-common';
import { isPodReady } from '../disruptionBudgets';
import {
  PlanContext,
  PlanResult,
  finishPlan,
  objectPath,
  podsOfWorkload,
  refOf,
} from './HealingPlan';

function restarts(pod: Pod): number {
  return (pod.status?.containerStatuses ?? []).reduce(
    (n, c) => n + Number(c?.restartCount ?? 0),
    0,
  );
}

/**
 * Plans the eviction of one pod of the workload through the Eviction API,
 * which itself refuses to break a PodDisruptionBudget: the named pod, or
 * the sickest (not ready first, then most restarts).
 *
 * @public
 */
export function planEviction(
  context: PlanContext,
  podName?: string,
): PlanResult {
  const { view, workload } = context;
  const pods = podsOfWorkload(view, workload);
  const pod = podName
    ? pods.find(p => p.metadata.name === podName)
    : [...pods].sort(
        (a, b) =>
          Number(isPodReady(a)) - Number(isPodReady(b)) ||
          restarts(b) - restarts(a) ||
          a.metadata.name.localeCompare(b.metadata.name),
      )[0];
  if (!pod) {
    return {
      ok: false,
      reason: podName
        ? `pod ${podName} is not a pod of ${workload.kind} ${workload.metadata.name}`
        : `${workload.kind} ${workload.metadata.name} has no pods to evict`,
    };
  }
  return {
    ok: true,
    plan: finishPlan(pod, {
      action: 'evict',
      description: `Evict pod ${pod.metadata.name} of ${workload.kind} ${workload.metadata.name}`,
      object: refOf(pod),
      patch: {
        method: 'POST',
        path: `${objectPath(pod)}/eviction`,
        contentType: 'application/json',
        body: {
          apiVersion: 'policy/v1',
          kind: 'Eviction',
          metadata: {
            name: pod.metadata.name,
            namespace: pod.metadata.namespace,
          },
        },
      },
      podsRemoved: 1,
      pods: [pod],
      applyPatch: () => null,
    }),
  };
}
