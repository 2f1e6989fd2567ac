import {
  ActionOutcomeCount,
  HealingActionType,
  HealingAlert,
  HealingAttempt,
  HealingAttemptKind,
  HealingAttemptStatus,
  HealingMode,
  HealingTarget,
  HealthSample,
  RailHistoryEntry,
} from '@cloud-native-platform/plugin-healing-common';

/**
 * An alert to store, as the webhook parsed it.
 *
 * @public
 */
export interface AlertRecord {
  /** The alert, its `startsAt` no later than its receipt. */
  alert: HealingAlert;
  /** The alert object as Alertmanager sent it, with the group's common fields. */
  payload: unknown;
  /**
   * `startsAt` as sent, when it differs from `alert.startsAt` (a sender's
   * clock ahead of ours): the key of the alert, so that every delivery of
   * it is the same alert.
   */
  sentStartsAt?: string;
}

/**
 * A stored alert handed to one processor.
 *
 * @public
 */
export interface ClaimedAlert {
  id: number;
  alert: HealingAlert;
  receivedAt: Date;
}

/**
 * Fields of an attempt kept beside the API shape.
 *
 * @public
 */
export interface AttemptExtras {
  appliedAt?: Date;
  verifyWindowSeconds?: number;
  pod?: string;
}

/**
 * Filters of {@link HealingStore.listAttempts}; every one given must match.
 *
 * @public
 */
export interface AttemptFilter {
  entityRefs?: string[];
  cluster?: string;
  namespace?: string;
  action?: HealingActionType;
  status?: HealingAttemptStatus;
  mode?: HealingMode;
  kind?: HealingAttemptKind;
  since?: Date;
}

/**
 * An applied attempt waiting for verification, with its alert's state.
 *
 * @public
 */
export interface AttemptToVerify {
  attempt: HealingAttempt;
  appliedAt: Date;
  verifyWindowSeconds: number;
  alertStatus: 'firing' | 'resolved';
  alertEndsAt?: Date;
  health: HealthSample[];
}

/**
 * An action about to be sent to a cluster: unique per attempt and per
 * target, policy and cooldown window.
 *
 * @public
 */
export interface ActionIntent {
  attemptId: string;
  target: HealingTarget;
  policy: string;
  action: HealingActionType;
  /** Start of the policy's cooldown window `at` falls in. */
  windowStart: Date;
  /** The backend instance acting. */
  owner: string;
  at: Date;
}

/**
 * What the last check before an action reads, inside the transaction that
 * records the intent.
 *
 * @public
 */
export interface IntentCheckState {
  /** Acted-on attempts and intents since the `historySince` asked for, without the attempt's own. */
  history: RailHistoryEntry[];
  getSetting: HealingStore['getSetting'];
}

/**
 * Outcome of {@link HealingStore.commitIntent}.
 *
 * @public
 */
export type IntentOutcome =
  | { ok: true }
  | { ok: false; rail: string; reason: string };

/**
 * The healing store: alerts, attempts and settings.
 *
 * @public
 */
export interface HealingStore {
  /** Stores alerts once per fingerprint and start; resolved ones update the stored alert. */
  addAlerts(
    records: AlertRecord[],
    receivedAt: Date,
  ): Promise<{ stored: number; duplicates: number; resolved: number }>;
  /** Hands up to `limit` unprocessed alerts to `owner`; each to one owner only, until `staleBefore` passes. */
  claimAlerts(options: {
    owner: string;
    limit: number;
    now: Date;
    staleBefore: Date;
  }): Promise<ClaimedAlert[]>;
  /** Records the attempts of claimed alerts and marks them processed, in one transaction. */
  completeAlerts(
    owner: string,
    items: Array<{
      alertId: number;
      attempt: HealingAttempt;
      extras?: AttemptExtras;
    }>,
    now: Date,
  ): Promise<void>;
  /** Gives claimed alerts back (after a failure), for another run. */
  releaseAlerts(owner: string, ids: number[]): Promise<void>;
  /** Keeps `owner`'s claims of unprocessed alerts fresh while it works on them. */
  renewClaims(owner: string, ids: number[], now: Date): Promise<void>;
  /**
   * Records the intent to send an action, serialised with every other
   * instance's: inside one transaction (holding a lock on PostgreSQL) it
   * reads the rails' state, lets `check` refuse, and commits the intent
   * unless one exists for the attempt or for its target, policy and window.
   */
  commitIntent(
    intent: ActionIntent,
    options: {
      historySince: Date;
      check(
        state: IntentCheckState,
      ): Promise<IntentOutcome | undefined> | IntentOutcome | undefined;
    },
  ): Promise<IntentOutcome>;
  /** Moves attempts pending approval since before `createdBefore` to `expired`; how many. */
  expireApprovals(
    createdBefore: Date,
    reason: string,
    now: Date,
  ): Promise<number>;
  /** Whether the alert of an attempt still fires, as last received. */
  alertStatusOf(
    attemptId: string,
  ): Promise<{ status: 'firing' | 'resolved'; endsAt?: Date } | undefined>;
  getAttempt(id: string): Promise<HealingAttempt | undefined>;
  listAttempts(
    filter: AttemptFilter,
    limit: number,
  ): Promise<{ items: HealingAttempt[]; total: number }>;
  /**
   * Changes an attempt only when it still has `expectedStatus`, so two
   * approvers (or an approver and the verifier) cannot both win.
   */
  updateAttempt(
    id: string,
    expectedStatus: HealingAttemptStatus,
    changes: Partial<HealingAttempt> &
      AttemptExtras & { health?: HealthSample[] },
  ): Promise<boolean>;
  /**
   * Remediation attempts since a time, as the safety rails count them,
   * with the intents of actions whose attempt has no acted record (the
   * store failed after sending, or the instance died);
   * `exceptId` leaves out the attempt being approved, which is itself
   * `approved` by then.
   */
  railHistory(since: Date, exceptId?: string): Promise<RailHistoryEntry[]>;
  attemptsToVerify(): Promise<AttemptToVerify[]>;
  /**
   * Verified outcomes of remediation attempts (succeeded, failed,
   * inconclusive) counted per alert name, workload kind and action, for
   * the action choice.
   */
  actionOutcomes(): Promise<ActionOutcomeCount[]>;
  /** Inserts or replaces platform attempts by id. */
  upsertPlatformAttempts(attempts: HealingAttempt[]): Promise<void>;
  countPending(): Promise<number>;
  getSetting<T>(
    key: string,
  ): Promise<{ value: T; updatedBy?: string } | undefined>;
  putSetting(key: string, value: unknown, updatedBy: string): Promise<void>;
  prune(
    before: Date,
  ): Promise<{ alerts: number; attempts: number; intents: number }>;
}
