import {
  HealingEngineStatus,
  policyActions,
} from '@cloud-native-platform/plugin-healing-common';
import { RouteContext } from './RouteContext';

/** What GET /status and PUT /kill-switch answer: the engine as it is now. */
export async function engineStatus(
  context: Pick<RouteContext, 'config' | 'killSwitch' | 'store'>,
): Promise<HealingEngineStatus> {
  const { config, killSwitch, store } = context;
  const state = await killSwitch.state();
  return {
    killSwitch: state.enabled,
    killSwitchBy: state.by,
    policies: config.policies.map(p => ({
      name: p.name,
      mode: p.mode,
      action: p.action,
      actions: [...policyActions(p)],
    })),
    pendingApprovals: await store.countPending(),
  };
}
