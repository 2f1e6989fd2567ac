import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { MaturityHistory } from './types';
import type {
  MaturityHistoryScope,
  PlatformMaturityApi,
} from './PlatformMaturityApi';
import type {
  EntityMaturityResponse,
  MaturityLeaderboard,
  MaturityQuery,
  TeamMaturityResponse,
} from './types';

/**
 * Default {@link PlatformMaturityApi} implementation, calling the
 * platform-maturity backend with the user's credentials: its routes sit at
 * the root of the plugin's base URL (`?entityRef=…`, `/leaderboard`,
 * `/history`).
 *
 * @public
 */
export class PlatformMaturityClient implements PlatformMaturityApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getMaturity(query: { entityRef: string }): Promise<EntityMaturityResponse>;
  getMaturity(query: { team: string }): Promise<TeamMaturityResponse>;
  async getMaturity(
    query: MaturityQuery,
  ): Promise<EntityMaturityResponse | TeamMaturityResponse> {
    const params =
      'entityRef' in query
        ? new URLSearchParams({ entityRef: query.entityRef })
        : new URLSearchParams({ team: query.team });
    return this.get('', params);
  }

  async getLeaderboard(): Promise<MaturityLeaderboard> {
    return this.get('/leaderboard');
  }

  async getHistory(
    scope?: MaturityHistoryScope,
    options?: { days?: number },
  ): Promise<MaturityHistory> {
    const params = new URLSearchParams();
    if (scope && 'entityRef' in scope) {
      params.set('entityRef', scope.entityRef);
    } else if (scope && 'team' in scope) {
      params.set('team', scope.team);
    } else if (scope && 'system' in scope) {
      params.set('system', scope.system);
    }
    if (options?.days !== undefined) {
      params.set('days', String(options.days));
    }
    return this.get('/history', params);
  }

  private async get<T>(path: string, params?: URLSearchParams): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('platform-maturity');
    const search = params?.toString();
    const response = await this.fetchApi.fetch(
      `${baseUrl}${path}${search ? `?${search}` : ''}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
