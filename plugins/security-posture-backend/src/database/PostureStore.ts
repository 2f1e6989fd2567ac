import { SeverityCounts } from '@cloud-native-platform/plugin-security-posture-common';

/**
 * What a snapshot is the score of.
 *
 * @public
 */
export type SnapshotScopeType =
  | 'fleet'
  | 'cluster'
  | 'namespace'
  | 'entity'
  | 'team';

/**
 * One stored score of one scope. `scopeKey` is '' for the fleet, the cluster
 * name, `cluster/namespace`, or an entity reference.
 *
 * @public
 */
export interface PostureSnapshot {
  takenAt: Date;
  scopeType: SnapshotScopeType;
  scopeKey: string;
  score: number;
  counts: SeverityCounts;
}

/**
 * A Falco alert as stored, with the workload it was attributed to on receipt.
 *
 * @public
 */
export interface FalcoAlertRecord {
  uuid?: string;
  receivedAt: Date;
  eventTime: Date;
  cluster?: string;
  namespace?: string;
  pod?: string;
  container?: string;
  workloadKind?: string;
  workloadName?: string;
  rule: string;
  priority: string;
  output: string;
  /** The payload as posted, for audits. */
  payload: unknown;
}

/**
 * Alerts of one rule on one pod and container, collapsed: the newest of them
 * and how many there were.
 *
 * @public
 */
export interface FalcoAlertGroup {
  cluster?: string;
  namespace?: string;
  pod?: string;
  container?: string;
  workloadKind?: string;
  workloadName?: string;
  rule: string;
  priority: string;
  count: number;
  /** Output and time of the newest alert of the group. */
  output: string;
  eventTime: Date;
  receivedAt: Date;
}

/**
 * Persistence of the security posture backend.
 *
 * @public
 */
export interface PostureStore {
  addSnapshots(snapshots: PostureSnapshot[]): Promise<void>;
  /** Snapshots of one scope taken at or after `since`, oldest first. */
  listSnapshots(options: {
    scopeType: SnapshotScopeType;
    scopeKey: string;
    since: Date;
  }): Promise<PostureSnapshot[]>;
  /** Stores an alert; one whose uuid is stored already is dropped. */
  addFalcoAlert(alert: FalcoAlertRecord): Promise<{ duplicate: boolean }>;
  /** Alerts received at or after `since`, grouped; optionally of some clusters only. */
  listFalcoAlertGroups(options: {
    since: Date;
    clusters?: string[];
  }): Promise<FalcoAlertGroup[]>;
  /**
   * Alerts received at or after `since` that name no cluster, or one that is
   * not among `known`: they can be attributed to no workload.
   */
  countUnattributedFalcoAlerts(options: {
    since: Date;
    known: string[];
  }): Promise<number>;
  /** Deletes what is older than the retention of each table. */
  prune(options: {
    snapshotsBefore: Date;
    falcoAlertsBefore: Date;
  }): Promise<{ snapshots: number; falcoAlerts: number }>;
}
