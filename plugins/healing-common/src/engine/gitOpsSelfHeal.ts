import {
  managingApplication,
  selfHeals,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { HealingPlan } from './actions/HealingPlan';
import { ClusterObjectsView } from './objects';

/**
 * The rail that refuses to patch an object Argo CD would put back.
 *
 * @public
 */
export const GITOPS_SELF_HEAL_RAIL = 'gitops-self-heal';

/**
 * Why a plan must not be sent because Argo CD would revert it: the object
 * it patches is managed by an Application with automated self-heal, which
 * syncs the object back to Git within moments, so the action would look
 * applied and then be undone. Undefined when the plan may go ahead.
 *
 * Only patches of what Git declares are refused: an eviction creates an
 * Eviction, which no Application owns, and a Rollout abort writes the
 * status subresource, which Argo CD never compares. An undo rewrites the
 * Rollout's template, so it is refused like any other patch, pointing to
 * the abort instead.
 *
 * @public
 */
export function gitOpsSelfHealRefusal(
  view: ClusterObjectsView,
  cluster: string,
  plan: Pick<HealingPlan, 'object' | 'patch'>,
): string | undefined {
  if (plan.patch.method !== 'PATCH') return undefined;
  if (plan.patch.path.endsWith('/status')) return undefined;
  const object = view.get(
    plan.object.kind,
    plan.object.namespace,
    plan.object.name,
  );
  if (!object) return undefined;
  // The Applications of the target's own cluster: where the engine reads
  // the target, and where an in-cluster Argo CD keeps them.
  const applications = view
    .list('Application')
    .map(application => ({ cluster, application }));
  const found = managingApplication(object, cluster, applications);
  if (!found || !selfHeals(found.application)) return undefined;
  const name = found.application.metadata.name;
  if (plan.object.kind === 'Rollout') {
    return `managed by Argo CD application ${name} with automated self-heal: a change of the Rollout's spec would be reverted; abort the Rollout (rollout-abort) or revert the change in Git`;
  }
  return `managed by Argo CD application ${name} with automated self-heal: a patch would be reverted; change it in Git or act through the Rollout`;
}
