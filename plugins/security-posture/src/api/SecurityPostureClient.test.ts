import { ResponseError } from '@backstage/errors';
import { registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  checkCatalogue,
  fleetOverview,
  fleetTrend,
  tradingEngineReport,
} from '../testing/fixtures';
import { SecurityPostureClient } from './SecurityPostureClient';

const baseUrl = 'http://localhost:7007/api/security-posture';

describe('SecurityPostureClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new SecurityPostureClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });

  function recordQueries(path: string, body: object) {
    const queries: Array<Record<string, string>> = [];
    server.use(
      http.get(`${baseUrl}${path}`, ({ request }) => {
        queries.push(
          Object.fromEntries(new URL(request.url).searchParams.entries()),
        );
        return HttpResponse.json(body);
      }),
    );
    return queries;
  }

  it('asks for the report of an entity, a cluster or namespace, or a team', async () => {
    const queries = recordQueries('/report', tradingEngineReport);

    await expect(
      client.getReport({ entityRef: 'component:default/trading-engine' }),
    ).resolves.toEqual(tradingEngineReport);
    await client.getReport({ cluster: 'prod-east-b' });
    await client.getReport({ cluster: 'prod-east-b', namespace: 'trading' });
    await client.getReport({ team: 'group:default/trading-team' });

    expect(queries).toEqual([
      { entityRef: 'component:default/trading-engine' },
      { cluster: 'prod-east-b' },
      { cluster: 'prod-east-b', namespace: 'trading' },
      { team: 'group:default/trading-team' },
    ]);
  });

  it('reads the overview and the check catalogue', async () => {
    recordQueries('/overview', fleetOverview);
    recordQueries('/checks', checkCatalogue);
    await expect(client.getOverview()).resolves.toEqual(fleetOverview);
    await expect(client.getChecks()).resolves.toEqual(checkCatalogue);
  });

  it('asks for the history of the fleet or of a scope over some days', async () => {
    const queries = recordQueries('/history', fleetTrend);

    await expect(client.getHistory()).resolves.toEqual(fleetTrend);
    await client.getHistory({}, 30);
    await client.getHistory({ entityRef: 'component:default/trading-engine' });
    await client.getHistory({ team: 'group:default/trading-team' }, 7);

    expect(queries).toEqual([
      {},
      { days: '30' },
      { entityRef: 'component:default/trading-engine' },
      { team: 'group:default/trading-team', days: '7' },
    ]);
  });

  it('throws a ResponseError when the backend refuses', async () => {
    server.use(
      http.get(`${baseUrl}/report`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'not allowed to read security-posture.report.read',
            },
            request: { method: 'GET', url: '/report' },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    const result = client.getReport({ cluster: 'prod-east-b' });
    await expect(result).rejects.toBeInstanceOf(ResponseError);
    await expect(result).rejects.toMatchObject({
      statusCode: 403,
      body: { error: { name: 'NotAllowedError' } },
    });
  });
});
