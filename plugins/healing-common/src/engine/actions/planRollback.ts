import {
  recordOf,
  type KubeObjectOf,
  type PodTemplateSpec,
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
 * The ReplicaSet of the highest revision below `current` (any, when the
 * current revision is unknown), and its pod template without the hash
 * label its controller adds; undefined when there is none with a template.
 */
export function previousRevision(
  sets: KubeObjectOf<'ReplicaSet'>[],
  current: number,
  revisionNumber: (o: KubeObjectOf<'ReplicaSet'>) => number,
  hashLabel: string,
):
  | { replicaSet: KubeObjectOf<'ReplicaSet'>; template: PodTemplateSpec }
  | undefined {
  const replicaSet = sets
    .filter(
      rs =>
        Number.isFinite(revisionNumber(rs)) &&
        (!Number.isFinite(current) || revisionNumber(rs) < current),
    )
    .sort((a, b) => revisionNumber(b) - revisionNumber(a))[0];
  if (!replicaSet?.spec?.template) return undefined;
  const template = cloneObject(replicaSet.spec.template);
  if (template.metadata?.labels) delete template.metadata.labels[hashLabel];
  return { replicaSet, template };
}

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
  const found = previousRevision(
    sets,
    current,
    revisionOf,
    'pod-template-hash',
  );
  if (!found) {
    return {
      ok: false,
      reason: `Deployment ${
        workload.metadata.name
      } has no ReplicaSet of an earlier revision than ${
        Number.isFinite(current) ? current : 'its current one'
      }`,
    };
  }
  const { replicaSet: previous, template } = found;
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
