import { ResponseError } from '@backstage/errors';
import { registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  fleetObjectives,
  linearTrend,
  tradingEngineObjectives,
} from '../testing/sloFixtures';
import { SloClient } from './SloClient';

const baseUrl = 'http://localhost:7007/api/slo';

describe('SloClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const discovered: string[] = [];
  const client = new SloClient({
    discoveryApi: {
      getBaseUrl: async pluginId => {
        discovered.push(pluginId);
        return baseUrl;
      },
    },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });

  beforeEach(() => {
    discovered.length = 0;
  });

  it('asks for the objectives of an entity, a team or the fleet', async () => {
    const requests: Record<string, string>[] = [];
    server.use(
      http.get(`${baseUrl}/objectives`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        requests.push(Object.fromEntries(params));
        return HttpResponse.json(
          params.has('entityRef') ? tradingEngineObjectives : fleetObjectives,
        );
      }),
    );

    await expect(
      client.getObjectives({ entityRef: 'component:default/trading-engine' }),
    ).resolves.toEqual(tradingEngineObjectives);
    await expect(
      client.getObjectives({ team: 'group:default/trading-team' }),
    ).resolves.toEqual(fleetObjectives);
    await expect(client.getObjectives()).resolves.toEqual(fleetObjectives);

    expect(requests).toEqual([
      { entityRef: 'component:default/trading-engine' },
      { team: 'group:default/trading-team' },
      {},
    ]);
    expect(discovered).toEqual(['slo', 'slo', 'slo']);
  });

  it('asks for the trend of one SLO, with the number of points when given', async () => {
    const requests: Record<string, string>[] = [];
    const trend = linearTrend('trading-engine-availability', 0.9, 0.423);
    server.use(
      http.get(`${baseUrl}/trend`, ({ request }) => {
        requests.push(Object.fromEntries(new URL(request.url).searchParams));
        return HttpResponse.json(trend);
      }),
    );

    await expect(
      client.getTrend({
        entityRef: 'component:default/trading-engine',
        name: 'trading-engine-availability',
      }),
    ).resolves.toEqual(trend);
    await client.getTrend({
      entityRef: 'component:default/trading-engine',
      name: 'trading-engine latency & more',
      points: 12,
    });

    expect(requests).toEqual([
      {
        entityRef: 'component:default/trading-engine',
        name: 'trading-engine-availability',
      },
      {
        entityRef: 'component:default/trading-engine',
        name: 'trading-engine latency & more',
        points: '12',
      },
    ]);
  });

  it('throws the backend error as a ResponseError', async () => {
    server.use(
      http.get(`${baseUrl}/trend`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotFoundError',
              message: 'component:default/trading-engine has no SLO nope',
            },
            request: { method: 'GET', url: '/trend' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    const result = client.getTrend({
      entityRef: 'component:default/trading-engine',
      name: 'nope',
    });
    await expect(result).rejects.toBeInstanceOf(ResponseError);
    await expect(result).rejects.toMatchObject({
      statusCode: 404,
      body: { error: { name: 'NotFoundError' } },
    });
  });
});
