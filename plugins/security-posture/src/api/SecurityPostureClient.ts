import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  CheckDefinition,
  PostureOverview,
  PostureReport,
  PostureTrend,
} from '@cloud-native-platform/plugin-security-posture-common';
import type {
  FleetScope,
  PostureScope,
  SecurityPostureApi,
} from './SecurityPostureApi';

// The backend takes exactly one of entityRef, cluster or team; anything else
// in a scope object is left out rather than sent as an ambiguous query.
function scopeParams(scope: PostureScope | FleetScope): URLSearchParams {
  const params = new URLSearchParams();
  if ('entityRef' in scope && scope.entityRef) {
    params.set('entityRef', scope.entityRef);
  } else if ('cluster' in scope && scope.cluster) {
    params.set('cluster', scope.cluster);
    if (scope.namespace) {
      params.set('namespace', scope.namespace);
    }
  } else if ('team' in scope && scope.team) {
    params.set('team', scope.team);
  }
  return params;
}

/**
 * Default {@link SecurityPostureApi} implementation, calling the
 * security-posture backend with the user's credentials.
 *
 * @public
 */
export class SecurityPostureClient implements SecurityPostureApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getReport(scope: PostureScope): Promise<PostureReport> {
    return this.get('/report', scopeParams(scope));
  }

  async getOverview(): Promise<PostureOverview> {
    return this.get('/overview');
  }

  async getHistory(
    scope: PostureScope | FleetScope = {},
    days?: number,
  ): Promise<PostureTrend> {
    const params = scopeParams(scope);
    if (days !== undefined) {
      params.set('days', String(days));
    }
    return this.get('/history', params);
  }

  async getChecks(): Promise<{ items: CheckDefinition[] }> {
    return this.get('/checks');
  }

  private async get<T>(path: string, params?: URLSearchParams): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('security-posture');
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
