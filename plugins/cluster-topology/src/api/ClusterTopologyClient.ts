import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { ClusterTopologyApi } from './ClusterTopologyApi';
import type {
  ClusterObjectDetails,
  ClusterObjectQuery,
  ClustersResponse,
  EntityDeliveriesResponse,
  EntityWorkloadsResponse,
  TopologyGraphQuery,
  TopologyGraphResponse,
} from '@cloud-native-platform/plugin-cluster-topology-common';

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

  private async get<T>(path: string, params?: URLSearchParams): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('cluster-topology');
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
