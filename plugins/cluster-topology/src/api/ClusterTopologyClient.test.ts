import { ResponseError } from '@backstage/errors';
import { registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  clustersResponse,
  fleetGraph,
  tradingEngineWorkloads,
} from '../testing/fixtures';
import { ClusterTopologyClient } from './ClusterTopologyClient';

const baseUrl = 'http://localhost:7007/api/cluster-topology';

describe('ClusterTopologyClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new ClusterTopologyClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });

  it('lists the clusters', async () => {
    server.use(
      http.get(`${baseUrl}/clusters`, () =>
        HttpResponse.json(clustersResponse),
      ),
    );
    await expect(client.getClusters()).resolves.toEqual(clustersResponse);
  });

  it('asks for the graph of the requested view', async () => {
    const requests: URL[] = [];
    server.use(
      http.get(`${baseUrl}/graph`, ({ request }) => {
        requests.push(new URL(request.url));
        return HttpResponse.json(fleetGraph);
      }),
    );

    await expect(client.getGraph()).resolves.toEqual(fleetGraph);
    await client.getGraph({
      cluster: 'prod-east-b',
      namespace: 'trading',
      expand: ['workload:prod-east-b/trading/Deployment/risk-service'],
      layers: ['static', 'traffic'],
      window: '15m',
    });
    await client.getGraph({
      entityRef: 'component:default/trading-engine',
      cluster: 'ignored-for-entities',
    });

    expect(requests.map(r => Object.fromEntries(r.searchParams))).toEqual([
      {},
      {
        cluster: 'prod-east-b',
        namespace: 'trading',
        expand: 'workload:prod-east-b/trading/Deployment/risk-service',
        layers: 'static,traffic',
        window: '15m',
      },
      { entityRef: 'component:default/trading-engine' },
    ]);
  });

  it('reads the workloads of an entity', async () => {
    server.use(
      http.get(`${baseUrl}/workloads`, ({ request }) =>
        new URL(request.url).searchParams.get('entityRef') ===
        'component:default/trading-engine'
          ? HttpResponse.json(tradingEngineWorkloads)
          : new HttpResponse(null, { status: 400 }),
      ),
    );
    await expect(
      client.getEntityWorkloads('component:default/trading-engine'),
    ).resolves.toEqual(tradingEngineWorkloads);
  });

  it('throws a ResponseError when the backend fails', async () => {
    server.use(
      http.get(`${baseUrl}/workloads`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotFoundError',
              message: 'no entity component:default/nope in the catalog',
            },
            request: { method: 'GET', url: '/workloads' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    const result = client.getEntityWorkloads('component:default/nope');
    await expect(result).rejects.toBeInstanceOf(ResponseError);
    await expect(result).rejects.toMatchObject({
      statusCode: 404,
      body: { error: { name: 'NotFoundError' } },
    });
  });
});
