import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  PodLogs,
  PodLogsQuery,
} from '@cloud-native-platform/plugin-cluster-topology-common';
import type {
  HealingActionType,
  HealingAttempt,
  HealingAttemptKind,
  HealingAttemptList,
  HealingAttemptStatus,
  HealingEngineStatus,
  HealingMode,
  HealingStats,
  HealingTarget,
} from '@cloud-native-platform/plugin-healing-common';

/**
 * Which attempts to list or count. Every field narrows; none means all.
 *
 * @public
 */
export interface HealingAttemptQuery {
  entityRef?: string;
  cluster?: string;
  namespace?: string;
  action?: HealingActionType;
  status?: HealingAttemptStatus;
  mode?: HealingMode;
  kind?: HealingAttemptKind;
  /** ISO date-time: only attempts created at or after it. */
  since?: string;
  limit?: number;
}

/**
 * Reads the healing history and engine status, and decides pending attempts.
 *
 * @public
 */
export interface HealingApi {
  /** Attempts matching the query, newest first. */
  listAttempts(query?: HealingAttemptQuery): Promise<HealingAttemptList>;
  /** One attempt with its steps, root cause and change. */
  getAttempt(id: string): Promise<HealingAttempt>;
  /** Lets a pending attempt go ahead; needs `healing.attempt.approve`. */
  approveAttempt(id: string, comment?: string): Promise<HealingAttempt>;
  /** Stops a pending attempt; needs `healing.attempt.approve`. */
  rejectAttempt(id: string, comment?: string): Promise<HealingAttempt>;
  /** MTTR and success rate per day over the last `days` days. */
  getStats(
    query?: Omit<HealingAttemptQuery, 'since' | 'limit'>,
    days?: number,
  ): Promise<HealingStats>;
  /** Kill switch, policies and the number of pending approvals. */
  getStatus(): Promise<HealingEngineStatus>;
  /** Stops (true) or allows (false) every action of the engine. */
  setKillSwitch(enabled: boolean): Promise<HealingEngineStatus>;
  /**
   * The names of the pods a target workload runs now, from the cluster
   * topology graph of its namespace.
   */
  listTargetPods(target: HealingTarget): Promise<string[]>;
  /**
   * The log lines of a pod from the cluster topology backend; needs
   * `cluster-topology.logs.read` for the cluster.
   */
  getPodLogs(query: PodLogsQuery): Promise<PodLogs>;
}

/**
 * Utility API reference of {@link HealingApi}.
 *
 * @public
 */
export const healingApiRef = createApiRef<HealingApi>().with({
  id: 'plugin.healing.service',
  pluginId: 'healing',
});
