import { recordOf } from '@cloud-native-platform/plugin-cloud-native-common';
import { cloneObject } from '../objects';
import {
  PlanContext,
  PlanResult,
  finishPlan,
  objectPath,
  podsOfWorkload,
  refOf,
} from './HealingPlan';

/**
 * The annotation the Deployment controller numbers ReplicaSets with.
 *
 * @public
 */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

const revisionOf = (o: {
  metadata: { annotations?: Record<string, string> };
}) => Number(o.metadata.annotations?.[REVISION_ANNOTATION] ?? NaN);

/**
 * Plans a rollback of a Deployment to the ReplicaSet of the revision before
 * its current one: the pod template of that ReplicaSet, without the
 * pod-template-hash label the controller adds, as `kubectl rollout undo` does.
 *
 * @public
 */
export function planRollback({ workload, view }: PlanContext): PlanResult {
  if (workload.kind !== 'Deployment') {
    return {
      ok: false,
      reason: `rollback needs a Deployment, not a ${workload.kind}`,
    };
  }
  const current = revisionOf(workload);
  const uid = workload.metadata.uid;
  const sets = uid ? view.ownedBy(uid, 'ReplicaSet') : [];
  const previous = sets
    .filter(
      rs =>
        Number.isFinite(revisionOf(rs)) &&
        (!Number.isFinite(current) || revisionOf(rs) < current),
    )
    .sort((a, b) => revisionOf(b) - revisionOf(a))[0];
  if (!previous?.spec?.template) {
    return {
      ok: false,
      reason: `Deployment ${
        workload.metadata.name
      } has no ReplicaSet of an earlier revision than ${
        Number.isFinite(current) ? current : 'its current one'
      }`,
    };
  }
  const template = cloneObject(previous.spec.template);
  if (template.metadata?.labels) {
    delete template.metadata.labels['pod-template-hash'];
  }
  return {
    ok: true,
    plan: finishPlan(workload, {
      action: 'rollback',
      description: `Roll back Deployment ${
        workload.metadata.name
      } from revision ${current} to revision ${revisionOf(
        previous,
      )} (ReplicaSet ${previous.metadata.name})`,
      object: refOf(workload),
      patch: {
        method: 'PATCH',
        path: objectPath(workload),
        contentType: 'application/json-patch+json',
        body: [{ op: 'replace', path: '/spec/template', value: template }],
      },
      podsRemoved: 0,
      pods: podsOfWorkload(view, workload),
      applyPatch: object => {
        const next = cloneObject(object);
        next.spec = { ...recordOf(next.spec), template: cloneObject(template) };
        return next;
      },
    }),
  };
}
