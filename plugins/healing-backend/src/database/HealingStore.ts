import {
  HealingActionType,
  HealingAlert,
  HealingAttempt,
  HealingAttemptKind,
  HealingAttemptStatus,
  HealingMode,
  HealthSample,
  RailHistoryEntry,
} from '@cloud-native-platform/plugin-healing-common';

/**
 * An alert to store, as the webhook parsed it.
 *
 * @public
 */
export interface AlertRecord {
  alert: HealingAlert;
  /** The alert object as Alertmanager sent it, with the group's common fields. */
  payload: unknown;
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
   * Remediation attempts since a time, as the safety rails count them;
   * `exceptId` leaves out the attempt being approved, which is itself
   * `approved` by then.
   */
  railHistory(since: Date, exceptId?: string): Promise<RailHistoryEntry[]>;
  attemptsToVerify(): Promise<AttemptToVerify[]>;
  /** Inserts or replaces platform attempts by id. */
  upsertPlatformAttempts(attempts: HealingAttempt[]): Promise<void>;
  countPending(): Promise<number>;
  getSetting<T>(
    key: string,
  ): Promise<{ value: T; updatedBy?: string } | undefined>;
  putSetting(key: string, value: unknown, updatedBy: string): Promise<void>;
  prune(before: Date): Promise<{ alerts: number; attempts: number }>;
}
