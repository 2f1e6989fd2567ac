import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';
import { SecurityPostureClient } from '../api';
import {
  checkCatalogue,
  fleetOverview,
  fleetTrend,
  prodEastBReport,
  tradingEngineReport,
  tradingEngineTrend,
} from '../testing/fixtures';

/** Where the tests' security-posture backend lives. */
export const baseUrl = 'http://localhost:7007/api/security-posture';

/** A client of the mocked backend. */
export function createTestClient(): SecurityPostureClient {
  return new SecurityPostureClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
}

/** A backend error in the shape Backstage's error middleware sends. */
export function errorResponse(status: number, name: string, message: string) {
  return HttpResponse.json(
    { error: { name, message }, response: { statusCode: status } },
    { status },
  );
}

/**
 * Serves the fixtures and records the query of every request, by path, so
 * tests can tell which scope was asked for.
 */
export function serveFixtures(server: SetupServer) {
  const requests: Array<{ path: string; query: Record<string, string> }> = [];
  const record = (request: Request) => {
    const url = new URL(request.url);
    const query = Object.fromEntries(url.searchParams.entries());
    requests.push({ path: url.pathname.replace(/^.*\//, '/'), query });
    return query;
  };
  server.use(
    http.get(`${baseUrl}/overview`, ({ request }) => {
      record(request);
      return HttpResponse.json(fleetOverview);
    }),
    http.get(`${baseUrl}/checks`, ({ request }) => {
      record(request);
      return HttpResponse.json(checkCatalogue);
    }),
    http.get(`${baseUrl}/history`, ({ request }) =>
      HttpResponse.json(
        record(request).entityRef ? tradingEngineTrend : fleetTrend,
      ),
    ),
    http.get(`${baseUrl}/report`, ({ request }) => {
      const query = record(request);
      if (query.entityRef === 'component:default/trading-engine') {
        return HttpResponse.json(tradingEngineReport);
      }
      if (query.cluster) {
        return HttpResponse.json({
          ...prodEastBReport,
          scope: { cluster: query.cluster, namespace: query.namespace },
        });
      }
      return errorResponse(404, 'NotFoundError', 'no such scope');
    }),
  );
  return requests;
}
