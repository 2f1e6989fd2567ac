import { createApiRef } from '@backstage/frontend-plugin-api';
import type { MaturityHistory } from './types';
import type {
  EntityMaturityResponse,
  MaturityLeaderboard,
  TeamMaturityResponse,
} from './types';

/**
 * What a maturity trend is about: a component, a team (group reference) or a
 * system.
 *
 * @public
 */
export type MaturityHistoryScope =
  | { entityRef: string }
  | { team: string }
  | { system: string };

/**
 * Reads maturity scores, the leaderboard, their history and the DR readiness
 * of catalog entities from the platform-maturity backend.
 *
 * @public
 */
export interface PlatformMaturityApi {
  /** The maturity score and DR readiness of an entity. */
  getMaturity(query: { entityRef: string }): Promise<EntityMaturityResponse>;
  /** The maturity score of a team and its components. */
  getMaturity(query: { team: string }): Promise<TeamMaturityResponse>;
  /** Teams, systems and components ranked by maturity score. */
  getLeaderboard(): Promise<MaturityLeaderboard>;
  /**
   * The hourly maturity snapshots of a component, a team or a system, or of
   * the fleet without a scope; oldest first, over the last `days` (30
   * unless given).
   */
  getHistory(
    scope?: MaturityHistoryScope,
    options?: { days?: number },
  ): Promise<MaturityHistory>;
}

/**
 * Utility API reference of {@link PlatformMaturityApi}.
 *
 * @public
 */
export const platformMaturityApiRef = createApiRef<PlatformMaturityApi>().with({
  id: 'plugin.platform-maturity.service',
  pluginId: 'platform-maturity',
});
