import { NotFoundError } from '@backstage/errors';
import type {
  SloObjectivesResponse,
  SloTrendResponse,
} from '@cloud-native-platform/plugin-slo-common';
import type { SloApi, SloObjectivesScope, SloTrendQuery } from '../src/api';
import { fleetObjectives, linearTrend } from '../src/testing/sloFixtures';

/**
 * Answers the dev app from the test fixtures, so the page, the tab and the
 * card can be worked on without a backend: the fleet as the fixtures
 * describe it, and a budget that falls linearly to each SLO's current
 * figure over its window.
 */
export class FixtureSloApi implements SloApi {
  async getObjectives(
    scope?: SloObjectivesScope,
  ): Promise<SloObjectivesResponse> {
    if (!scope) return fleetObjectives;
    const items = fleetObjectives.items.filter(slo =>
      'entityRef' in scope
        ? slo.entityRef === scope.entityRef
        : slo.team === scope.team,
    );
    if (items.length === 0) {
      throw new NotFoundError(`no SLO for ${Object.values(scope)[0]}`);
    }
    return { items, errors: fleetObjectives.errors };
  }

  async getTrend(query: SloTrendQuery): Promise<SloTrendResponse> {
    const slo = fleetObjectives.items.find(
      s => s.entityRef === query.entityRef && s.name === query.name,
    );
    if (!slo) {
      throw new NotFoundError(`${query.entityRef} has no SLO ${query.name}`);
    }
    const trend = linearTrend(slo.name, 1, slo.errorBudgetRemaining ?? 1, {
      points: query.points ?? 60,
      end: new Date().toISOString(),
    });
    return { ...trend, entityRef: query.entityRef, window: slo.window };
  }
}
