import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  HealingAttempt,
  HealingAttemptList,
  HealingEngineStatus,
  HealingStats,
} from '@cloud-native-platform/plugin-healing-common';
import type { HealingApi, HealingAttemptQuery } from './HealingApi';

// Fixed order, so that equal queries make equal URLs (and equal cache keys).
const QUERY_KEYS: Array<keyof HealingAttemptQuery> = [
  'entityRef',
  'cluster',
  'namespace',
  'action',
  'status',
  'mode',
  'kind',
  'since',
  'limit',
];

function queryParams(query: HealingAttemptQuery = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of QUERY_KEYS) {
    const value = query[key];
    if (value !== undefined && value !== '') {
      params.set(key, String(value));
    }
  }
  return params;
}

/**
 * Default {@link HealingApi} implementation, calling the healing backend with
 * the user's credentials.
 *
 * @public
 */
export class HealingClient implements HealingApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async listAttempts(query?: HealingAttemptQuery): Promise<HealingAttemptList> {
    return this.request('GET', '/attempts', queryParams(query));
  }

  async getAttempt(id: string): Promise<HealingAttempt> {
    return this.request('GET', `/attempts/${encodeURIComponent(id)}`);
  }

  async approveAttempt(id: string, comment?: string): Promise<HealingAttempt> {
    return this.request(
      'POST',
      `/attempts/${encodeURIComponent(id)}/approve`,
      undefined,
      comment ? { comment } : {},
    );
  }

  async rejectAttempt(id: string, comment?: string): Promise<HealingAttempt> {
    return this.request(
      'POST',
      `/attempts/${encodeURIComponent(id)}/reject`,
      undefined,
      comment ? { comment } : {},
    );
  }

  async getStats(
    query?: Omit<HealingAttemptQuery, 'since' | 'limit'>,
    days?: number,
  ): Promise<HealingStats> {
    const params = queryParams(query);
    if (days !== undefined) {
      params.set('days', String(days));
    }
    return this.request('GET', '/stats', params);
  }

  async getStatus(): Promise<HealingEngineStatus> {
    return this.request('GET', '/status');
  }

  async setKillSwitch(enabled: boolean): Promise<HealingEngineStatus> {
    return this.request('PUT', '/kill-switch', undefined, { enabled });
  }

  private async request<T>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    params?: URLSearchParams,
    body?: object,
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('healing');
    const search = params?.toString();
    const response = await this.fetchApi.fetch(
      `${baseUrl}${path}${search ? `?${search}` : ''}`,
      body === undefined
        ? { method }
        : {
            method,
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
