import { NotFoundError } from '@backstage/errors';
import type {
  CheckDefinition,
  PostureOverview,
  PostureReport,
  PostureTrend,
} from '@cloud-native-platform/plugin-security-posture-common';
import type { FleetScope, PostureScope, SecurityPostureApi } from '../src/api';
import {
  checkCatalogue,
  fleetOverview,
  fleetTrend,
  prodEastBReport,
  tradingEngineReport,
  tradingEngineTrend,
} from '../src/testing/fixtures';

/**
 * The security posture API of the dev app: the fixtures the plugin's tests
 * serve, so that the page, tab and card can be tried without a backend. It
 * knows trading-engine and every cluster (each with the findings of
 * prod-east-b); any other entity or team is not found, as on a backend
 * that has never seen it.
 */
export class FixtureSecurityPostureApi implements SecurityPostureApi {
  async getReport(scope: PostureScope): Promise<PostureReport> {
    if ('entityRef' in scope) {
      if (scope.entityRef === tradingEngineReport.scope.entityRef) {
        return tradingEngineReport;
      }
      throw new NotFoundError(`no workloads of ${scope.entityRef}`);
    }
    if ('cluster' in scope) {
      return {
        ...prodEastBReport,
        scope: { cluster: scope.cluster, namespace: scope.namespace },
      };
    }
    throw new NotFoundError(`no components of team ${scope.team}`);
  }

  async getOverview(): Promise<PostureOverview> {
    return fleetOverview;
  }

  async getHistory(
    scope: PostureScope | FleetScope = {},
  ): Promise<PostureTrend> {
    return 'entityRef' in scope ? tradingEngineTrend : fleetTrend;
  }

  async getChecks(): Promise<{ items: CheckDefinition[] }> {
    return checkCatalogue;
  }
}
