import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  HealingAttempt,
  HealingStep,
  prepareAction,
  redactedMessage,
} from '@cloud-native-platform/plugin-healing-common';
import { RouteContext } from './RouteContext';

const HOUR_MS = 3_600_000;

/**
 * Approves a pending attempt and carries it out: the plan is made again on
 * the cluster as it is now and every safety rail runs again, since time
 * has passed since the decision. The status moves pending-approval →
 * approved first, so a second approver gets a conflict, not a second action.
 * The approval, with the reviewer's comment, is recorded as a step.
 */
export async function approveAttempt(
  context: RouteContext,
  id: string,
  by: string,
  comment?: string,
): Promise<HealingAttempt> {
  const { store, config, clusterState, executor, killSwitch } = context;
  const attempt = await store.getAttempt(id);
  if (!attempt) throw new NotFoundError(`no healing attempt ${id}`);
  const now = new Date();
  const steps: HealingStep[] = [
    ...attempt.steps,
    {
      name: 'approval',
      at: now.toISOString(),
      status: 'ok',
      summary: comment ? `approved by ${by}: ${comment}` : `approved by ${by}`,
    },
  ];
  if (
    !(await store.updateAttempt(id, 'pending-approval', {
      status: 'approved',
      decidedBy: by,
      updatedAt: now.toISOString(),
      steps,
    }))
  ) {
    throw new ConflictError(
      `healing attempt ${id} is ${attempt.status}, not pending-approval`,
    );
  }
  const finish = async (
    status: HealingAttempt['status'],
    reason: string,
    ok: boolean,
    appliedAt?: Date,
  ) => {
    steps.push({
      name: 'action',
      at: new Date().toISOString(),
      status: ok ? 'ok' : 'failed',
      summary: reason,
    });
    await store.updateAttempt(id, 'approved', {
      status,
      reason,
      steps,
      appliedAt,
    });
    return (await store.getAttempt(id))!;
  };
  const policy = config.policies.find(p => p.name === attempt.policy);
  const cluster = clusterState.cluster(attempt.cluster);
  const { kind, namespace, name } = attempt.target;
  const workload = cluster?.store.get(kind, namespace, name);
  if (!policy || !cluster || !workload) {
    return finish(
      'refused',
      `approved by ${by}, but ${
        !policy
          ? `policy ${attempt.policy} no longer exists`
          : `${kind} ${namespace}/${name} is no longer in cluster ${attempt.cluster}`
      }`,
      false,
    );
  }
  const prepared = prepareAction({
    policy,
    target: attempt.target,
    view: cluster.store,
    workload,
    now,
    killSwitch: await killSwitch.enabled(),
    budgets: config.budgets,
    history: await store.railHistory(
      new Date(now.getTime() - Math.max(HOUR_MS, policy.cooldownMs)),
      id,
    ),
  });
  if (!prepared.ok)
    return finish(
      'refused',
      `approved by ${by}, refused: ${prepared.reason}`,
      false,
    );
  try {
    await executor.apply(cluster, prepared.plan);
  } catch (error) {
    return finish(
      'failed',
      `approved by ${by}; the action failed: ${redactedMessage(error)}`,
      false,
    );
  }
  await store.updateAttempt(id, 'approved', { change: prepared.plan.change });
  return finish(
    'applied',
    `approved by ${by}: ${prepared.plan.change.description}`,
    true,
    now,
  );
}
