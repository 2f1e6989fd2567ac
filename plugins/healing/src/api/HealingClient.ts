import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  HealingAttempt,
  HealingAttemptList,
  HealingEngineStatus,
  HealingStats,
  HealingTarget,
} from '@cloud-native-platform/plugin-healing-common';
import type { HealingApi, HealingAttemptQuery } from './HealingApi';
import {
  podLogsSearchParams,
  readPodLogsResponse,
} from '@cloud-native-platform/plugin-cluster-topology-common';
import type {
  PodLogs,
  PodLogsQuery,
  TopologyGraphResponse,
} from '@cloud-native-platform/plugin-cluster-topology-common';

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

  async listTargetPods(target: HealingTarget): Promise<string[]> {
    if (!target.namespace) return [];
    const params = new URLSearchParams({
      cluster: target.cluster,
      namespace: target.namespace,
      expand: 'all',
      layers: 'static',
    });
    const graph: TopologyGraphResponse = await (
      await this.fetchTopology('/graph', params)
    ).json();
    const workload = graph.nodes.find(
      n =>
        n.kind === 'workload' &&
        n.name === target.name &&
        n.namespace === target.namespace &&
        (!n.objectKind || n.objectKind === target.kind),
    );
    if (!workload) return [];
    return graph.nodes
      .filter(n => n.kind === 'pod' && n.parent === workload.id)
      .map(n => n.name)
      .sort((a, b) => a.localeCompare(b));
  }

  async getPodLogs(query: PodLogsQuery): Promise<PodLogs> {
    const response = await this.fetchTopology(
      '/logs',
      podLogsSearchParams({ ...query, follow: false }),
    );
    return readPodLogsResponse(response);
  }

  // The workload's pods and logs belong to the cluster topology backend.
  private async fetchTopology(
    path: string,
    params: URLSearchParams,
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('cluster-topology');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}?${params}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
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
