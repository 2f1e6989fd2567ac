import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { KnexMaturityStore } from './KnexMaturityStore';
import { MaturitySnapshot } from './MaturityStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

function snapshot(
  takenAt: string,
  overrides: Partial<MaturitySnapshot> = {},
): MaturitySnapshot {
  return {
    takenAt: new Date(takenAt),
    scopeType: 'team',
    scopeKey: 'group:default/trading-team',
    score: 63.3,
    entities: 3,
    drReady: 1,
    ...overrides,
  };
}

describe.each(databases.eachSupportedId())('KnexMaturityStore on %s', id => {
  async function createStore() {
    const knex = await databases.init(id);
    const store = await KnexMaturityStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    return { knex, store };
  }

  it('migrates up and down', async () => {
    const knex = await databases.init(id);
    const directory = KnexMaturityStore.migrationsDirectory;
    await knex.migrate.latest({ directory });
    expect(await knex.schema.hasTable('maturity_snapshots')).toBe(true);
    expect(await knex.schema.hasTable('maturity_history_imports')).toBe(true);
    await knex.migrate.rollback({ directory }, true);
    expect(await knex.schema.hasTable('maturity_snapshots')).toBe(false);
    expect(await knex.schema.hasTable('maturity_history_imports')).toBe(false);
  });

  it('leaves the schema alone when migrations are skipped', async () => {
    const knex = await databases.init(id);
    await KnexMaturityStore.create(
      mockServices.database({ knex, migrations: { skip: true } }),
    );
    expect(await knex.schema.hasTable('maturity_snapshots')).toBe(false);
  });

  it('lists one scope oldest first from a date, with one-decimal scores', async () => {
    const { store } = await createStore();
    await store.addSnapshots([
      snapshot('2026-11-30T12:00:00Z', { score: 70.04 }),
      snapshot('2026-11-28T12:00:00Z', { score: 55 }),
      snapshot('2026-11-29T12:00:00Z', { scopeKey: 'group:default/other' }),
      snapshot('2026-11-29T12:00:00Z', {
        scopeType: 'fleet',
        scopeKey: '',
        score: 81.5,
        entities: 12,
        drReady: 4,
      }),
      snapshot('2026-11-01T12:00:00Z', { score: 10 }),
    ]);
    const team = await store.listSnapshots({
      scopeType: 'team',
      scopeKey: 'group:default/trading-team',
      since: new Date('2026-11-20T00:00:00Z'),
    });
    expect(team.map(s => [s.takenAt.toISOString(), s.score])).toEqual([
      ['2026-11-28T12:00:00.000Z', 55],
      ['2026-11-30T12:00:00.000Z', 70],
    ]);
    const [fleet] = await store.listSnapshots({
      scopeType: 'fleet',
      scopeKey: '',
      since: new Date(0),
    });
    expect(fleet).toEqual(
      snapshot('2026-11-29T12:00:00Z', {
        scopeType: 'fleet',
        scopeKey: '',
        score: 81.5,
        entities: 12,
        drReady: 4,
      }),
    );
  });

  it('stores more rows than one statement binds and prunes by date', async () => {
    const { store } = await createStore();
    const many = Array.from({ length: 700 }, (_, i) =>
      snapshot(new Date(Date.UTC(2026, 10, 1) + i * 3_600_000).toISOString(), {
        scopeType: 'entity',
        scopeKey: 'component:default/trading-engine',
        score: i % 101,
      }),
    );
    await store.addSnapshots(many);
    const all = await store.listSnapshots({
      scopeType: 'entity',
      scopeKey: 'component:default/trading-engine',
      since: new Date(0),
    });
    expect(all).toHaveLength(700);
    const cut = many[500].takenAt;
    expect(await store.prune(cut)).toBe(500);
    const left = await store.listSnapshots({
      scopeType: 'entity',
      scopeKey: 'component:default/trading-engine',
      since: new Date(0),
    });
    expect(left).toHaveLength(200);
    expect(left[0].takenAt).toEqual(cut);
  });

  it('imports an earlier store once, with its marker in the same transaction', async () => {
    const { store } = await createStore();
    const old = [
      snapshot('2026-10-01T12:00:00Z', { score: 41 }),
      snapshot('2026-10-02T12:00:00Z', { score: 42 }),
    ];
    expect(await store.hasImported('cluster-topology')).toBe(false);
    expect(await store.importSnapshots('cluster-topology', old)).toBe(true);
    expect(await store.hasImported('cluster-topology')).toBe(true);
    expect(await store.hasImported('elsewhere')).toBe(false);
    expect(await store.importSnapshots('cluster-topology', old)).toBe(false);
    const listed = await store.listSnapshots({
      scopeType: 'team',
      scopeKey: 'group:default/trading-team',
      since: new Date(0),
    });
    expect(listed.map(s => s.score)).toEqual([41, 42]);
  });

  it('adds the rows once when two instances import at the same time', async () => {
    const { store } = await createStore();
    const old = Array.from({ length: 300 }, (_, i) =>
      snapshot(new Date(Date.UTC(2026, 9, 1) + i * 3_600_000).toISOString()),
    );
    const results = await Promise.allSettled([
      store.importSnapshots('cluster-topology', old),
      store.importSnapshots('cluster-topology', old),
    ]);
    // One imports; the other finds the marker, or loses on its primary key.
    const imported = results.filter(
      r => r.status === 'fulfilled' && r.value === true,
    );
    expect(imported).toHaveLength(1);
    const listed = await store.listSnapshots({
      scopeType: 'team',
      scopeKey: 'group:default/trading-team',
      since: new Date(0),
    });
    expect(listed).toHaveLength(300);
  });
});
