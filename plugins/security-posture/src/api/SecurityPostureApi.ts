import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  CheckDefinition,
  PostureOverview,
  PostureReport,
  PostureTrend,
} from '@cloud-native-platform/plugin-security-posture-common';

/**
 * What a report or trend is about: a catalog entity, a cluster (optionally one
 * of its namespaces) or a team.
 *
 * @public
 */
export type PostureScope =
  | { entityRef: string }
  | { cluster: string; namespace?: string }
  | { team: string };

/**
 * The whole fleet, for trends.
 *
 * @public
 */
export type FleetScope = Record<string, never>;

/**
 * Reads reports, the fleet overview, trends and the check catalogue from the
 * security-posture backend.
 *
 * @public
 */
export interface SecurityPostureApi {
  /** The score and findings of an entity, a cluster or namespace, or a team. */
  getReport(scope: PostureScope): Promise<PostureReport>;
  /** The fleet score with its clusters, namespaces, teams and top checks. */
  getOverview(): Promise<PostureOverview>;
  /** Stored snapshots of a scope, or of the fleet, oldest first. */
  getHistory(
    scope?: PostureScope | FleetScope,
    days?: number,
  ): Promise<PostureTrend>;
  /** Every check the backend runs. */
  getChecks(): Promise<{ items: CheckDefinition[] }>;
}

/**
 * Utility API reference of {@link SecurityPostureApi}.
 *
 * @public
 */
export const securityPostureApiRef = createApiRef<SecurityPostureApi>().with({
  id: 'plugin.security-posture.service',
  pluginId: 'security-posture',
});
