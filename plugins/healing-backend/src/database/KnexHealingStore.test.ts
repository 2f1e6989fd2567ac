import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { HealingAttempt } from '@cloud-native-platform/plugin-healing-common';
import { AlertRecord } from './HealingStore';
import { KnexHealingStore } from './KnexHealingStore';
import { attemptToRow } from './rows';

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
    expect(await knex.schema.hasTable('healing_action_intents')).toBe(true);
    expect(await knex.schema.hasColumn('healing_attempts', 'alert_name')).toBe(
      true,
    );
    // The action choice migration, then the intents one, down and up again.
    await knex.migrate.down({ directory });
    expect(await knex.schema.hasColumn('healing_attempts', 'alert_name')).toBe(
      false,
    );
    expect(
      await knex.schema.hasColumn('healing_attempts', 'action_choice'),
    ).toBe(false);
    await knex.migrate.down({ directory });
    expect(await knex.schema.hasTable('healing_action_intents')).toBe(false);
    expect(await knex.schema.hasTable('healing_attempts')).toBe(true);
    await knex.migrate.up({ directory });
    expect(await knex.schema.hasTable('healing_action_intents')).toBe(true);
    await knex.migrate.up({ directory });
    expect(
      await knex.schema.hasColumn('healing_attempts', 'action_choice'),
    ).toBe(true);
  });

  it('names the alert of attempts stored before the action choice, from the alert row or the recorded alert', async () => {
    const knex = await databases.init(id);
    const directory = KnexHealingStore.migrationsDirectory;
    await knex.migrate.latest({ directory });
    await knex.migrate.down({ directory });
    const [{ id: alertId }] = await knex('healing_alerts')
      .insert({
        fingerprint: 'fp-old',
        starts_at: new Date('2026-11-20T10:00:00Z'),
        alertname: 'KubePodCrashLooping',
        status: 'resolved',
        received_at: new Date('2026-11-20T10:00:00Z'),
        updated_at: new Date('2026-11-20T10:00:00Z'),
        payload: '{}',
      })
      .returning('id');
    const { alert_name, action_choice, ...withAlertRow } = attemptToRow(
      attempt('old-1', { status: 'succeeded' }),
      { alertId: Number(alertId) },
    );
    const pruned = attemptToRow(
      attempt('old-2', {
        status: 'failed',
        alert: { ...record(2).alert, name: 'HighLatency' },
      }),
    );
    delete (pruned as any).alert_name;
    delete (pruned as any).action_choice;
    await knex('healing_attempts').insert([withAlertRow, pruned]);
    expect(alert_name).toBeNull();
    expect(action_choice).toBeNull();
    await knex.migrate.latest({ directory });
    const rows = await knex('healing_attempts')
      .orderBy('id')
      .select('id', 'alert_name');
    expect(rows).toEqual([
      { id: 'old-1', alert_name: 'KubePodCrashLooping' },
      { id: 'old-2', alert_name: 'HighLatency' },
    ]);
    const store = new KnexHealingStore(knex);
    expect(await store.actionOutcomes()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          alertName: 'KubePodCrashLooping',
          action: 'restart',
          successes: 1,
        }),
        expect.objectContaining({ alertName: 'HighLatency', failures: 1 }),
      ]),
    );
  });

  it('counts verified outcomes per alert, workload kind and action, and keeps the action choice', async () => {
    const { store } = await createStore(id);
    const cases: Array<[string, Partial<HealingAttempt>]> = [
      ['KubePodCrashLooping', { status: 'succeeded' }],
      ['KubePodCrashLooping', { status: 'succeeded' }],
      ['KubePodCrashLooping', { status: 'succeeded' }],
      ['KubePodCrashLooping', { status: 'failed' }],
      ['KubePodCrashLooping', { status: 'inconclusive' }],
      ['KubePodCrashLooping', { status: 'succeeded', action: 'scale' }],
      ['KubePodCrashLooping', { status: 'failed', action: 'scale' }],
      ['KubePodCrashLooping', { status: 'failed', action: 'scale' }],
      [
        'KubePodCrashLooping',
        {
          status: 'failed',
          target: { ...attempt('x').target, kind: 'StatefulSet' },
        },
      ],
      ['HighLatency', { status: 'succeeded' }],
      // Not verified: no evidence either way.
      ['KubePodCrashLooping', { status: 'applied' }],
      ['KubePodCrashLooping', { status: 'refused' }],
      ['KubePodCrashLooping', { status: 'planned' }],
    ];
    await store.addAlerts(
      cases.map((_, i) => record(100 + i)),
      new Date(),
    );
    const claimed = await store.claimAlerts({
      owner: 'x',
      limit: 100,
      now: new Date(),
      staleBefore: new Date(0),
    });
    const choice = {
      chosen: 'restart' as const,
      alertName: 'KubePodCrashLooping',
      workloadKind: 'Deployment',
      candidates: [
        {
          action: 'restart' as const,
          successes: 3,
          failures: 1,
          inconclusive: 1,
          prior: 2,
          sample: 0.8,
        },
        {
          action: 'scale' as const,
          successes: 1,
          failures: 2,
          inconclusive: 0,
          prior: 0,
          sample: 0.3,
          refused: 'cooldown',
        },
      ],
      summary:
        'restart healed 3 of 5 such KubePodCrashLooping alerts on Deployments; scale 1 of 3',
    };
    await store.completeAlerts(
      'x',
      claimed.map((c, i) => ({
        alertId: c.id,
        attempt: attempt(`o${i}`, {
          alert: { ...c.alert, name: cases[i][0] },
          actionChoice: i === 0 ? choice : undefined,
          ...cases[i][1],
        }),
      })),
      new Date(),
    );
    await store.upsertPlatformAttempts([
      attempt('platform-1', { kind: 'platform', status: 'succeeded' }),
    ]);
    const outcomes = await store.actionOutcomes();
    const sorted = [...outcomes].sort((a, b) =>
      `${a.alertName}${a.workloadKind}${a.action}`.localeCompare(
        `${b.alertName}${b.workloadKind}${b.action}`,
      ),
    );
    expect(sorted).toEqual([
      {
        alertName: 'HighLatency',
        workloadKind: 'Deployment',
        action: 'restart',
        successes: 1,
        failures: 0,
        inconclusive: 0,
      },
      {
        alertName: 'KubePodCrashLooping',
        workloadKind: 'Deployment',
        action: 'restart',
        successes: 3,
        failures: 1,
        inconclusive: 1,
      },
      {
        alertName: 'KubePodCrashLooping',
        workloadKind: 'Deployment',
        action: 'scale',
        successes: 1,
        failures: 2,
        inconclusive: 0,
      },
      {
        alertName: 'KubePodCrashLooping',
        workloadKind: 'StatefulSet',
        action: 'restart',
        successes: 0,
        failures: 1,
        inconclusive: 0,
      },
    ]);
    expect((await store.getAttempt('o0'))?.actionChoice).toEqual(choice);
    expect((await store.getAttempt('o1'))?.actionChoice).toBeUndefined();
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
      intents: 0,
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

  const target = {
    cluster: 'prod-east-b',
    namespace: 'trading',
    kind: 'Deployment',
    name: 'risk-service',
  };
  const intent = (attemptId: string, at: Date, windowStart = at) => ({
    attemptId,
    target,
    policy: 'risk-restart',
    action: 'restart' as const,
    windowStart,
    owner: 'a',
    at,
  });

  it('commits one intent per attempt and per target, policy and window, and counts unrecorded ones as acted', async () => {
    const { store, knex } = await createStore(id);
    const at = new Date('2026-11-26T10:00:00Z');
    const since = new Date('2026-11-26T09:00:00Z');
    const seen: number[] = [];
    const check = (state: { history: unknown[] }) => {
      seen.push(state.history.length);
      return undefined;
    };
    expect(
      await store.commitIntent(intent('i1', at), {
        historySince: since,
        check,
      }),
    ).toEqual({ ok: true });
    // The same attempt again: refused before the check runs.
    const again = await store.commitIntent(intent('i1', at), {
      historySince: since,
      check,
    });
    expect(again).toMatchObject({ ok: false, rail: 'intent' });
    expect(again.ok === false && again.reason).toContain(
      'instance a recorded the intent to restart for this attempt at 2026-11-26T10:00:00.000Z',
    );
    // Another attempt in the same window of the same target and policy.
    const window = await store.commitIntent(intent('i2', at), {
      historySince: since,
      check,
    });
    expect(window).toMatchObject({ ok: false, rail: 'intent' });
    expect(window.ok === false && window.reason).toContain('(attempt i1)');
    // The check sees i1, which has no attempt record yet, as acted on.
    expect(seen).toEqual([0, 1]);
    expect(await store.railHistory(since)).toEqual([
      {
        target,
        status: 'approved',
        at,
        attemptId: 'i1',
      },
    ]);
    expect(await store.railHistory(since, 'i1')).toEqual([]);
    // A refusal of the check commits nothing.
    const later = new Date('2026-11-26T10:30:00Z');
    expect(
      await store.commitIntent(intent('i3', later), {
        historySince: since,
        check: () => ({ ok: false, rail: 'cooldown', reason: 'too soon' }),
      }),
    ).toEqual({ ok: false, rail: 'cooldown', reason: 'too soon' });
    expect(
      (await knex('healing_action_intents').select('attempt_id')).map(
        r => r.attempt_id,
      ),
    ).toEqual(['i1']);
    // Once i1's attempt is recorded as applied, it counts once, as applied.
    await store.completeAlerts(
      'a',
      [
        {
          alertId: 1,
          attempt: attempt('i1', { target }),
          extras: { appliedAt: at },
        },
      ],
      at,
    );
    expect((await store.railHistory(since)).map(h => h.status)).toEqual([
      'applied',
    ]);
  });

  it('serialises concurrent intents: of many racing for one target, the check lets one through', async () => {
    const knex = await databases.init(id);
    const a = await KnexHealingStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    const b = new KnexHealingStore(knex);
    const at = new Date('2026-11-26T10:00:00Z');
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        // Windows differ: only the serialised check can keep them apart.
        (i % 2 ? a : b).commitIntent(
          intent(`race-${i}`, at, new Date(at.getTime() + i * 1000)),
          {
            historySince: new Date(0),
            // The check refuses when another intent is already visible, as the
            // cooldown rail would.
            check: state =>
              state.history.length > 0
                ? { ok: false, rail: 'cooldown', reason: 'acted on' }
                : undefined,
          },
        ),
      ),
    );
    expect(outcomes.filter(o => o.ok)).toHaveLength(1);
    const [{ count }] = await knex('healing_action_intents').count({
      count: '*',
    });
    expect(Number(count)).toBe(1);
  });

  it('lets an applied record replace a refusal of the same attempt, never the other way', async () => {
    const { store } = await createStore(id);
    await store.addAlerts([record(1)], new Date());
    const [claimed] = await store.claimAlerts({
      owner: 'b',
      limit: 1,
      now: new Date(),
      staleBefore: new Date(0),
    });
    await store.completeAlerts(
      'b',
      [
        {
          alertId: claimed.id,
          attempt: attempt('same', { status: 'refused', reason: 'intent' }),
        },
      ],
      new Date(),
    );
    await store.completeAlerts(
      'a',
      [{ alertId: claimed.id, attempt: attempt('same') }],
      new Date(),
    );
    expect((await store.getAttempt('same'))!.status).toBe('applied');
    await store.completeAlerts(
      'b',
      [{ alertId: claimed.id, attempt: attempt('same', { status: 'failed' }) }],
      new Date(),
    );
    expect((await store.getAttempt('same'))!.status).toBe('applied');
  });

  it('stores an attempt whose names are longer than their columns, cut to fit', async () => {
    const { store } = await createStore(id);
    const long = 'x'.repeat(300);
    await store.completeAlerts(
      'a',
      [
        {
          alertId: 7,
          attempt: attempt('long', {
            cluster: long,
            target: { cluster: long, kind: 'Deployment', name: long },
            policy: long,
            status: 'unmatched',
          }),
          extras: { pod: long },
        },
        { alertId: 8, attempt: attempt('short', { status: 'unmatched' }) },
      ],
      new Date(),
    );
    const stored = (await store.getAttempt('long'))!;
    expect(stored.target.name).toHaveLength(255);
    expect(stored.cluster.endsWith('…')).toBe(true);
    expect(await store.getAttempt('short')).toBeDefined();
  });

  it("renews claims, expires old approvals and tells whether an attempt's alert still fires", async () => {
    const { store, knex } = await createStore(id);
    await store.addAlerts([record(1), record(2)], new Date());
    const t0 = new Date('2026-11-26T10:00:00Z');
    const claimed = await store.claimAlerts({
      owner: 'a',
      limit: 10,
      now: t0,
      staleBefore: new Date(0),
    });
    const t1 = new Date('2026-11-26T10:04:00Z');
    await store.renewClaims(
      'a',
      claimed.map(c => c.id),
      t1,
    );
    // Not stale by t1 - 1 minute: nobody else may take them.
    expect(
      await store.claimAlerts({
        owner: 'b',
        limit: 10,
        now: t1,
        staleBefore: new Date(t1.getTime() - 60_000),
      }),
    ).toEqual([]);
    await store.renewClaims('b', [claimed[0].id], new Date(0));
    expect(
      toMillis((await knex('healing_alerts').where('id', claimed[0].id))[0]),
    ).toBe(t1.getTime());

    const old = new Date('2026-11-26T08:00:00Z');
    await store.completeAlerts(
      'a',
      [
        {
          alertId: claimed[0].id,
          attempt: attempt('old', {
            status: 'pending-approval',
            createdAt: old.toISOString(),
          }),
        },
        {
          alertId: claimed[1].id,
          attempt: attempt('new', { status: 'pending-approval' }),
        },
      ],
      t1,
    );
    expect(
      await store.expireApprovals(
        new Date('2026-11-26T09:00:00Z'),
        'too old',
        t1,
      ),
    ).toBe(1);
    expect(await store.getAttempt('old')).toMatchObject({
      status: 'expired',
      reason: 'too old',
    });
    expect((await store.getAttempt('new'))!.status).toBe('pending-approval');

    expect(await store.alertStatusOf('new')).toEqual({ status: 'firing' });
    await store.addAlerts([record(2, 'resolved')], t1);
    expect(await store.alertStatusOf('new')).toEqual({
      status: 'resolved',
      endsAt: new Date('2026-11-26T10:05:00.000Z'),
    });
    expect(await store.alertStatusOf('none')).toBeUndefined();
  });

  it('keys an alert by the startsAt it was sent with and reads it back no later than its receipt', async () => {
    const { store } = await createStore(id);
    const receipt = new Date('2026-11-26T10:00:00Z');
    const future = (received: Date): AlertRecord => {
      const r = record(9);
      return {
        ...r,
        alert: { ...r.alert, startsAt: received.toISOString() },
        sentStartsAt: '2026-11-26T10:30:00.000Z',
      };
    };
    expect(await store.addAlerts([future(receipt)], receipt)).toMatchObject({
      stored: 1,
    });
    // Delivered again a minute later: the same alert.
    const again = new Date(receipt.getTime() + 60_000);
    expect(await store.addAlerts([future(again)], again)).toMatchObject({
      stored: 0,
      duplicates: 1,
    });
    const [claimed] = await store.claimAlerts({
      owner: 'a',
      limit: 1,
      now: again,
      staleBefore: new Date(0),
    });
    expect(claimed.alert.startsAt).toBe(receipt.toISOString());
  });
});

function toMillis(row: { claimed_at: unknown }): number {
  const value = row.claimed_at;
  return value instanceof Date ? value.getTime() : Number(value);
}
