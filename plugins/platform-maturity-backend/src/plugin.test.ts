import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { platformMaturityPlugin } from './plugin';
import { demoCatalogEntities } from '@cloud-native-platform/plugin-cloud-native-node/testUtils';

jest.setTimeout(30_000);

describe('platformMaturityPlugin', () => {
  it('registers platform-maturity.read as a basic permission', async () => {
    const { server } = await startTestBackend({
      features: [
        platformMaturityPlugin,
        catalogServiceMock.factory({ entities: demoCatalogEntities() }),
      ],
    });
    const metadata = await request(server).get(
      '/api/platform-maturity/.well-known/backstage/permissions/metadata',
    );
    expect(metadata.status).toBe(200);
    expect(metadata.body.permissions).toContainEqual({
      type: 'basic',
      name: 'platform-maturity.read',
      attributes: { action: 'read' },
    });
  });

  it('answers 403 on every route before any work when platform-maturity.read is denied', async () => {
    const authorize = jest.fn(async (requests: any[]) =>
      requests.map(r => ({
        result:
          r.permission.name === 'platform-maturity.read'
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      })),
    );
    const permissions = mockServices.permissions.mock({
      authorize: authorize as any,
    });
    const catalog = catalogServiceMock.mock();
    const { server } = await startTestBackend({
      features: [platformMaturityPlugin, permissions.factory, catalog.factory],
    });
    for (const url of [
      '/api/platform-maturity?entityRef=component:default/trading-engine',
      '/api/platform-maturity?team=group:default/trading-team',
      '/api/platform-maturity/leaderboard',
      '/api/platform-maturity/history',
      '/api/platform-maturity/history?team=trading-team&days=7',
      // Denied callers learn nothing, not even that the query is wrong.
      '/api/platform-maturity/history?days=0',
      '/api/platform-maturity?entityRef=a&team=b',
    ]) {
      const res = await request(server)
        .get(url)
        .set('Authorization', mockCredentials.user.header());
      expect([url, res.status]).toEqual([url, 403]);
      expect(res.body.error.message).toBe(
        'reading platform maturity needs the platform-maturity.read permission',
      );
    }
    // Each request was decided with the caller's own credentials.
    expect(authorize).toHaveBeenCalledTimes(7);
    for (const [, options] of authorize.mock.calls as any[]) {
      expect(options.credentials.principal).toMatchObject({
        type: 'user',
        userEntityRef: mockCredentials.user().principal.userEntityRef,
      });
    }
    expect(catalog.getEntityByRef).not.toHaveBeenCalled();
    expect(catalog.getEntities).not.toHaveBeenCalled();
  });
});
