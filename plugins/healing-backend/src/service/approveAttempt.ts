import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  HealingAttempt,
  HealingMode,
  HealingStep,
  policyActions,
  prepareAction,
  redactedMessage,
} from '@cloud-native-platform/plugin-healing-common';
import { lastCheckBeforeAction } from './lastCheckBeforeAction';
import { RouteContext } from './RouteContext';

const HOUR_MS = 3_600_000;
/** Policy modes under which an attempt may be carried out once approved. */
const APPROVABLE: ReadonlySet<HealingMode> = new Set(['approval', 'enforce']);

function ttlText(ms: number): string {
  if (ms % HOUR_MS === 0) return `${ms / HOUR_MS}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  return `${Math.round(ms / 1000)}s`;
}

/** The reason an expired attempt carries. */
export function expiryReason(ttlMs: number): string {
  return `nobody approved or rejected it within ${ttlText(
    ttlMs,
  )} (healing.approvals.ttl)`;
}

/**
 * Moves every attempt that waited longer than `healing.approvals.ttl` to
 * `expired`; run periodically, and for one attempt before a decision.
 */
export async function expireApprovals(
  context: Pick<RouteContext, 'store' | 'config'>,
  now = new Date(),
): Promise<number> {
  const { store, config } = context;
  return store.expireApprovals(
    new Date(now.getTime() - config.approvalTtlMs),
    expiryReason(config.approvalTtlMs),
    now,
  );
}

/**
 * Refuses a decision on an attempt that waited too long: it becomes
 * `expired` (if no one else decided it meanwhile) and the answer is a 409
 * naming it. Used by approve and reject alike.
 */
export async function refuseIfExpired(
  context: Pick<RouteContext, 'store' | 'config'>,
  attempt: HealingAttempt,
  now = new Date(),
): Promise<void> {
  const { store, config } = context;
  const expiresAt = Date.parse(attempt.createdAt) + config.approvalTtlMs;
  if (attempt.status === 'expired') {
    throw new ConflictError(
      `healing attempt ${attempt.id} expired: ${attempt.reason ?? ''}`.trim(),
    );
  }
  if (attempt.status !== 'pending-approval' || now.getTime() < expiresAt) {
    return;
  }
  const reason = expiryReason(config.approvalTtlMs);
  await store.updateAttempt(attempt.id, 'pending-approval', {
    status: 'expired',
    reason,
    updatedAt: now.toISOString(),
  });
  throw new ConflictError(
    `healing attempt ${attempt.id} expired at ${new Date(
      expiresAt,
    ).toISOString()}: ${reason}`,
  );
}

/**
 * Why an approval may not go ahead although the attempt waits for one:
 * its policy is gone, no longer asks for or allows acting, or acts
 * differently now; or its alert stopped firing.
 */
async function staleApprovalReason(
  context: RouteContext,
  attempt: HealingAttempt,
): Promise<string | undefined> {
  const policy = context.config.policies.find(p => p.name === attempt.policy);
  if (!policy) return `policy ${attempt.policy} no longer exists`;
  if (!APPROVABLE.has(policy.mode)) {
    return `policy ${policy.name} is in ${policy.mode} mode now; it no longer acts`;
  }
  const allowed = policyActions(policy);
  if (attempt.action && !allowed.includes(attempt.action)) {
    return `policy ${policy.name} now does ${allowed.join(' or ')}, not the ${
      attempt.action
    } that was asked for`;
  }
  const alert = await context.store.alertStatusOf(attempt.id);
  if (alert?.status === 'resolved') {
    const named = attempt.alert ? `alert ${attempt.alert.name}` : 'the alert';
    return `${named} resolved${
      alert.endsAt ? ` at ${alert.endsAt.toISOString()}` : ''
    }; there is nothing left to heal`;
  }
  return undefined;
}

/**
 * Approves a pending attempt and carries it out: the plan is made again on
 * the cluster as it is now and every safety rail runs again, since time
 * has passed since the decision. An attempt older than the approvals' TTL,
 * one whose policy no longer allows it, or whose alert resolved, is a 409
 * and nothing is done. The status moves pending-approval → approved first,
 * so a second approver gets a conflict, not a second action; the action
 * is sent only once its intent is committed. The approval, with the
 * reviewer's comment, is recorded as a step.
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
  await refuseIfExpired(context, attempt, now);
  if (attempt.status === 'pending-approval') {
    const stale = await staleApprovalReason(context, attempt);
    if (stale) {
      throw new ConflictError(
        `healing attempt ${id} cannot be approved: ${stale}`,
      );
    }
  }
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
  const configured = config.policies.find(p => p.name === attempt.policy)!;
  // The action that was chosen and approved, not the policy's first.
  const policy =
    attempt.action && attempt.action !== configured.action
      ? { ...configured, action: attempt.action }
      : configured;
  const cluster = clusterState.cluster(attempt.cluster);
  const { kind, namespace, name } = attempt.target;
  const workload = cluster?.store.get(kind, namespace, name);
  if (!cluster || !workload) {
    return finish(
      'refused',
      `approved by ${by}, but ${kind} ${namespace}/${name} is no longer in cluster ${attempt.cluster}`,
      false,
    );
  }
  const prepared = prepareAction({
    policy,
    target: attempt.target,
    view: cluster.store,
    workload,
    cluster: cluster.status(),
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
  const last = await lastCheckBeforeAction(
    {
      store,
      killSwitch,
      budgets: config.budgets,
      owner: context.processor.instanceId,
    },
    { attemptId: id, target: attempt.target, policy, now },
  );
  if (!last.ok) {
    return finish(
      'refused',
      `approved by ${by}, refused: ${last.reason}`,
      false,
    );
  }
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
