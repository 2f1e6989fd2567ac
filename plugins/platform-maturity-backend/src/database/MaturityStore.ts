import { MaturityScopeType } from '@cloud-native-platform/plugin-platform-maturity-common';

/**
 * One stored maturity score.
 *
 * @public
 */
export interface MaturitySnapshot {
  takenAt: Date;
  scopeType: MaturityScopeType;
  /** '' for the fleet, else the team's, system's or component's entity reference. */
  scopeKey: string;
  score: number;
  entities: number;
  drReady: number;
}

/**
 * Where maturity snapshots are kept.
 *
 * @public
 */
export interface MaturityStore {
  addSnapshots(snapshots: MaturitySnapshot[]): Promise<void>;
  /** The snapshots of one scope taken at or after `since`, oldest first. */
  listSnapshots(options: {
    scopeType: MaturityScopeType;
    scopeKey: string;
    since: Date;
  }): Promise<MaturitySnapshot[]>;
  /** Deletes snapshots taken before the date; returns how many. */
  prune(before: Date): Promise<number>;
  /** Whether the snapshots of an earlier store (`source`) were imported. */
  hasImported(source: string): Promise<boolean>;
  /**
   * Adds the snapshots of an earlier store and records that it was imported,
   * in one transaction; nothing is added when `source` was imported already.
   * Returns whether this call imported them.
   */
  importSnapshots(
    source: string,
    snapshots: MaturitySnapshot[],
  ): Promise<boolean>;
}
