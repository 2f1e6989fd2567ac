import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { HealingAttempt } from '@cloud-native-platform/plugin-healing-common';
import request from 'supertest';
import { ActionExecutor } from '../actions/ActionExecutor';
import { readHealingConfig } from '../config';
import { KnexHealingStore } from '../database/KnexHealingStore';
import { healingPlugin } from '../plugin';
import { KillSwitch } from '../service/KillSwitch';
import { demoConfig } from '../service/__testUtils__/demoConfig';
import { testClusterState } from '../service/__testUtils__/fleet';
import { replayDemo } from './replayDemo';

jest.setTimeout(60_000);

async function attempts(server: any): Promise<HealingAttempt[]> {
  const res = await request(server)
    .get('/api/healing/attempts?kind=remediation')
    .set('Authorization', mockCredentials.user.header());
  expect(res.status).toBe(200);
  return res.body.items;
}

describe('healing.demo.replay', () => {
  it('replays the demo incidents through the pipeline once at start-up', async () => {
    const config = demoConfig();
    expect(config.healing.demo.replay).toBe(true);
    const { server } = await startTestBackend({
      features: [
        healingPlugin,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({ data: config }),
      ],
    });
    const items = await attempts(server);
    const byPolicy: Record<string, HealingAttempt> = Object.fromEntries(
      items.map(a => [a.policy, a]),
    );
    const now = Date.now();
    for (const a of items) {
      const started = Date.parse(a.alert!.startsAt);
      expect(now - started).toBeLessThan(7 * 3_600_000);
      expect(Date.parse(a.createdAt)).toBeGreaterThan(started);
    }

    // Two crash loops an hour and a half apart: the later one's action choice
    // shows the earlier one's verified restart as its evidence.
    const restarts = items.filter(a => a.policy === 'risk-service-crash-loop');
    expect(restarts).toHaveLength(2);
    const [restart, earlier] = restarts.sort(
      (a, b) => Date.parse(b.alert!.startsAt) - Date.parse(a.alert!.startsAt),
    );
    expect(earlier).toMatchObject({ action: 'restart', status: 'succeeded' });
    // Thompson sampling explores: one verified restart gives Beta(4, 1)
    // with the policy's prior, the untried evict Beta(1, 1), and the draw
    // (seeded by the fingerprint, so every replay draws alike) favours
    // evict, as about one draw in five does.
    expect(restart.actionChoice).toMatchObject({
      chosen: 'evict',
      alertName: 'KubePodCrashLooping',
      workloadKind: 'Deployment',
      summary:
        'evict has no verified outcome yet on KubePodCrashLooping alerts on Deployments; restart 1 of 1',
    });
    expect(
      restart.actionChoice!.candidates.map(c => [
        c.action,
        c.successes,
        c.failures,
      ]),
    ).toEqual([
      ['evict', 0, 0],
      ['restart', 1, 0],
    ]);
    expect(restart).toMatchObject({
      action: 'evict',
      mode: 'enforce',
      status: 'succeeded',
      mttrSeconds: 240,
      target: {
        cluster: 'prod-east-b',
        kind: 'Deployment',
        name: 'risk-service',
      },
    });
    expect(restart.confidence).toBeGreaterThanOrEqual(0.9);
    expect(restart.rootCause![0].service).toBe('risk-service');
    expect(restart.steps.map(s => s.name)).toEqual([
      'features',
      'detection',
      'root-cause',
      'action-choice',
      'decision',
      'action',
      'verification',
    ]);

    const scale = byPolicy['flash-sale-surge'];
    expect(scale).toMatchObject({
      action: 'scale',
      mode: 'approval',
      status: 'pending-approval',
      target: { cluster: 'prod-east-a', name: 'flash-sale' },
    });
    // A latency surge is a few hundred robust sigmas, not the thousand the
    // calibrated 0.9 needs; the approval policy asks from 0.2.
    expect(scale.confidence).toBeGreaterThanOrEqual(0.2);
    expect(scale.confidence).toBeLessThan(0.9);

    const shift = byPolicy['prod-east-a-zone-failure'];
    expect(shift).toMatchObject({
      action: 'traffic-shift',
      mode: 'dry-run',
      status: 'planned',
      target: { cluster: 'prod-east-a', name: 'trading-engine' },
    });
    expect(shift.confidence).toBeGreaterThanOrEqual(0.9);
    expect(shift.change?.object).toContain('VirtualService');
    expect(shift.change?.after).toContain('weight: 100');
    expect(scale.change?.description).toBeDefined();
  });
});

describe('replayDemo', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('replays only into a history without remediation attempts', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await KnexHealingStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    const logger = mockServices.logger.mock();
    const options = {
      store,
      clusterState: await testClusterState(),
      config: readHealingConfig(
        new ConfigReader({ healing: demoConfig().healing }),
      ),
      logger,
      killSwitch: new KillSwitch(store, false),
      executor: new ActionExecutor(logger),
    };
    expect(await replayDemo(options)).toBe(4);
    expect(await replayDemo(options)).toBe(0);
    expect((await store.listAttempts({}, 10)).total).toBe(4);
  });
});
