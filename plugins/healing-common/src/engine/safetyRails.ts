import { HealingAttemptStatus, HealingTarget } from '../api';
import { DisruptionBudgetState } from './disruptionBudgets';
import { HealingPolicy } from './policies';

/**
 * `healing.budgets`: how many actions may change a cluster in an hour.
 *
 * @public
 */
export interface HealingBudgets {
  perNamespacePerHour: number;
  perClusterPerHour: number;
  /** Across the whole fleet. */
  perHour: number;
}

/**
 * The budgets used when `healing.budgets` leaves them out.
 *
 * @public
 */
export const DEFAULT_HEALING_BUDGETS: HealingBudgets = {
  perNamespacePerHour: 3,
  perClusterPerHour: 10,
  perHour: 30,
};

/**
 * A past attempt as the rails see it.
 *
 * @public
 */
export interface RailHistoryEntry {
  target: Pick<HealingTarget, 'cluster' | 'namespace' | 'kind' | 'name'>;
  status: HealingAttemptStatus;
  /** When it changed (or was meant to change) the cluster. */
  at: Date;
  /** The attempt it belongs to, when known. */
  attemptId?: string;
}

/**
 * Everything one rail check looks at.
 *
 * @public
 */
export interface SafetyRailInput {
  now: Date;
  killSwitch: boolean;
  policy: Pick<HealingPolicy, 'cooldownMs' | 'maxConsecutiveFailures'>;
  target: Pick<HealingTarget, 'cluster' | 'namespace' | 'kind' | 'name'>;
  budgets: HealingBudgets;
  /** Recent attempts, any order; at least the last hour and the cooldown. */
  history: readonly RailHistoryEntry[];
  /** Pods the action takes away at once (eviction, scale-down), with the budgets covering them. */
  disruption?: {
    podsRemoved: number;
    budgets: readonly DisruptionBudgetState[];
  };
}

/**
 * Outcome of {@link checkSafetyRails}.
 *
 * @public
 */
export type SafetyRailResult =
  | { allowed: true }
  | { allowed: false; rail: string; reason: string };

const HOUR_MS = 3_600_000;

/** Statuses of attempts that changed a cluster, or were cleared to. */
const ACTED: ReadonlySet<HealingAttemptStatus> = new Set([
  'approved',
  'applied',
  'succeeded',
  'failed',
  'inconclusive',
]);

const sameTarget = (
  a: SafetyRailInput['target'],
  b: SafetyRailInput['target'],
) =>
  a.cluster === b.cluster &&
  (a.namespace ?? '') === (b.namespace ?? '') &&
  a.kind === b.kind &&
  a.name === b.name;

function refuse(rail: string, reason: string): SafetyRailResult {
  return { allowed: false, rail, reason };
}

/**
 * Every safety rail in one place, checked in this order: kill switch,
 * consecutive failures on the target, cooldown of the target, budgets per
 * namespace, cluster and fleet in the last hour, PodDisruptionBudgets.
 * Only attempts that acted count, so dry runs never use up a budget.
 *
 * @public
 */
export function checkSafetyRails(input: SafetyRailInput): SafetyRailResult {
  const { now, policy, target, budgets } = input;
  if (input.killSwitch) {
    return refuse('kill-switch', 'the kill switch stops every action');
  }
  const acted = input.history
    .filter(h => ACTED.has(h.status))
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  const onTarget = acted.filter(h => sameTarget(h.target, target));

  let failures = 0;
  for (const h of onTarget) {
    if (h.status !== 'failed') break;
    failures++;
  }
  if (failures >= policy.maxConsecutiveFailures) {
    return refuse(
      'consecutive-failures',
      `the last ${failures} actions on ${target.kind} ${target.name} failed; a person must look at it`,
    );
  }

  const last = onTarget[0];
  if (last && now.getTime() - last.at.getTime() < policy.cooldownMs) {
    const left = Math.ceil(
      (policy.cooldownMs - (now.getTime() - last.at.getTime())) / 1000,
    );
    return refuse(
      'cooldown',
      `${target.kind} ${
        target.name
      } was acted on at ${last.at.toISOString()}; cooldown ends in ${left}s`,
    );
  }

  const lastHour = acted.filter(h => now.getTime() - h.at.getTime() < HOUR_MS);
  const inNamespace = lastHour.filter(
    h =>
      h.target.cluster === target.cluster &&
      (h.target.namespace ?? '') === (target.namespace ?? ''),
  ).length;
  if (inNamespace >= budgets.perNamespacePerHour) {
    return refuse(
      'namespace-budget',
      `${inNamespace} actions in ${target.cluster}/${
        target.namespace ?? ''
      } in the last hour; the budget is ${budgets.perNamespacePerHour}`,
    );
  }
  const inCluster = lastHour.filter(
    h => h.target.cluster === target.cluster,
  ).length;
  if (inCluster >= budgets.perClusterPerHour) {
    return refuse(
      'cluster-budget',
      `${inCluster} actions in cluster ${target.cluster} in the last hour; the budget is ${budgets.perClusterPerHour}`,
    );
  }
  if (lastHour.length >= budgets.perHour) {
    return refuse(
      'fleet-budget',
      `${lastHour.length} actions in the last hour; the budget is ${budgets.perHour}`,
    );
  }

  const disruption = input.disruption;
  if (disruption && disruption.podsRemoved > 0) {
    const blocking = disruption.budgets.find(
      b => b.allowed < disruption.podsRemoved,
    );
    if (blocking) {
      return refuse(
        'disruption-budget',
        `PodDisruptionBudget ${blocking.name} allows ${blocking.allowed} disruptions; the action removes ${disruption.podsRemoved} pods`,
      );
    }
  }
  return { allowed: true };
}
