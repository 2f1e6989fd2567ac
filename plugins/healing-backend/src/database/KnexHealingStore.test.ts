import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { HealingAttempt } from '@cloud-native-platform/plugin-healing-common';
import { AlertRecord } from './HealingStore';
import { KnexHealingStore } from './KnexHealingStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

function record(
  i: number,
  status: 'firing' | 'resolved' = 'firing',
): AlertRecord {
  const alert = {
    fingerprint: `fp-${i}`,
    name: 'PodCrashLooping',
    status,
    startsAt: '2026-11-26T10:00:00.000Z',
    endsAt: status === 'resolved' ? '2026-11-26T10:05:00.000Z' : undefined,
    labels: { alertname: 'PodCrashLooping', cluster: 'prod-east-b' },
    annotations: {},
  };
  return { alert, payload: { labels: alert.labels, annotations: {} } };
}

function attempt(
  id: string,
  overrides: Partial<HealingAttempt> = {},
): HealingAttempt {
  return {
    id,
    kind: 'remediation',
    cluster: 'prod-east-b',
    target: {
      cluster: 'prod-east-b',
      namespace: 'trading',
      kind: 'Deployment',
      name: 'risk-service',
      entityRef: 'component:default/risk-service',
    },
    mode: 'enforce',
    status: 'applied',
    action: 'restart',
    createdAt: '2026-11-26T10:00:01.000Z',
    updatedAt: '2026-11-26T10:00:01.000Z',
    steps: [],
    ...overrides,
  };
}

async function createStore(id: any) {
  const knex = await databases.init(id);
  const store = await KnexHealingStore.create(
    mockServices.database({ knex, migrations: { skip: false } }),
  );
  return { knex, store };
}

describe.each(databases.eachSupportedId())('KnexHealingStore on %s', id => {
  it('migrates up and down', async () => {
    const knex = await databases.init(id);
    const directory = KnexHealingStore.migrationsDirectory;
    await knex.migrate.latest({ directory });
    for (const table of [
      'healing_alerts',
      'healing_attempts',
      'healing_settings',
    ]) {
      expect(await knex.schema.hasTable(table)).toBe(true);
    }
    await knex.migrate.rollback({ directory }, true);
    expect(await knex.schema.hasTable('healing_alerts')).toBe(false);
    expect(await knex.schema.hasTable('healing_attempts')).toBe(false);
    await knex.migrate.latest({ directory });
    expect(await knex.schema.hasTable('healing_attempts')).toBe(true);
  });

  it('stores each alert once and lets a resolved one update it', async () => {
    const { store, knex } = await createStore(id);
    const at = new Date('2026-11-26T10:00:02Z');
    expect(
      await store.addAlerts([record(1), record(1), record(2)], at),
    ).toEqual({ stored: 2, duplicates: 1, resolved: 0 });
    expect(await store.addAlerts([record(1)], at)).toEqual({
      stored: 0,
      duplicates: 1,
      resolved: 0,
    });
    expect(await store.addAlerts([record(1, 'resolved')], at)).toEqual({
      stored: 0,
      duplicates: 1,
      resolved: 1,
    });
    const rows = await knex('healing_alerts').orderBy('fingerprint');
    expect(rows.map(r => [r.fingerprint, r.status])).toEqual([
      ['fp-1', 'resolved'],
      ['fp-2', 'firing'],
    ]);
  });

  it('hands each alert to one of two concurrent claimers', async () => {
    const knex = await databases.init(id);
    const a = await KnexHealingStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    const b = new KnexHealingStore(knex);
    await a.addAlerts(
      Array.from({ length: 300 }, (_, i) => record(i)),
      new Date(),
    );
    const claim = (store: KnexHealingStore, owner: string) =>
      store.claimAlerts({
        owner,
        limit: 50,
        now: new Date(),
        staleBefore: new Date(Date.now() - 60_000),
      });
    const claims = await Promise.all(
      [...Array(4)].flatMap(() => [claim(a, 'a'), claim(b, 'b')]),
    );
    const ids = claims.flat().map(c => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(300);
  });

  it('records one attempt per alert, lists, updates conditionally and prunes', async () => {
    const { store } = await createStore(id);
    await store.addAlerts([record(1)], new Date());
    const [claimed] = await store.claimAlerts({
      owner: 'x',
      limit: 10,
      now: new Date(),
      staleBefore: new Date(0),
    });
    await store.completeAlerts(
      'x',
      [
        {
          alertId: claimed.id,
          attempt: attempt('a1', { alert: claimed.alert }),
          extras: {
            appliedAt: new Date('2026-11-26T10:00:01Z'),
            verifyWindowSeconds: 600,
          },
        },
      ],
      new Date(),
    );
    await store.completeAlerts(
      'x',
      [{ alertId: claimed.id, attempt: attempt('a1') }],
      new Date(),
    );
    expect(
      await store.claimAlerts({
        owner: 'y',
        limit: 10,
        now: new Date(),
        staleBefore: new Date(),
      }),
    ).toEqual([]);

    const listed = await store.listAttempts(
      { entityRefs: ['component:default/risk-service'] },
      10,
    );
    expect(listed.total).toBe(1);
    expect(listed.items[0]).toMatchObject({
      id: 'a1',
      status: 'applied',
      alert: { fingerprint: 'fp-1' },
    });
    expect((await store.listAttempts({ cluster: 'dr-west' }, 10)).total).toBe(
      0,
    );

    const [toVerify] = await store.attemptsToVerify();
    expect(toVerify).toMatchObject({
      verifyWindowSeconds: 600,
      alertStatus: 'firing',
    });
    expect(
      await store.railHistory(new Date('2026-11-26T09:00:00Z')),
    ).toHaveLength(1);

    expect(
      await store.updateAttempt('a1', 'pending-approval', {
        status: 'approved',
      }),
    ).toBe(false);
    expect(
      await store.updateAttempt('a1', 'applied', {
        status: 'succeeded',
        mttrSeconds: 300,
        resolvedAt: '2026-11-26T10:05:00Z',
      }),
    ).toBe(true);
    expect(await store.getAttempt('a1')).toMatchObject({
      status: 'succeeded',
      mttrSeconds: 300,
    });

    await store.upsertPlatformAttempts([
      attempt('p1', {
        kind: 'platform',
        status: 'healed',
        createdAt: '2026-01-01T00:00:00Z',
      }),
    ]);
    await store.upsertPlatformAttempts([
      attempt('p1', {
        kind: 'platform',
        status: 'healed',
        reason: 'again',
        createdAt: '2026-01-01T00:00:00Z',
      }),
    ]);
    expect(await store.listAttempts({ kind: 'platform' }, 10)).toMatchObject({
      total: 1,
      items: [{ reason: 'again' }],
    });
    expect(await store.prune(new Date('2026-06-01T00:00:00Z'))).toEqual({
      alerts: 0,
      attempts: 1,
    });
  });

  it('keeps settings', async () => {
    const { store } = await createStore(id);
    expect(await store.getSetting('killSwitch')).toBeUndefined();
    await store.putSetting('killSwitch', { enabled: true }, 'user:default/ops');
    await store.putSetting(
      'killSwitch',
      { enabled: false },
      'user:default/ops2',
    );
    expect(await store.getSetting('killSwitch')).toEqual({
      value: { enabled: false },
      updatedBy: 'user:default/ops2',
    });
  });
});
