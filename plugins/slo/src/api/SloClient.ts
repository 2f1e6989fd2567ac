import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  SloObjectivesResponse,
  SloTrendResponse,
} from '@cloud-native-platform/plugin-slo-common';
import type { SloApi, SloObjectivesScope, SloTrendQuery } from './SloApi';

/**
 * Default {@link SloApi} implementation, calling the SLO backend
 * (`/objectives`, `/trend` under the `slo` base URL) with the user's
 * credentials.
 *
 * @public
 */
export class SloClient implements SloApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  /** {@inheritDoc SloApi.getObjectives} */
  async getObjectives(
    scope?: SloObjectivesScope,
  ): Promise<SloObjectivesResponse> {
    const params = new URLSearchParams();
    if (scope && 'entityRef' in scope) {
      params.set('entityRef', scope.entityRef);
    } else if (scope && 'team' in scope) {
      params.set('team', scope.team);
    }
    return this.get('/objectives', params);
  }

  /** {@inheritDoc SloApi.getTrend} */
  async getTrend(query: SloTrendQuery): Promise<SloTrendResponse> {
    const params = new URLSearchParams({
      entityRef: query.entityRef,
      name: query.name,
    });
    if (query.points !== undefined) {
      params.set('points', String(query.points));
    }
    return this.get('/trend', params);
  }

  private async get<T>(path: string, params: URLSearchParams): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('slo');
    const search = params.toString();
    const response = await this.fetchApi.fetch(
      `${baseUrl}${path}${search ? `?${search}` : ''}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
