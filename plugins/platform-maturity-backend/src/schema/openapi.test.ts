import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { platformMaturityPlugin } from '../plugin';

jest.setTimeout(30_000);

async function start(
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
) {
  const catalog = catalogServiceMock.mock();
  const { server } = await startTestBackend({
    features: [
      platformMaturityPlugin,
      catalog.factory,
      mockServices.permissions.mock({
        authorize: async requests => requests.map(() => ({ result })),
      }).factory,
    ],
  });
  const get = (url: string) =>
    request(server)
      .get(`/api/platform-maturity${url}`)
      .set('Authorization', mockCredentials.user.header());
  return { get, catalog };
}

describe('the OpenAPI spec of the platform-maturity routes', () => {
  it('is served at /openapi.json with the routes under the plugin path', async () => {
    const { get } = await start();
    const res = await get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.0.3');
    expect(Object.keys(res.body.paths)).toEqual([
      '/api/platform-maturity/',
      '/api/platform-maturity/leaderboard',
      '/api/platform-maturity/history',
    ]);
    expect(
      res.body.paths['/api/platform-maturity/history'].get.parameters.map(
        (p: { name: string }) => p.name,
      ),
    ).toEqual(['entityRef', 'team', 'system', 'days']);
  });

  it.each([
    ['?foo=1', 'unknown query parameter foo; this route takes entityRef, team'],
    [
      '?entityRef=a&entityRef=b',
      'query parameter entityRef must be given once',
    ],
    ['?team=', 'query parameter team must not be empty'],
    [`?team=${'x'.repeat(1100)}`, 'must be at most 1024 characters'],
    [
      '/leaderboard?team=a',
      'unknown query parameter team; this route takes none',
    ],
    ['/history?days=1e2', "days '1e2' must be a whole number from 1 to 365"],
    ['/history?days=366', "days '366' must be a whole number from 1 to 365"],
    ['/history?days=7&days=8', 'query parameter days must be given once'],
    [
      '/history?since=1',
      'unknown query parameter since; this route takes entityRef, team, system, days',
    ],
  ])(
    'refuses %s before the handler, naming the parameter',
    async (url, message) => {
      const { get, catalog } = await start();
      const res = await get(url);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain(message);
      expect(catalog.getEntities).not.toHaveBeenCalled();
      expect(catalog.getEntityByRef).not.toHaveBeenCalled();
    },
  );

  it('decides the permission before it reads any parameter', async () => {
    const { get } = await start(AuthorizeResult.DENY);
    for (const url of ['?foo=1', '/leaderboard?team=a', '/history?days=1e2']) {
      const res = await get(url);
      expect([url, res.status]).toEqual([url, 403]);
    }
  });
});
