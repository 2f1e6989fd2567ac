import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import request from 'supertest';
import { LegacyMaturitySnapshots } from '../database/LegacyMaturitySnapshots';
import { clusterTopologyPlugin } from '../plugin';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

async function seed(knex: Knex, count: number) {
  await knex.migrate.latest({
    directory: LegacyMaturitySnapshots.migrationsDirectory,
  });
  const rows = Array.from({ length: count }, (_, i) => ({
    taken_at: new Date(Date.UTC(2026, 10, 1) + i * 3_600_000),
    scope_type: i % 2 ? 'team' : 'fleet',
    scope_key: i % 2 ? 'group:default/trading-team' : '',
    score: 50 + (i % 40) + 0.25,
    entities: 3,
    dr_ready: 1,
  }));
  for (let i = 0; i < rows.length; i += 100) {
    await knex('maturity_snapshots').insert(rows.slice(i, i + 100));
  }
}

describe.each(databases.eachSupportedId())(
  'the maturity routes moved out of cluster-topology, on %s',
  databaseId => {
    let server: any;

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      await seed(knex, 25);
      ({ server } = await startTestBackend({
        features: [
          clusterTopologyPlugin,
          catalogServiceMock.factory({ entities: [] }),
          createServiceFactory({
            service: coreServices.database,
            deps: {},
            async factory() {
              return { getClient: async () => knex };
            },
          }),
        ],
      }));
    });

    it.each([
      [
        '/maturity?entityRef=component:default/trading-engine',
        '?entityRef=component:default/trading-engine',
      ],
      ['/maturity?team=trading-team', '?team=trading-team'],
      ['/maturity', ''],
      ['/maturity/leaderboard', '/leaderboard'],
      [
        '/maturity/history?team=group%3Adefault%2Ftrading-team&days=7',
        '/history?team=group%3Adefault%2Ftrading-team&days=7',
      ],
      ['/maturity/history', '/history'],
    ])('GET %s answers 301 to platform-maturity', async (oldPath, rest) => {
      const res = await request(server)
        .get(`/api/cluster-topology${oldPath}`)
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(301);
      const location = new URL(res.headers.location);
      expect(`${location.pathname}${location.search}`).toBe(
        `/api/platform-maturity${rest}`,
      );
      expect(location.origin).toMatch(
        /^http:\/\/(localhost|127\.0\.0\.1):\d+$/,
      );
    });

    it('lists the stored snapshots in pages, to service principals only', async () => {
      const list = (query: string, auth = mockCredentials.service.header()) =>
        request(server)
          .get(`/api/cluster-topology/legacy/maturity-snapshots${query}`)
          .set('Authorization', auth);
      const first = await list('?limit=10');
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(10);
      expect(first.body.items[0]).toEqual({
        id: expect.any(Number),
        takenAt: '2026-11-01T00:00:00.000Z',
        scopeType: 'fleet',
        scopeKey: '',
        score: 50.3,
        entities: 3,
        drReady: 1,
      });
      const ids: number[] = first.body.items.map((i: any) => i.id);
      let after = first.body.nextAfterId;
      expect(after).toBe(ids[9]);
      while (after !== undefined) {
        const page = await list(`?afterId=${after}&limit=10`);
        ids.push(...page.body.items.map((i: any) => i.id));
        after = page.body.nextAfterId;
      }
      expect(ids).toHaveLength(25);
      expect(new Set(ids).size).toBe(25);

      const asUser = await list('', mockCredentials.user.header());
      expect(asUser.status).toBe(403);
      for (const query of [
        '?limit=abc',
        '?limit=0',
        '?afterId=-1',
        '?limit=5001',
        '?limit=1&limit=2',
        '?x=1',
      ]) {
        const bad = await list(query);
        expect([query, bad.status]).toEqual([query, 400]);
        expect(bad.body.error.message).toMatch(/limit|afterId|x/);
      }
    });

    it.each([
      ['?limit=1e3', "limit '1e3' must be a whole number from 1 to 5000"],
      [
        '?afterId=0x10',
        "afterId '0x10' must be a whole number from 0 to 9007199254740991",
      ],
      ['?limit=5001', "limit '5001' must be a whole number from 1 to 5000"],
      ['?limit=1&limit=2', 'query parameter limit must be given once'],
      ['?x=1', 'unknown query parameter x; this route takes afterId, limit'],
    ])(
      'refuses the listing %s as the spec says, and only to services',
      async (query, message) => {
        const url = `/api/cluster-topology/legacy/maturity-snapshots${query}`;
        const bad = await request(server)
          .get(url)
          .set('Authorization', mockCredentials.service.header());
        expect(bad.status).toBe(400);
        expect(bad.body.error.message).toBe(message);
        // A user learns nothing about the query: the principal comes first.
        const asUser = await request(server)
          .get(url)
          .set('Authorization', mockCredentials.user.header());
        expect(asUser.status).toBe(403);
      },
    );

    it('redirects whatever the query, leaving it to the new place', async () => {
      const res = await request(server)
        .get('/api/cluster-topology/maturity/history?days=0&foo=1&foo=2')
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(301);
      expect(new URL(res.headers.location).search).toBe('?days=0&foo=1&foo=2');
    });
  },
);
