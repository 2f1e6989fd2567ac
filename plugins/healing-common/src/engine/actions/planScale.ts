import { HealingPolicy } from '../policies';
import { cloneObject } from '../objects';
import {
  PlanContext,
  PlanResult,
  finishPlan,
  objectPath,
  podsOfWorkload,
  refOf,
} from './HealingPlan';

const SCALABLE = new Set([
  'Deployment',
  'StatefulSet',
  'ReplicaSet',
  'Rollout',
]);

/**
 * Plans a change of replicas by `step` through the scale subresource,
 * capped by the policy's max and, when an HPA targets the workload, kept
 * within its min and max so the two do not fight.
 *
 * @public
 */
export function planScale(
  context: PlanContext,
  scale: NonNullable<HealingPolicy['scale']>,
): PlanResult {
  const { workload, view } = context;
  if (!SCALABLE.has(workload.kind)) {
    return { ok: false, reason: `a ${workload.kind} has no replicas to scale` };
  }
  const current = Number(workload.spec?.replicas ?? 1);
  const hpa = view
    .list('HorizontalPodAutoscaler', { namespace: workload.metadata.namespace })
    .find(
      h =>
        h.spec?.scaleTargetRef?.kind === workload.kind &&
        h.spec?.scaleTargetRef?.name === workload.metadata.name,
    );
  let low = 0;
  let high = scale.max;
  if (hpa) {
    low = Number(hpa.spec?.minReplicas ?? 1);
    high = Math.min(high, Number(hpa.spec?.maxReplicas ?? high));
  }
  const desired = Math.max(low, Math.min(high, current + scale.step));
  if (desired === current) {
    const bound = hpa
      ? ` (HorizontalPodAutoscaler ${hpa.metadata.name}: ${low}–${high})`
      : '';
    return {
      ok: false,
      reason: `${workload.kind} ${workload.metadata.name} is already at ${current} replicas, the limit${bound}`,
    };
  }
  const applyPatch = (object: typeof workload) => {
    const next = cloneObject(object);
    next.spec = { ...next.spec, replicas: desired };
    return next;
  };
  return {
    ok: true,
    plan: finishPlan(workload, {
      action: 'scale',
      description: `Scale ${workload.kind} ${
        workload.metadata.name
      } from ${current} to ${desired} replicas${
        hpa
          ? ` within HorizontalPodAutoscaler ${hpa.metadata.name} (${low}–${high})`
          : ''
      }`,
      object: refOf(workload),
      patch: {
        method: 'PATCH',
        path: `${objectPath(workload)}/scale`,
        contentType: 'application/merge-patch+json',
        body: { spec: { replicas: desired } },
      },
      podsRemoved: Math.max(0, current - desired),
      pods: podsOfWorkload(view, workload),
      applyPatch,
    }),
  };
}
