import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { KnexPostureStore } from './KnexPostureStore';
import { FalcoAlertRecord } from './PostureStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const COUNTS = { critical: 0, high: 1, medium: 2, low: 0, info: 0 };

function alert(overrides: Partial<FalcoAlertRecord> = {}): FalcoAlertRecord {
  return {
    receivedAt: new Date('2026-11-26T10:00:00Z'),
    eventTime: new Date('2026-11-26T09:59:59Z'),
    cluster: 'prod-east-a',
    namespace: 'trading',
    pod: 'trading-engine-5d4f-abcde',
    container: 'engine',
    workloadKind: 'Deployment',
    workloadName: 'trading-engine',
    rule: 'Terminal shell in container',
    priority: 'Notice',
    output: 'a shell was spawned',
    payload: { rule: 'Terminal shell in container' },
    ...overrides,
  };
}

async function createStore(databaseId: any) {
  const knex = await databases.init(databaseId);
  const store = await KnexPostureStore.create(
    mockServices.database({ knex, migrations: { skip: false } }),
  );
  return { knex, store };
}

describe.each(databases.eachSupportedId())('KnexPostureStore on %s', id => {
  it('migrates up and down', async () => {
    const knex = await databases.init(id);
    const directory = KnexPostureStore.migrationsDirectory;
    await knex.migrate.latest({ directory });
    expect(await knex.schema.hasTable('posture_snapshots')).toBe(true);
    expect(await knex.schema.hasTable('falco_alerts')).toBe(true);
    await knex.migrate.rollback({ directory }, true);
    expect(await knex.schema.hasTable('posture_snapshots')).toBe(false);
    expect(await knex.schema.hasTable('falco_alerts')).toBe(false);
    await knex.migrate.latest({ directory });
    expect(await knex.schema.hasTable('falco_alerts')).toBe(true);
  });

  it('leaves the schema alone when migrations are skipped', async () => {
    const knex = await databases.init(id);
    await KnexPostureStore.create(
      mockServices.database({ knex, migrations: { skip: true } }),
    );
    expect(await knex.schema.hasTable('posture_snapshots')).toBe(false);
  });

  it('stores snapshots and lists one scope oldest first from a date', async () => {
    const { store } = await createStore(id);
    await store.addSnapshots([
      {
        takenAt: new Date('2026-11-20T00:00:00Z'),
        scopeType: 'cluster',
        scopeKey: 'prod-east-a',
        score: 80,
        counts: COUNTS,
      },
      {
        takenAt: new Date('2026-11-26T00:00:00Z'),
        scopeType: 'cluster',
        scopeKey: 'prod-east-a',
        score: 85,
        counts: COUNTS,
      },
      {
        takenAt: new Date('2026-11-25T00:00:00Z'),
        scopeType: 'cluster',
        scopeKey: 'prod-east-a',
        score: 82,
        counts: COUNTS,
      },
      {
        takenAt: new Date('2026-11-26T00:00:00Z'),
        scopeType: 'fleet',
        scopeKey: '',
        score: 90,
        counts: COUNTS,
      },
    ]);
    const points = await store.listSnapshots({
      scopeType: 'cluster',
      scopeKey: 'prod-east-a',
      since: new Date('2026-11-21T00:00:00Z'),
    });
    expect(points).toEqual([
      {
        takenAt: new Date('2026-11-25T00:00:00Z'),
        scopeType: 'cluster',
        scopeKey: 'prod-east-a',
        score: 82,
        counts: COUNTS,
      },
      expect.objectContaining({
        takenAt: new Date('2026-11-26T00:00:00Z'),
        score: 85,
      }),
    ]);
    const fleet = await store.listSnapshots({
      scopeType: 'fleet',
      scopeKey: '',
      since: new Date(0),
    });
    expect(fleet.map(p => p.score)).toEqual([90]);
  });

  it('stores many snapshots at once', async () => {
    const { store } = await createStore(id);
    const takenAt = new Date('2026-11-26T00:00:00Z');
    await store.addSnapshots(
      Array.from({ length: 1000 }, (_, i) => ({
        takenAt,
        scopeType: 'entity' as const,
        scopeKey: `component:default/service-${i}`,
        score: i % 101,
        counts: COUNTS,
      })),
    );
    const one = await store.listSnapshots({
      scopeType: 'entity',
      scopeKey: 'component:default/service-999',
      since: new Date(0),
    });
    expect(one.map(p => p.score)).toEqual([999 % 101]);
  });

  it('drops an alert whose uuid it has, keeps alerts without one', async () => {
    const { store, knex } = await createStore(id);
    expect(await store.addFalcoAlert(alert({ uuid: 'u-1' }))).toEqual({
      duplicate: false,
    });
    expect(await store.addFalcoAlert(alert({ uuid: 'u-1' }))).toEqual({
      duplicate: true,
    });
    await store.addFalcoAlert(alert());
    await store.addFalcoAlert(alert());
    const [{ count }] = await knex('falco_alerts').count({ count: '*' });
    expect(Number(count)).toBe(3);
  });

  it('counts alerts of no cluster or of one not in the fleet', async () => {
    const { store } = await createStore(id);
    await store.addFalcoAlert(alert());
    await store.addFalcoAlert(alert({ cluster: undefined }));
    await store.addFalcoAlert(alert({ cluster: 'elsewhere' }));
    await store.addFalcoAlert(
      alert({ cluster: undefined, receivedAt: new Date('2026-11-01T00:00Z') }),
    );
    const since = new Date('2026-11-20T00:00:00Z');
    expect(
      await store.countUnattributedFalcoAlerts({
        since,
        known: ['prod-east-a', 'dr-west'],
      }),
    ).toBe(2);
    expect(await store.countUnattributedFalcoAlerts({ since, known: [] })).toBe(
      3,
    );
  });

  it('groups alerts by rule and pod with the newest output', async () => {
    const { store } = await createStore(id);
    await store.addFalcoAlert(alert({ output: 'first' }));
    await store.addFalcoAlert(
      alert({ output: 'second', eventTime: new Date('2026-11-26T10:05:00Z') }),
    );
    await store.addFalcoAlert(
      alert({
        rule: 'Write below etc',
        priority: 'Error',
        container: undefined,
      }),
    );
    await store.addFalcoAlert(alert({ cluster: undefined }));
    await store.addFalcoAlert(
      alert({ receivedAt: new Date('2026-11-01T00:00:00Z') }),
    );

    const groups = await store.listFalcoAlertGroups({
      since: new Date('2026-11-20T00:00:00Z'),
      clusters: ['prod-east-a'],
    });
    const byRule = Object.fromEntries(groups.map(g => [g.rule, g]));
    expect(groups).toHaveLength(2);
    expect(byRule['Terminal shell in container']).toEqual({
      cluster: 'prod-east-a',
      namespace: 'trading',
      pod: 'trading-engine-5d4f-abcde',
      container: 'engine',
      workloadKind: 'Deployment',
      workloadName: 'trading-engine',
      rule: 'Terminal shell in container',
      priority: 'Notice',
      count: 2,
      output: 'second',
      eventTime: new Date('2026-11-26T10:05:00Z'),
      receivedAt: new Date('2026-11-26T10:00:00Z'),
    });
    expect(byRule['Write below etc'].container).toBeUndefined();

    const all = await store.listFalcoAlertGroups({
      since: new Date('2026-11-20T00:00:00Z'),
    });
    expect(all.find(g => g.cluster === undefined)?.count).toBe(1);
    expect(
      await store.listFalcoAlertGroups({ since: new Date(0), clusters: [] }),
    ).toEqual([]);
  });

  it('prunes each table by its own retention', async () => {
    const { store } = await createStore(id);
    await store.addSnapshots([
      {
        takenAt: new Date('2026-08-01T00:00:00Z'),
        scopeType: 'fleet',
        scopeKey: '',
        score: 70,
        counts: COUNTS,
      },
      {
        takenAt: new Date('2026-11-25T00:00:00Z'),
        scopeType: 'fleet',
        scopeKey: '',
        score: 75,
        counts: COUNTS,
      },
    ]);
    await store.addFalcoAlert(
      alert({ receivedAt: new Date('2026-11-01T00:00:00Z') }),
    );
    await store.addFalcoAlert(alert());
    const pruned = await store.prune({
      snapshotsBefore: new Date('2026-09-01T00:00:00Z'),
      falcoAlertsBefore: new Date('2026-11-12T00:00:00Z'),
    });
    expect(pruned).toEqual({ snapshots: 1, falcoAlerts: 1 });
    const left = await store.listSnapshots({
      scopeType: 'fleet',
      scopeKey: '',
      since: new Date(0),
    });
    expect(left.map(p => p.score)).toEqual([75]);
    const groups = await store.listFalcoAlertGroups({ since: new Date(0) });
    expect(groups.map(g => g.count)).toEqual([1]);
  });
});
