import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import clusterTopologyPlugin from '@cloud-native-platform/plugin-cluster-topology-backend';
import request from 'supertest';
import { platformMaturityPlugin } from '../plugin';
import {
  demoCatalogEntities,
  demoClusters,
  waitForDemoClusters,
} from '@cloud-native-platform/plugin-cloud-native-node/testUtils';

jest.setTimeout(120_000);

// Long, yet within Node's 16 KB of headers (beyond, Node itself answers 431).
const HUGE = 'x'.repeat(5_000);
const M = '/api/platform-maturity';

/** Every route with malformed parameters: each a 4xx with a message, never a 5xx. */
const CASES = [
  `${M}`,
  `${M}?entityRef=a&team=b`,
  `${M}?entityRef=`,
  `${M}?entityRef=a&entityRef=b`,
  `${M}?entityRef[]=a`,
  `${M}?entityRef=::`,
  `${M}?entityRef=component:default/nope`,
  `${M}?team=group:default/nope`,
  `${M}?team=${HUGE}`,
  `${M}?entityRef=component:default/trading-engine&days=1`,
  `${M}/history?days=NaN`,
  `${M}/history?days=Infinity`,
  `${M}/history?days=-1`,
  `${M}/history?days=0`,
  `${M}/history?days=1.5`,
  `${M}/history?days=1e2`,
  `${M}/history?days=99999999999999999999`,
  `${M}/history?days=1&days=2`,
  `${M}/history?entityRef=a&team=b`,
  `${M}/history?team=component:default/trading-engine`,
  `${M}/history?system=::`,
  `${M}/history?entityRef=component:default/nope`,
  `${M}/history?foo=1`,
  `${M}/leaderboard?team=a`,
];

/** Each plugin its own database on the engine under test, as in a portal. */
function databasesOn(databases: TestDatabases, id: TestDatabaseId) {
  const knexes = new Map<string, ReturnType<TestDatabases['init']>>();
  return createServiceFactory({
    service: coreServices.database,
    deps: { plugin: coreServices.pluginMetadata },
    async factory({ plugin }) {
      if (!knexes.has(plugin.getId())) {
        knexes.set(plugin.getId(), databases.init(id));
      }
      const knex = await knexes.get(plugin.getId())!;
      return { getClient: async () => knex };
    },
  });
}

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
});

describe.each(databases.eachSupportedId())(
  'malformed requests to every platform-maturity route, on %s',
  databaseId => {
    it('answers each with a 4xx and a message, never a 5xx', async () => {
      const { server } = await startTestBackend({
        features: [
          databasesOn(databases, databaseId),
          platformMaturityPlugin,
          clusterTopologyPlugin,
          catalogServiceMock.factory({ entities: demoCatalogEntities() }),
          mockServices.rootConfig.factory({
            data: {
              cloudNativePlatform: {
                clusters: demoClusters(),
                rateLimits: { reads: { limit: 10_000 } },
              },
            },
          }),
        ],
      });
      await waitForDemoClusters(server);
      const answers = [];
      for (const url of CASES) {
        const res = await request(server)
          .get(url)
          .set('Authorization', mockCredentials.user.header());
        answers.push({
          request: url.slice(0, 120),
          status: res.status,
          message: res.body?.error?.message,
        });
      }
      const wrong = answers.filter(
        a =>
          a.status < 400 ||
          a.status >= 500 ||
          typeof a.message !== 'string' ||
          a.message === '',
      );
      expect(wrong).toEqual([]);
      expect(answers).toHaveLength(CASES.length);
    });
  },
);
