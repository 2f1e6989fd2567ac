import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The import reads what the cluster-topology backend stored, over its API.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import clusterTopologyPlugin, {
  LegacyMaturitySnapshots,
} from '@cloud-native-platform/plugin-cluster-topology-backend';
import { Knex } from 'knex';
import request from 'supertest';
import { platformMaturityPlugin } from '../plugin';
import { demoCatalogEntities } from '@cloud-native-platform/plugin-cloud-native-node/testUtils';

jest.setTimeout(90_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const DAY_MS = 86_400_000;

/** 2 400 snapshots over the last 50 days: more than two pages of the listing. */
async function seedTopology(knex: Knex) {
  await knex.migrate.latest({
    directory: LegacyMaturitySnapshots.migrationsDirectory,
  });
  const start = Date.now() - 50 * DAY_MS;
  const rows = Array.from({ length: 2400 }, (_, i) => ({
    taken_at: new Date(start + Math.floor(i / 2) * 3_600_000),
    scope_type: i % 2 ? 'team' : 'fleet',
    scope_key: i % 2 ? 'group:default/trading-team' : '',
    score: (i % 2 ? 60 : 40) + (i % 10) / 10,
    entities: i % 2 ? 3 : 12,
    dr_ready: 1,
  }));
  for (let i = 0; i < rows.length; i += 150) {
    await knex('maturity_snapshots').insert(rows.slice(i, i + 150));
  }
}

describe.each(databases.eachSupportedId())(
  'history import from cluster-topology, on %s',
  databaseId => {
    let server: any;
    let maturityKnex: Knex;
    const scheduler = mockServices.scheduler.mock();
    const get = (url: string) =>
      request(server)
        .get(url)
        .set('Authorization', mockCredentials.user.header());
    const importTask = () => {
      const task = scheduler.scheduleTask.mock.calls
        .map(([t]) => t)
        .find(t => t.id === 'platform-maturity-history-import');
      expect(task).toMatchObject({ scope: 'global' });
      return task!;
    };

    beforeAll(async () => {
      const topologyKnex = await databases.init(databaseId);
      maturityKnex = await databases.init(databaseId);
      await seedTopology(topologyKnex);
      ({ server } = await startTestBackend({
        features: [
          platformMaturityPlugin,
          clusterTopologyPlugin,
          scheduler.factory,
          catalogServiceMock.factory({ entities: demoCatalogEntities() }),
          // Each plugin its own database, as in a portal.
          createServiceFactory({
            service: coreServices.database,
            deps: { plugin: coreServices.pluginMetadata },
            async factory({ plugin }) {
              const knex =
                plugin.getId() === 'cluster-topology'
                  ? topologyKnex
                  : maturityKnex;
              return { getClient: async () => knex };
            },
          }),
        ],
      }));
    });

    it('serves the old trend once imported, and imports it only once', async () => {
      expect(
        (await get('/api/platform-maturity/history?days=60')).body.points,
      ).toEqual([]);

      await importTask().fn(new AbortController().signal);
      const fleet = await get('/api/platform-maturity/history?days=60');
      expect(fleet.status).toBe(200);
      expect(fleet.body.points).toHaveLength(1200);
      expect(fleet.body.points[0]).toMatchObject({ score: 40, entities: 12 });
      expect(fleet.body.points[1]).toMatchObject({ score: 40.2 });
      const team = await get(
        '/api/platform-maturity/history?team=trading-team&days=7',
      );
      expect(team.body.scope).toEqual({
        type: 'team',
        key: 'group:default/trading-team',
      });
      // Hourly over the last 7 days, less the hours since the newest row.
      expect(team.body.points.length).toBeGreaterThan(0);
      expect(team.body.points.length).toBeLessThanOrEqual(7 * 24);
      expect(team.body.points.every((p: any) => p.entities === 3)).toBe(true);

      // A second run, or a second instance, adds nothing.
      await importTask().fn(new AbortController().signal);
      const again = await get('/api/platform-maturity/history?days=60');
      expect(again.body.points).toHaveLength(1200);
      const [marker] = await maturityKnex('maturity_history_imports').select();
      expect(marker).toMatchObject({
        source: 'cluster-topology',
        snapshots: 2400,
      });
      const [{ count }] = await maturityKnex('maturity_snapshots').count({
        count: '*',
      });
      expect(Number(count)).toBe(2400);
    });
  },
);

describe('history import without a cluster-topology backend', () => {
  it('records that there was nothing to import', async () => {
    const scheduler = mockServices.scheduler.mock();
    const knex = await databases.init('SQLITE_3');
    await startTestBackend({
      features: [
        platformMaturityPlugin,
        scheduler.factory,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.database.factory({ knex }),
      ],
    });
    const task = scheduler.scheduleTask.mock.calls
      .map(([t]) => t)
      .find(t => t.id === 'platform-maturity-history-import');
    await task!.fn(new AbortController().signal);
    expect(await knex('maturity_history_imports').select()).toEqual([
      expect.objectContaining({ source: 'cluster-topology', snapshots: 0 }),
    ]);
    expect(await knex('maturity_snapshots').count({ n: '*' })).toEqual([
      { n: 0 },
    ]);
  });
});
