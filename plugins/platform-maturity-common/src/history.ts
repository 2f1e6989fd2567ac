/**
 * What a maturity trend is about: the whole fleet, one team (group entity
 * reference), one system (system entity reference) or one component.
 *
 * @public
 */
export type MaturityScopeType = 'fleet' | 'team' | 'system' | 'entity';

/**
 * One stored maturity score, taken by the backend's snapshot task.
 *
 * @public
 */
export interface MaturityHistoryPoint {
  /** ISO date-time the snapshot was taken at. */
  takenAt: string;
  /** 0–100: the scope's score at that time. */
  score: number;
  /** Components the score was the mean of (1 for a component). */
  entities: number;
  /** Of those, components whose production workloads were DR-ready. */
  drReady: number;
}

/**
 * `GET /api/platform-maturity/history?entityRef=…|team=…|system=…[&days=N]`:
 * the stored scores of one scope, oldest first. Without a scope parameter it
 * is the fleet's trend.
 *
 * @public
 */
export interface MaturityHistory {
  scope: { type: MaturityScopeType; key: string };
  /** The window asked for, in days (1–365, 30 unless given). */
  days: number;
  points: MaturityHistoryPoint[];
}
