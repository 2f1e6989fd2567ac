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

  it('asks for the maturity history of the fleet, a team, a system or a component', async () => {
    const requests: URLSearchParams[] = [];
    const history = {
      scope: { type: 'fleet', key: '' },
      days: 30,
      points: [
        {
          takenAt: '2026-11-26T09:00:00.000Z',
          score: 51,
          entities: 4,
          drReady: 1,
        },
        {
          takenAt: '2026-11-26T10:00:00.000Z',
          score: 52.5,
          entities: 4,
          drReady: 1,
        },
      ],
    };
    server.use(
      http.get(`${baseUrl}/maturity/history`, ({ request }) => {
        requests.push(new URL(request.url).searchParams);
        return HttpResponse.json(history);
      }),
    );

    await expect(client.getMaturityHistory()).resolves.toEqual(history);
    await client.getMaturityHistory(
      { team: 'group:default/trading-team' },
      { days: 7 },
    );
    await client.getMaturityHistory({ system: 'system:default/core-trading' });
    await client.getMaturityHistory(
      { entityRef: 'component:default/trading-engine' },
      { days: 365 },
    );
    await client.getMaturityHistory(undefined, { days: 1 });

    expect(requests.map(r => Object.fromEntries(r))).toEqual([
      {},
      { team: 'group:default/trading-team', days: '7' },
      { system: 'system:default/core-trading' },
      { entityRef: 'component:default/trading-engine', days: '365' },
      { days: '1' },
    ]);
  });

  it('throws a ResponseError when the history scope is unknown', async () => {
    server.use(
      http.get(`${baseUrl}/maturity/history`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotFoundError',
              message: 'no team group:default/nope in the catalog',
            },
            request: { method: 'GET', url: '/maturity/history' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    await expect(
      client.getMaturityHistory({ team: 'group:default/nope' }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 404,
      body: { error: { name: 'NotFoundError' } },
    });
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
