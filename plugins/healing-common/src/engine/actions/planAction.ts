import { HealingPolicy } from '../policies';
import { PlanContext, PlanResult } from './HealingPlan';
import { planEviction } from './planEviction';
import { planRestart } from './planRestart';
import { planRollback } from './planRollback';
import { planRolloutAbort, planRolloutUndo } from './planRollout';
import { planScale } from './planScale';
import { planTrafficShift } from './planTrafficShift';

/**
 * Plans the policy's action on the workload.
 *
 * @public
 */
export function planAction(
  policy: Pick<HealingPolicy, 'action' | 'scale' | 'trafficShift'>,
  context: PlanContext,
  options: { pod?: string } = {},
): PlanResult {
  switch (policy.action) {
    case 'restart':
      return planRestart(context);
    case 'scale':
      return policy.scale
        ? planScale(context, policy.scale)
        : { ok: false, reason: 'the policy has no scale { step, max }' };
    case 'traffic-shift':
      return policy.trafficShift
        ? planTrafficShift(context, policy.trafficShift)
        : { ok: false, reason: 'the policy has no trafficShift settings' };
    case 'rollback':
      return planRollback(context);
    case 'evict':
      return planEviction(context, options.pod);
    case 'rollout-abort':
      return planRolloutAbort(context);
    case 'rollout-undo':
      return planRolloutUndo(context);
    default:
      return { ok: false, reason: `unknown action ${String(policy.action)}` };
  }
}
