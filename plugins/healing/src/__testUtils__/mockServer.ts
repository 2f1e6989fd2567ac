import { http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';
import type { HealingAttempt } from '@cloud-native-platform/plugin-healing-common';
import { HealingClient } from '../api';
import {
  allAttempts,
  engineStatus,
  fleetStats,
  riskServiceStats,
} from '../testing/fixtures';

/** Where the tests' healing backend lives. */
export const baseUrl = 'http://localhost:7007/api/healing';

/** A client of the mocked backend. */
export function createTestClient(): HealingClient {
  return new HealingClient({
    discoveryApi: {
      getBaseUrl: async pluginId => `http://localhost:7007/api/${pluginId}`,
    },
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

/** One request the mocked backend received. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: unknown;
}

// The fields of an attempt the backend filters on, by query key.
const FILTERS: Record<string, (a: HealingAttempt) => string | undefined> = {
  entityRef: a => a.target.entityRef,
  cluster: a => a.cluster,
  namespace: a => a.target.namespace,
  action: a => a.action,
  status: a => a.status,
  mode: a => a.mode,
  kind: a => a.kind,
};

/**
 * Serves the fixtures as the healing backend would, filtering attempts by
 * the query and applying decisions, and records every request so tests can
 * tell what was asked.
 */
export function serveFixtures(server: SetupServer) {
  const requests: RecordedRequest[] = [];
  let attempts = allAttempts.items.map(a => ({ ...a }));
  const record = async (request: Request) => {
    const url = new URL(request.url);
    const query = Object.fromEntries(url.searchParams.entries());
    const text = request.method === 'GET' ? '' : await request.text();
    requests.push({
      method: request.method,
      path: url.pathname.replace(/^.*\/api\/healing/, ''),
      query,
      body: text ? JSON.parse(text) : undefined,
    });
    return { query, body: text ? JSON.parse(text) : undefined };
  };
  const decide = (status: 'approved' | 'rejected') =>
    http.post(
      `${baseUrl}/attempts/:id/${status === 'approved' ? 'approve' : 'reject'}`,
      async ({ request, params }) => {
        await record(request);
        const attempt = attempts.find(a => a.id === params.id);
        if (!attempt) {
          return errorResponse(404, 'NotFoundError', `no attempt ${params.id}`);
        }
        if (attempt.status !== 'pending-approval') {
          return errorResponse(
            409,
            'ConflictError',
            `attempt ${attempt.id} is ${attempt.status}`,
          );
        }
        const updated = {
          ...attempt,
          status,
          decidedBy: 'user:default/ops-lead',
        };
        attempts = attempts.map(a => (a.id === updated.id ? updated : a));
        return HttpResponse.json(updated);
      },
    );

  server.use(
    http.get(`${baseUrl}/attempts`, async ({ request }) => {
      const { query } = await record(request);
      // As the backend does: namespaces are named per cluster.
      if (query.namespace && !query.cluster) {
        return errorResponse(
          400,
          'InputError',
          'namespace needs a cluster parameter',
        );
      }
      const items = attempts.filter(a =>
        Object.entries(FILTERS).every(
          ([key, field]) => !query[key] || field(a) === query[key],
        ),
      );
      return HttpResponse.json({ items, total: items.length });
    }),
    http.get(`${baseUrl}/attempts/:id`, async ({ request, params }) => {
      await record(request);
      const attempt = attempts.find(a => a.id === params.id);
      return attempt
        ? HttpResponse.json(attempt)
        : errorResponse(404, 'NotFoundError', `no attempt ${params.id}`);
    }),
    decide('approved'),
    decide('rejected'),
    http.get(`${baseUrl}/stats`, async ({ request }) => {
      const { query } = await record(request);
      return HttpResponse.json(query.entityRef ? riskServiceStats : fleetStats);
    }),
    http.get(`${baseUrl}/status`, async ({ request }) => {
      await record(request);
      return HttpResponse.json(engineStatus);
    }),
    http.put(`${baseUrl}/kill-switch`, async ({ request }) => {
      const { body } = await record(request);
      const enabled = (body as { enabled: boolean }).enabled;
      // The backend answers with the switch alone; the card keeps the rest.
      return HttpResponse.json({
        killSwitch: enabled,
        killSwitchBy: enabled ? 'user:default/ops-lead' : undefined,
      });
    }),
  );
  return requests;
}
