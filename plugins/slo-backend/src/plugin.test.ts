import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';
import {
  demoCatalogEntities,
  demoClusters,
} from '@cloud-native-platform/plugin-cloud-native-node/testUtils';
import type { SloObjectivesResponse } from '@cloud-native-platform/plugin-slo-common';
import request from 'supertest';
import { sloPlugin } from './plugin';

jest.setTimeout(60_000);

const config = mockServices.rootConfig.factory({
  data: {
    cloudNativePlatform: {
      clusters: demoClusters(),
      rateLimits: { reads: { limit: 10_000 } },
    },
  },
});

describe('sloPlugin', () => {
  it('registers slo.read as a basic permission', async () => {
    const { server } = await startTestBackend({
      features: [
        sloPlugin,
        catalogServiceMock.factory({ entities: [] }),
        config,
      ],
    });
    const metadata = await request(server).get(
      '/api/slo/.well-known/backstage/permissions/metadata',
    );
    expect(metadata.status).toBe(200);
    expect(metadata.body.permissions).toContainEqual({
      type: 'basic',
      name: 'slo.read',
      attributes: { action: 'read' },
    });
  });

  it('answers 403 on every route before any work when slo.read is denied', async () => {
    const authorize = jest.fn(async (requests: EvaluatePermissionRequest[]) =>
      requests.map(r => ({
        result:
          r.permission.name === 'slo.read'
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      })),
    );
    const permissions = mockServices.permissions.mock({
      authorize: authorize as never,
    });
    const catalog = catalogServiceMock.mock();
    const { server } = await startTestBackend({
      features: [sloPlugin, permissions.factory, catalog.factory, config],
    });
    const urls = [
      '/api/slo/objectives',
      '/api/slo/objectives?entityRef=component:default/trading-engine',
      '/api/slo/objectives?team=trading-team',
      '/api/slo/trend?entityRef=trading-engine&name=trading-engine-availability',
      // Denied callers learn nothing, not even that the query is wrong.
      '/api/slo/objectives?entityRef=a&team=b',
      '/api/slo/trend?points=0',
    ];
    for (const url of urls) {
      const res = await request(server)
        .get(url)
        .set('Authorization', mockCredentials.user.header());
      expect([url, res.status]).toEqual([url, 403]);
      expect(res.body.error.message).toBe(
        'reading SLOs needs the slo.read permission',
      );
    }
    expect(authorize).toHaveBeenCalledTimes(urls.length);
    expect(catalog.getEntityByRef).not.toHaveBeenCalled();
    expect(catalog.getEntities).not.toHaveBeenCalled();
  });

  it('refuses bad parameters with a 400 naming them, unknown entities with a 404, never a 500', async () => {
    const { server } = await startTestBackend({
      features: [
        sloPlugin,
        catalogServiceMock.factory({ entities: demoCatalogEntities() }),
        config,
      ],
    });
    const cases: Array<[string, number, string]> = [
      [
        '/objectives?entityRef=a&team=b',
        400,
        'give at most one of the query parameters entityRef or team',
      ],
      [
        '/objectives?entityRef=',
        400,
        'query parameter entityRef must not be empty',
      ],
      [
        '/objectives?entityRef=x&entityRef=y',
        400,
        'query parameter entityRef must be given once',
      ],
      [
        '/objectives?entityRef=::',
        400,
        "entityRef '::' is not an entity reference",
      ],
      [
        '/objectives?team=component:default/trading-engine',
        400,
        'team must name a group or user entity',
      ],
      ['/objectives?window=1', 400, 'unknown query parameter window'],
      [
        '/objectives?entityRef=component:default/nope',
        404,
        'no entity component:default/nope in the catalog',
      ],
      [
        '/objectives?team=group:default/nope',
        404,
        'no team group:default/nope in the catalog',
      ],
      ['/trend?name=x', 400, 'entityRef'],
      ['/trend?entityRef=trading-engine', 400, 'name'],
      ['/trend?entityRef=trading-engine&name=x&points=1', 400, 'points'],
      ['/trend?entityRef=trading-engine&name=x&points=501', 400, 'points'],
      ['/trend?entityRef=trading-engine&name=x&points=1e2', 400, 'points'],
      [
        '/trend?entityRef=nope&name=x',
        404,
        'no entity component:default/nope in the catalog',
      ],
      [
        '/trend?entityRef=trading-engine&name=nope',
        404,
        "component:default/trading-engine has no SLO named 'nope'",
      ],
    ];
    const answers = [];
    for (const [url, status, message] of cases) {
      const res = await request(server)
        .get(`/api/slo${url}`)
        .set('Authorization', mockCredentials.user.header());
      answers.push([url, res.status, res.body.error?.message]);
      expect([url, res.status]).toEqual([url, status]);
      expect([url, res.body.error.message]).toEqual([
        url,
        expect.stringContaining(message),
      ]);
    }
    expect(answers).toHaveLength(cases.length);
  });

  it("reads the demo clusters' Sloth and Pyrra objects, and lists a bad annotation among the errors", async () => {
    const broken = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'broken-slo',
        namespace: 'default',
        annotations: { 'cloud-native-platform.io/slo': '[{"objective":99.9}]' },
      },
      spec: { type: 'service', owner: 'trading-team', lifecycle: 'production' },
    };
    const { server } = await startTestBackend({
      features: [
        sloPlugin,
        catalogServiceMock.factory({
          entities: [...demoCatalogEntities(), broken],
        }),
        config,
      ],
    });
    const get = (url: string) =>
      request(server)
        .get(`/api/slo${url}`)
        .set('Authorization', mockCredentials.user.header());
    // The cluster state syncs the manifests after start-up.
    let body: SloObjectivesResponse = { items: [] };
    for (let i = 0; i < 100 && body.items.length < 2; i++) {
      body = (await get('/objectives?entityRef=trading-engine')).body;
      await new Promise(r => setTimeout(r, 100));
    }
    expect(
      body.items.map(i => [i.name, i.source, i.objective, i.window]),
    ).toEqual([
      ['trading-engine-availability', 'sloth', 0.9999, '30d'],
      ['trading-engine-latency', 'pyrra', 0.99, '4w'],
    ]);
    // The demo clusters of this test have no Prometheus: no figures, no 500.
    for (const item of body.items) {
      expect(item.status).toBe('no-data');
      expect(item.clusters.map(c => [c.cluster, c.error])).toEqual([
        [
          'prod-east-a',
          expect.stringContaining('has no Prometheus configured'),
        ],
        [
          'prod-east-b',
          expect.stringContaining('has no Prometheus configured'),
        ],
      ]);
    }
    const res = await get('/objectives?entityRef=broken-slo');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [],
      errors: [
        {
          definedIn: 'component:default/broken-slo',
          message:
            'annotation cloud-native-platform.io/slo item 0 is an availability SLO without errorQuery and totalQuery',
        },
      ],
    });
  });

  it('serves its OpenAPI spec', async () => {
    const { server } = await startTestBackend({
      features: [
        sloPlugin,
        catalogServiceMock.factory({ entities: [] }),
        config,
      ],
    });
    const res = await request(server)
      .get('/api/slo/openapi.json')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual([
      '/api/slo/objectives',
      '/api/slo/trend',
    ]);
  });
});
