import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DefaultClusterStateService } from '@cloud-native-platform/plugin-cloud-native-node';
import express from 'express';
import request from 'supertest';
import { demoCatalogEntities } from '@cloud-native-platform/plugin-cloud-native-node/testUtils';
import { MaturityAssessor } from './MaturityAssessor';
import { createRouter } from './router';

/** The leaderboard route on the demo catalog, with a clock the test moves. */
async function leaderboardApp() {
  const catalog = catalogServiceMock({ entities: demoCatalogEntities() });
  const clusterState = new DefaultClusterStateService({
    clusters: [],
    logger: mockServices.logger.mock(),
    sourceFactories: {},
  });
  const assessor = new MaturityAssessor({
    clusterState,
    catalog,
    policies: [],
  });
  const assess = jest.spyOn(assessor, 'assess');
  let now = Date.parse('2030-01-01T00:00:00Z');
  const router = await createRouter({
    catalog,
    httpAuth: mockServices.httpAuth(),
    permissions: mockServices.permissions(),
    assessor,
    now: () => now,
  });
  const app = express().use(router);
  return {
    assess,
    advance: (ms: number) => {
      now += ms;
    },
    get: (user = 'user:default/alice') =>
      request(app)
        .get('/leaderboard')
        .set('Authorization', mockCredentials.user.header(user)),
  };
}

const COMPONENTS = demoCatalogEntities().filter(
  e => e.kind === 'Component',
).length;

describe('GET /leaderboard', () => {
  it('is assessed once a minute per caller', async () => {
    const { assess, advance, get } = await leaderboardApp();
    const first = await get();
    expect(first.status).toBe(200);
    expect(first.body.generatedAt).toBe('2030-01-01T00:00:00.000Z');
    expect(first.body.entities).toHaveLength(COMPONENTS);
    expect(assess).toHaveBeenCalledTimes(COMPONENTS);

    advance(59_999);
    const again = await get();
    expect(again.body).toEqual(first.body);
    expect(assess).toHaveBeenCalledTimes(COMPONENTS);

    advance(1);
    const later = await get();
    expect(later.body.generatedAt).toBe('2030-01-01T00:01:00.000Z');
    expect(assess).toHaveBeenCalledTimes(2 * COMPONENTS);
  });

  it('assesses for each caller with their own credentials', async () => {
    const { assess, get } = await leaderboardApp();
    await get('user:default/alice');
    await get('user:default/bob');
    expect(assess).toHaveBeenCalledTimes(2 * COMPONENTS);
    const callers = assess.mock.calls.map(
      ([, credentials]) => (credentials.principal as any).userEntityRef,
    );
    expect(new Set(callers)).toEqual(
      new Set(['user:default/alice', 'user:default/bob']),
    );
  });

  it('shares one assessment among a caller’s concurrent requests', async () => {
    const { assess, get } = await leaderboardApp();
    const answers = await Promise.all([get(), get(), get()]);
    expect(answers.map(a => a.status)).toEqual([200, 200, 200]);
    expect(assess).toHaveBeenCalledTimes(COMPONENTS);
  });
});
