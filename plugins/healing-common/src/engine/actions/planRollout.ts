import {
  isKind,
  recordOf,
  type Rollout,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { cloneObject } from '../objects';
import {
  PlanContext,
  PlanResult,
  finishPlan,
  objectPath,
  podsOfWorkload,
  refOf,
} from './HealingPlan';
import { previousRevision } from './planRollback';

/**
 * The annotation Argo Rollouts numbers a Rollout and its ReplicaSets with.
 *
 * @public
 */
export const ROLLOUT_REVISION_ANNOTATION = 'rollout.argoproj.io/revision';

/** The label Argo Rollouts adds to the pod template of its ReplicaSets. */
const ROLLOUT_HASH_LABEL = 'rollouts-pod-template-hash';

const revisionOf = (o: {
  metadata: { annotations?: Record<string, string> };
}) => Number(o.metadata.annotations?.[ROLLOUT_REVISION_ANNOTATION] ?? NaN);

/**
 * The Rollout an action on `workload` goes through: the workload itself,
 * or the Rollout whose `workloadRef` names it (a Deployment whose pods
 * Argo Rollouts runs).
 */
function rolloutOf({ view, workload }: PlanContext): Rollout | string {
  if (isKind(workload, 'Rollout')) return workload;
  const { namespace, name } = workload.metadata;
  const found = view
    .list('Rollout', { namespace })
    .find(
      rollout =>
        rollout.spec?.workloadRef?.kind === workload.kind &&
        rollout.spec.workloadRef.name === name,
    );
  return (
    found ??
    `${workload.kind} ${name} is not an Argo Rollouts Rollout and no Rollout refers to it`
  );
}

/**
 * Whether an update is under way: the Rollout's pods of its current
 * template are not yet its stable ones, or it is paused on a step.
 */
function inProgress(rollout: Rollout): boolean {
  const status = rollout.status ?? {};
  if (status.stableRS && status.currentPodHash) {
    return status.stableRS !== status.currentPodHash;
  }
  return status.phase === 'Paused' || status.phase === 'Progressing';
}

/**
 * Plans an abort of the Rollout's update under way, as
 * `kubectl argo rollouts abort` does: `status.abort` set through the
 * status subresource, so the controller sends every request back to the
 * stable ReplicaSet and scales the canary or preview down. Argo CD
 * compares only what Git declares, never the status, so an abort holds
 * under automated self-heal.
 *
 * @public
 */
export function planRolloutAbort(context: PlanContext): PlanResult {
  const rollout = rolloutOf(context);
  if (typeof rollout === 'string') return { ok: false, reason: rollout };
  const { name } = rollout.metadata;
  if (rollout.status?.abort) {
    return { ok: false, reason: `Rollout ${name} is already aborted` };
  }
  if (!inProgress(rollout)) {
    return {
      ok: false,
      reason: `Rollout ${name} has no update under way: its current pods are its stable ones`,
    };
  }
  const at = context.now.toISOString();
  return {
    ok: true,
    plan: finishPlan(rollout, {
      action: 'rollout-abort',
      description: `Abort the update of Rollout ${name}: traffic back to its stable ReplicaSet${
        rollout.status?.stableRS ? ` (${rollout.status.stableRS})` : ''
      }`,
      object: refOf(rollout),
      patch: {
        method: 'PATCH',
        path: `${objectPath(rollout)}/status`,
        contentType: 'application/merge-patch+json',
        body: { status: { abort: true } },
      },
      // The stable ReplicaSet keeps every replica; only the canary goes.
      podsRemoved: 0,
      pods: podsOfWorkload(context.view, rollout),
      applyPatch: object => {
        const next = cloneObject(object);
        next.status = {
          ...recordOf(next.status),
          abort: true,
          abortedAt: at,
          phase: 'Degraded',
          message: 'RolloutAborted: update aborted by the healing engine',
        };
        return next;
      },
    }),
  };
}

/**
 * Plans an undo of the Rollout to the ReplicaSet of the revision before
 * its current one, as `kubectl argo rollouts undo` does: that ReplicaSet's
 * pod template, without the hash label the controller adds, replaces the
 * Rollout's. A Rollout that takes its template from a Deployment
 * (`workloadRef`) has no template of its own to put back.
 *
 * @public
 */
export function planRolloutUndo(context: PlanContext): PlanResult {
  const rollout = rolloutOf(context);
  if (typeof rollout === 'string') return { ok: false, reason: rollout };
  const { name, uid } = rollout.metadata;
  if (rollout.spec?.workloadRef) {
    return {
      ok: false,
      reason: `Rollout ${name} takes its template from ${
        rollout.spec.workloadRef.kind ?? 'a workload'
      } ${
        rollout.spec.workloadRef.name ?? ''
      }: undo that workload's change instead`,
    };
  }
  const current = revisionOf(rollout);
  const found = previousRevision(
    uid ? context.view.ownedBy(uid, 'ReplicaSet') : [],
    current,
    revisionOf,
    ROLLOUT_HASH_LABEL,
  );
  if (!found) {
    return {
      ok: false,
      reason: `Rollout ${name} has no ReplicaSet of an earlier revision than ${
        Number.isFinite(current) ? current : 'its current one'
      }`,
    };
  }
  const { replicaSet: previous, template } = found;
  return {
    ok: true,
    plan: finishPlan(rollout, {
      action: 'rollout-undo',
      description: `Undo Rollout ${name} from revision ${current} to revision ${revisionOf(
        previous,
      )} (ReplicaSet ${previous.metadata.name})`,
      object: refOf(rollout),
      patch: {
        method: 'PATCH',
        path: objectPath(rollout),
        contentType: 'application/json-patch+json',
        body: [{ op: 'replace', path: '/spec/template', value: template }],
      },
      podsRemoved: 0,
      pods: podsOfWorkload(context.view, rollout),
      applyPatch: object => {
        const next = cloneObject(object);
        next.spec = { ...recordOf(next.spec), template: cloneObject(template) };
        return next;
      },
    }),
  };
}
