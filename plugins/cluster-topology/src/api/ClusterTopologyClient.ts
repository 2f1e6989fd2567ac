import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { ClusterTopologyApi } from './ClusterTopologyApi';
import type {
  ClusterObjectDetails,
  ClusterObjectQuery,
  ClustersResponse,
  EntityDeliveriesResponse,
  EntityWorkloadsResponse,
  PodLogLine,
  PodLogs,
  PodLogsQuery,
  PodLogStreamEndReason,
  TopologyGraphQuery,
  TopologyGraphResponse,
} from '@cloud-native-platform/plugin-cluster-topology-common';
import {
  parsePodLogLine,
  podLogsSearchParams,
  readPodLogsResponse,
  PodLogStreamParser,
} from '@cloud-native-platform/plugin-cluster-topology-common';

const END_REASONS: readonly string[] = ['duration', 'size', 'closed'];

function endReasonOf(data: string): PodLogStreamEndReason {
  try {
    const reason = (JSON.parse(data) as { reason?: unknown }).reason;
    if (typeof reason === 'string' && END_REASONS.includes(reason)) {
      return reason as PodLogStreamEndReason;
    }
  } catch {
    // An end event without a readable reason still ends the stream.
  }
  return 'closed';
}

/**
 * Default {@link ClusterTopologyApi} implementation, calling the
 * cluster-topology backend with the user's credentials.
 *
 * @public
 */
export class ClusterTopologyClient implements ClusterTopologyApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getClusters(): Promise<ClustersResponse> {
    return this.get('/clusters');
  }

  async getGraph(
    query: TopologyGraphQuery = {},
  ): Promise<TopologyGraphResponse> {
    const params = new URLSearchParams();
    if (query.entityRef) {
      params.set('entityRef', query.entityRef);
    } else if (query.cluster) {
      params.set('cluster', query.cluster);
      if (query.namespace) {
        params.set('namespace', query.namespace);
      }
    }
    if (query.expand?.length) {
      params.set('expand', query.expand.join(','));
    }
    if (query.layers?.length) {
      params.set('layers', query.layers.join(','));
    }
    if (query.window) {
      params.set('window', query.window);
    }
    return this.get('/graph', params);
  }

  async getEntityWorkloads(
    entityRef: string,
  ): Promise<EntityWorkloadsResponse> {
    return this.get('/workloads', new URLSearchParams({ entityRef }));
  }

  async getEntityDeliveries(
    entityRef: string,
  ): Promise<EntityDeliveriesResponse> {
    return this.get('/deliveries', new URLSearchParams({ entityRef }));
  }

  async getObject(query: ClusterObjectQuery): Promise<ClusterObjectDetails> {
    const params = new URLSearchParams({
      cluster: query.cluster,
      kind: query.kind,
    });
    if (query.namespace) {
      params.set('namespace', query.namespace);
    }
    params.set('name', query.name);
    return this.get('/object', params);
  }

  async getPodLogs(query: PodLogsQuery): Promise<PodLogs> {
    const params = podLogsSearchParams({ ...query, follow: false });
    const response = await this.fetchPath('/logs', params, {
      headers: { Accept: 'text/plain' },
    });
    return readPodLogsResponse(response);
  }

  async followPodLogs(
    query: PodLogsQuery,
    onLine: (line: PodLogLine) => void,
    signal?: AbortSignal,
  ): Promise<PodLogStreamEndReason> {
    const params = podLogsSearchParams({ ...query, follow: true });
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    // Cancelling the reader ends a pending read even where aborting the
    // request does not reach a body already being read.
    const stop = () => {
      reader?.cancel().catch(() => {});
    };
    signal?.addEventListener('abort', stop, { once: true });
    try {
      // fetchApi rather than EventSource, which cannot send the user's token.
      const response = await this.fetchPath('/logs', params, {
        headers: { Accept: 'text/event-stream' },
        signal,
      });
      if (!response.body) return 'closed';
      reader = response.body.getReader();
      if (signal?.aborted) return 'closed';
      const decoder = new TextDecoder();
      const parser = new PodLogStreamParser();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return 'closed';
        for (const event of parser.push(
          decoder.decode(value, { stream: true }),
        )) {
          if (event.event === 'end') return endReasonOf(event.data);
          if (event.event === 'message') onLine(parsePodLogLine(event.data));
        }
      }
    } catch (error) {
      if (signal?.aborted) return 'closed';
      throw error;
    } finally {
      signal?.removeEventListener('abort', stop);
      stop();
    }
  }

  private async get<T>(path: string, params?: URLSearchParams): Promise<T> {
    const response = await this.fetchPath(path, params);
    return (await response.json()) as T;
  }

  private async fetchPath(
    path: string,
    params?: URLSearchParams,
    init?: RequestInit,
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('cluster-topology');
    const search = params?.toString();
    const response = await this.fetchApi.fetch(
      `${baseUrl}${path}${search ? `?${search}` : ''}`,
      init,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
