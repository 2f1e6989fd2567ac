import {
  HealingBudgets,
  HealingPolicy,
  HealingTarget,
  checkSafetyRails,
} from '@cloud-native-platform/plugin-healing-common';
import { HealingStore, IntentOutcome } from '../database/HealingStore';
import { KillSwitch } from './KillSwitch';

const HOUR_MS = 3_600_000;

/**
 * The start of the cooldown window `at` falls in. Two actions in one
 * window are less than a cooldown apart, so the window key refuses only
 * what the cooldown rail refuses too; without a cooldown every instant is
 * its own window.
 */
export function cooldownWindowStart(at: Date, cooldownMs: number): Date {
  if (cooldownMs <= 0) return at;
  return new Date(Math.floor(at.getTime() / cooldownMs) * cooldownMs);
}

/**
 * Right before an action is sent: reads the kill switch and the rails'
 * history from the database again (not the batch's copy, so a kill switch
 * turned on or another instance's action a moment ago counts) and commits
 * the intent to act, in one transaction serialised with every instance.
 * Only when this answers ok may the action be sent.
 */
export async function lastCheckBeforeAction(
  deps: {
    store: HealingStore;
    killSwitch: KillSwitch;
    budgets: HealingBudgets;
    /** The backend instance acting. */
    owner: string;
  },
  input: {
    attemptId: string;
    target: HealingTarget;
    policy: HealingPolicy;
    now: Date;
  },
): Promise<IntentOutcome> {
  const { store, killSwitch, budgets, owner } = deps;
  const { attemptId, target, policy, now } = input;
  return store.commitIntent(
    {
      attemptId,
      target,
      policy: policy.name,
      action: policy.action,
      windowStart: cooldownWindowStart(now, policy.cooldownMs),
      owner,
      at: now,
    },
    {
      historySince: new Date(
        now.getTime() - Math.max(HOUR_MS, policy.cooldownMs),
      ),
      check: async state => {
        const rails = checkSafetyRails({
          now,
          killSwitch: await killSwitch.enabled(state),
          policy,
          target,
          budgets,
          history: state.history,
        });
        return rails.allowed
          ? undefined
          : { ok: false, rail: rails.rail, reason: rails.reason };
      },
    },
  );
}
