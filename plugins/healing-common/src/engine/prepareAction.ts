import { HealingTarget } from '../api';
import { HealingPlan } from './actions/HealingPlan';
import { planAction } from './actions/planAction';
import { ClusterReadiness, clusterNotReadyReason } from './clusterReadiness';
import { disruptionBudgetsFor } from './disruptionBudgets';
import { GITOPS_SELF_HEAL_RAIL, gitOpsSelfHealRefusal } from './gitOpsSelfHeal';
import { ClusterObjectsView, ClusterObject } from './objects';
import { HealingPolicy } from './policies';
import {
  HealingBudgets,
  RailHistoryEntry,
  checkSafetyRails,
} from './safetyRails';

/**
 * What {@link prepareAction} needs: the policy, the cluster as it is now,
 * and the history the rails count.
 *
 * @public
 */
export interface PrepareActionInput {
  policy: HealingPolicy;
  target: HealingTarget;
  view: ClusterObjectsView;
  workload: ClusterObject;
  pod?: string;
  /** How far the cluster state behind `view` is from the cluster. */
  cluster: ClusterReadiness | undefined;
  now: Date;
  killSwitch: boolean;
  budgets: HealingBudgets;
  history: readonly RailHistoryEntry[];
}

/**
 * Outcome of {@link prepareAction}: a plan the rails allow, or why not
 * (with the plan when only a rail stopped it, for the diff).
 *
 * @public
 */
export type PreparedAction =
  | { ok: true; plan: HealingPlan }
  | { ok: false; reason: string; rail?: string; plan?: HealingPlan };

/**
 * Plans the policy's action against the cluster's current objects and
 * runs every safety rail on it; used when an alert is decided and again
 * when an approval arrives, since the cluster may have moved in between.
 * Nothing is planned while the cluster, or the kinds of the target, its
 * pods and their disruption budgets, are not in sync (rail `cluster-sync`),
 * and nothing is sent that Argo CD would revert (rail `gitops-self-heal`).
 *
 * @public
 */
export function prepareAction(input: PrepareActionInput): PreparedAction {
  const notReady = clusterNotReadyReason(input.target.cluster, input.cluster, [
    input.workload.kind,
    'Pod',
    'PodDisruptionBudget',
  ]);
  if (notReady) return { ok: false, reason: notReady, rail: 'cluster-sync' };
  const planned = planAction(
    input.policy,
    { view: input.view, workload: input.workload, now: input.now },
    { pod: input.pod },
  );
  if (!planned.ok) return { ok: false, reason: `no plan: ${planned.reason}` };
  const { plan } = planned;
  // Applications too: whether Argo CD would revert the patch is read from them.
  const objectNotReady = clusterNotReadyReason(
    input.target.cluster,
    input.cluster,
    [plan.object.kind, 'Application'],
  );
  if (objectNotReady) {
    return { ok: false, reason: objectNotReady, rail: 'cluster-sync', plan };
  }
  const reverted = gitOpsSelfHealRefusal(
    input.view,
    input.target.cluster,
    plan,
  );
  if (reverted) {
    return { ok: false, reason: reverted, rail: GITOPS_SELF_HEAL_RAIL, plan };
  }
  const rails = checkSafetyRails({
    now: input.now,
    killSwitch: input.killSwitch,
    policy: input.policy,
    target: input.target,
    budgets: input.budgets,
    history: input.history,
    disruption:
      plan.podsRemoved > 0
        ? {
            podsRemoved: plan.podsRemoved,
            budgets: disruptionBudgetsFor(input.view, plan.pods),
          }
        : undefined,
  });
  if (!rails.allowed)
    return { ok: false, reason: rails.reason, rail: rails.rail, plan };
  return { ok: true, plan };
}
