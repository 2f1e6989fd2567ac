import { ResponseError } from '@backstage/errors';
import { registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  maturityLeaderboard,
  tradingEngineMaturity,
} from '../testing/maturityFixtures';
import { PlatformMaturityClient } from './PlatformMaturityClient';
import type { TeamMaturityResponse } from './types';

const baseUrl = 'http://localhost:7007/api/platform-maturity';

describe('PlatformMaturityClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const discovered: string[] = [];
  const client = new PlatformMaturityClient({
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

  it('asks the platform-maturity backend for the maturity of an entity or a team', async () => {
    const requests: Record<string, string>[] = [];
    const team: TeamMaturityResponse = {
      team: 'group:default/trading-team',
      score: tradingEngineMaturity.score,
      entities: [
        {
          entityRef: tradingEngineMaturity.entityRef,
          score: tradingEngineMaturity.score,
          deployed: true,
          terms: tradingEngineMaturity.terms,
          dr: 'at-risk',
        },
      ],
      findings: [],
      formula: tradingEngineMaturity.formula,
    };
    server.use(
      http.get(`${baseUrl}`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        requests.push(Object.fromEntries(params));
        return HttpResponse.json(
          params.has('team') ? team : tradingEngineMaturity,
        );
      }),
    );

    await expect(
      client.getMaturity({ entityRef: 'component:default/trading-engine' }),
    ).resolves.toEqual(tradingEngineMaturity);
    await expect(
      client.getMaturity({ team: 'group:default/trading-team' }),
    ).resolves.toEqual(team);

    expect(requests).toEqual([
      { entityRef: 'component:default/trading-engine' },
      { team: 'group:default/trading-team' },
    ]);
    expect(discovered).toEqual(['platform-maturity', 'platform-maturity']);
  });

  it('reads the leaderboard', async () => {
    server.use(
      http.get(`${baseUrl}/leaderboard`, ({ request }) =>
        new URL(request.url).search === ''
          ? HttpResponse.json(maturityLeaderboard)
          : new HttpResponse(null, { status: 400 }),
      ),
    );
    await expect(client.getLeaderboard()).resolves.toEqual(maturityLeaderboard);
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
      http.get(`${baseUrl}/history`, ({ request }) => {
        requests.push(new URL(request.url).searchParams);
        return HttpResponse.json(history);
      }),
    );

    await expect(client.getHistory()).resolves.toEqual(history);
    await client.getHistory(
      { team: 'group:default/trading-team' },
      { days: 7 },
    );
    await client.getHistory({ system: 'system:default/core-trading' });
    await client.getHistory(
      { entityRef: 'component:default/trading-engine' },
      { days: 365 },
    );
    await client.getHistory(undefined, { days: 1 });

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
      http.get(`${baseUrl}/history`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotFoundError',
              message: 'no team group:default/nope in the catalog',
            },
            request: { method: 'GET', url: '/history' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    await expect(
      client.getHistory({ team: 'group:default/nope' }),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 404,
      body: { error: { name: 'NotFoundError' } },
    });
  });

  it('throws a ResponseError when the backend refuses the query', async () => {
    server.use(
      http.get(`${baseUrl}`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'give either entityRef or team',
            },
            request: { method: 'GET', url: '/' },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    const result = client.getMaturity({ entityRef: '' });
    await expect(result).rejects.toBeInstanceOf(ResponseError);
    await expect(result).rejects.toMatchObject({
      statusCode: 400,
      body: { error: { name: 'InputError' } },
    });
  });
});
