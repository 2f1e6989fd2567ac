import {
  fieldOf,
  recordOf,
  templateMetadataOf,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { HealingPolicy } from '../policies';
import { selectorMatches } from '../labelSelector';
import { ClusterObject, ClusterObjectsView, cloneObject } from '../objects';
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

/** `minAvailable` as a count of `replicas`: a whole number, or a percentage rounded up. */
function minAvailableOf(value: unknown, replicas: number): number {
  if (typeof value === 'number') return value;
  const percent = /^(\d+)%$/.exec(String(value ?? ''));
  if (percent) return Math.ceil((Number(percent[1]) * replicas) / 100);
  return Number(value) || 0;
}

/**
 * The fewest replicas a scale-down may leave: one, or more where a
 * PodDisruptionBudget selecting the workload's pods asks for more.
 *
 * @public
 */
export function scaleDownFloor(
  view: ClusterObjectsView,
  workload: ClusterObject,
  replicas: number,
): { floor: number; budget?: string } {
  const labelSets = [
    templateMetadataOf(workload)?.labels,
    ...podsOfWorkload(view, workload).map(p => p.metadata.labels),
  ].filter((l): l is Record<string, string> => !!l);
  let floor = 1;
  let budget: string | undefined;
  for (const pdb of view.list('PodDisruptionBudget', {
    namespace: workload.metadata.namespace,
  })) {
    if (pdb.spec?.minAvailable === undefined) continue;
    if (!labelSets.some(l => selectorMatches(pdb.spec?.selector, l))) continue;
    const min = minAvailableOf(pdb.spec.minAvailable, replicas);
    if (min > floor) {
      floor = min;
      budget = pdb.metadata.name;
    }
  }
  return { floor, budget };
}

/**
 * Plans a change of replicas by `step` through the scale subresource,
 * capped by the policy's max and, when an HPA targets the workload, kept
 * within its min and max so the two do not fight. A scale-down never goes
 * below `scaleDownFloor`.
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
  const current = Number(fieldOf(workload.spec, 'replicas') ?? 1);
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
  const floor =
    scale.step < 0 ? scaleDownFloor(view, workload, current) : undefined;
  if (floor && floor.floor > low) low = floor.floor;
  const desired = Math.max(low, Math.min(high, current + scale.step));
  if (desired === current || (scale.step < 0 && desired > current)) {
    let bound = '';
    if (floor && low === floor.floor) {
      bound = floor.budget
        ? ` (PodDisruptionBudget ${floor.budget} keeps at least ${low})`
        : ` (a scale-down keeps at least ${low})`;
    } else if (hpa) {
      bound = ` (HorizontalPodAutoscaler ${hpa.metadata.name}: ${low}–${high})`;
    }
    return {
      ok: false,
      reason: `${workload.kind} ${workload.metadata.name} is already at ${current} replicas, the limit${bound}`,
    };
  }
  const applyPatch = (object: typeof workload) => {
    const next = cloneObject(object);
    next.spec = { ...recordOf(next.spec), replicas: desired };
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
