import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  SloObjectivesResponse,
  SloTrendResponse,
} from '@cloud-native-platform/plugin-slo-common';

/**
 * Whose SLOs to read: one entity's, one team's (a group entity ref), or,
 * without a scope, every SLO of the fleet.
 *
 * @public
 */
export type SloObjectivesScope = { entityRef: string } | { team: string };

/**
 * Which SLO's budget trend to read, and how many points to sample over its
 * window (the backend's default, 60, unless given).
 *
 * @public
 */
export interface SloTrendQuery {
  /** The entity the SLO belongs to. */
  entityRef: string;
  /** The SLO's name, unique within the entity. */
  name: string;
  /** How many points to sample over the window. */
  points?: number;
}

/**
 * Reads SLOs with their error budget, burn rates and alerting, and the
 * budget trend of one SLO, from the SLO backend.
 *
 * @public
 */
export interface SloApi {
  /** The SLOs of an entity or a team, or of the whole fleet without a scope. */
  getObjectives(scope?: SloObjectivesScope): Promise<SloObjectivesResponse>;
  /** The budget left of one SLO of an entity, sampled over the SLO window. */
  getTrend(query: SloTrendQuery): Promise<SloTrendResponse>;
}

/**
 * Utility API reference of {@link SloApi}.
 *
 * @public
 */
export const sloApiRef = createApiRef<SloApi>().with({
  id: 'plugin.slo.service',
  pluginId: 'slo',
});
