import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  ActionOutcomeCount,
  HealingAttempt,
  HealingAttemptStatus,
  HealthSample,
  RailHistoryEntry,
} from '@cloud-native-platform/plugin-healing-common';
import { Knex } from 'knex';
import {
  ActionIntent,
  AlertRecord,
  AttemptExtras,
  AttemptFilter,
  AttemptToVerify,
  ClaimedAlert,
  HealingStore,
  IntentCheckState,
  IntentOutcome,
} from './HealingStore';
import {
  attemptToRow,
  chunks,
  optionalDate,
  AlertRow,
  rowToAlert,
  rowToAttempt,
  toDate,
} from './rows';

const MIGRATIONS_DIR = resolvePackagePath(
  '@cloud-native-platform/plugin-healing-backend',
  'migrations',
);

/** Attempt rows have 28 columns: 30 rows stay below SQLite's 999 parameters. */
const ATTEMPT_CHUNK = 30;
const ALERT_CHUNK = 100;
/** The PostgreSQL advisory lock every instance takes to record an intent. */
const INTENT_LOCK = 0x4845414c; // 'HEAL'

const ACTED: HealingAttemptStatus[] = [
  'approved',
  'applied',
  'succeeded',
  'failed',
  'inconclusive',
];

/** Outcomes the verifier settled, counted by the action choice. */
const VERIFIED: HealingAttemptStatus[] = [
  'succeeded',
  'failed',
  'inconclusive',
];

/**
 * The healing store on the plugin's database, through Knex: SQLite in
 * development, PostgreSQL in production, where several backend instances
 * share it.
 *
 * @public
 */
export class KnexHealingStore implements HealingStore {
  /** Connects and migrates unless migrations are skipped. */
  static async create(database: DatabaseService): Promise<KnexHealingStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) {
      await knex.migrate.latest({ directory: MIGRATIONS_DIR });
    }
    return new KnexHealingStore(knex);
  }

  /** Where the migrations live, for tests that run them up and down. */
  static readonly migrationsDirectory = MIGRATIONS_DIR;

  constructor(private readonly knex: Knex) {}

  private get isPostgres(): boolean {
    return this.knex.client.config.client === 'pg';
  }

  async addAlerts(records: AlertRecord[], receivedAt: Date) {
    let stored = 0;
    let resolved = 0;
    await this.knex.transaction(async tx => {
      for (const chunk of chunks(records, ALERT_CHUNK)) {
        const inserted = await tx('healing_alerts')
          .insert(
            chunk.map(({ alert, payload, sentStartsAt }) => ({
              fingerprint: alert.fingerprint,
              starts_at: new Date(sentStartsAt ?? alert.startsAt),
              alertname: alert.name,
              status: alert.status,
              ends_at:
                alert.status === 'resolved' && alert.endsAt
                  ? new Date(alert.endsAt)
                  : null,
              received_at: receivedAt,
              updated_at: receivedAt,
              payload: JSON.stringify(payload),
            })),
          )
          .onConflict(['fingerprint', 'starts_at'])
          .ignore()
          .returning('id');
        stored += inserted.length;
      }
      for (const { alert, sentStartsAt } of records.filter(
        r => r.alert.status === 'resolved',
      )) {
        resolved += await tx('healing_alerts')
          .where({
            fingerprint: alert.fingerprint,
            starts_at: new Date(sentStartsAt ?? alert.startsAt),
          })
          .andWhere('status', 'firing')
          .update({
            status: 'resolved',
            ends_at: alert.endsAt ? new Date(alert.endsAt) : receivedAt,
            updated_at: receivedAt,
          });
      }
    });
    return { stored, duplicates: records.length - stored, resolved };
  }

  async claimAlerts(options: {
    owner: string;
    limit: number;
    now: Date;
    staleBefore: Date;
  }): Promise<ClaimedAlert[]> {
    const claimable = (q: Knex.QueryBuilder) =>
      q
        .whereNull('processed_at')
        .andWhere(w =>
          w
            .whereNull('claimed_by')
            .orWhere('claimed_at', '<', options.staleBefore),
        );
    const candidates = claimable(this.knex('healing_alerts').select('id'))
      .orderBy('id')
      .limit(options.limit);
    // Rows another instance is claiming are skipped rather than waited for.
    if (this.isPostgres) candidates.forUpdate().skipLocked();
    const rows = await claimable(
      this.knex('healing_alerts').whereIn('id', candidates),
    )
      .update({ claimed_by: options.owner, claimed_at: options.now })
      .returning([
        'id',
        'fingerprint',
        'alertname',
        'status',
        'starts_at',
        'ends_at',
        'received_at',
        'payload',
      ]);
    return (rows as Array<AlertRow & { id: number | string }>)
      .map(row => ({
        id: Number(row.id),
        alert: rowToAlert(row),
        receivedAt: toDate(row.received_at),
      }))
      .sort((a, b) => a.id - b.id);
  }

  async completeAlerts(
    owner: string,
    items: Array<{
      alertId: number;
      attempt: HealingAttempt;
      extras?: AttemptExtras;
    }>,
    now: Date,
  ): Promise<void> {
    const sent = (i: (typeof items)[number]) =>
      i.attempt.status === 'applied' || i.attempt.status === 'failed';
    await this.knex.transaction(async tx => {
      for (const chunk of chunks(
        items.filter(i => !sent(i)),
        ATTEMPT_CHUNK,
      )) {
        await tx('healing_attempts')
          .insert(
            chunk.map(i =>
              attemptToRow(i.attempt, { ...i.extras, alertId: i.alertId }),
            ),
          )
          .onConflict('id')
          .ignore();
      }
      // An action that reached a cluster replaces the refusal another
      // instance recorded for the same alert after taking over its claim.
      for (const chunk of chunks(items.filter(sent), ATTEMPT_CHUNK)) {
        await tx('healing_attempts')
          .insert(
            chunk.map(i =>
              attemptToRow(i.attempt, { ...i.extras, alertId: i.alertId }),
            ),
          )
          .onConflict('id')
          .merge()
          .where('healing_attempts.status', 'refused');
      }
      for (const ids of chunks(
        items.map(i => i.alertId),
        ALERT_CHUNK,
      )) {
        await tx('healing_alerts')
          .whereIn('id', ids)
          .andWhere('claimed_by', owner)
          .update({ processed_at: now });
      }
    });
  }

  async releaseAlerts(owner: string, ids: number[]): Promise<void> {
    for (const chunk of chunks(ids, ALERT_CHUNK)) {
      await this.knex('healing_alerts')
        .whereIn('id', chunk)
        .andWhere('claimed_by', owner)
        .whereNull('processed_at')
        .update({ claimed_by: null, claimed_at: null });
    }
  }

  async renewClaims(owner: string, ids: number[], now: Date): Promise<void> {
    for (const chunk of chunks(ids, ALERT_CHUNK)) {
      await this.knex('healing_alerts')
        .whereIn('id', chunk)
        .andWhere('claimed_by', owner)
        .whereNull('processed_at')
        .update({ claimed_at: now });
    }
  }

  async commitIntent(
    intent: ActionIntent,
    options: {
      historySince: Date;
      check(
        state: IntentCheckState,
      ): Promise<IntentOutcome | undefined> | IntentOutcome | undefined;
    },
  ): Promise<IntentOutcome> {
    return this.knex.transaction(async tx => {
      // One instance at a time between reading the rails and recording:
      // budgets and cooldowns hold across instances. SQLite serialises
      // transactions by itself.
      if (this.isPostgres) {
        await tx.raw('SELECT pg_advisory_xact_lock(?)', [INTENT_LOCK]);
      }
      const own = await tx('healing_action_intents')
        .where('attempt_id', intent.attemptId)
        .first();
      if (own) {
        return {
          ok: false,
          rail: 'intent',
          reason: `instance ${own.owner} recorded the intent to ${
            own.action
          } for this attempt at ${toDate(
            own.created_at,
          ).toISOString()}; the action is not sent again`,
        };
      }
      const refused = await options.check({
        history: await this.historyIn(
          tx,
          options.historySince,
          intent.attemptId,
        ),
        getSetting: key => this.settingIn(tx, key),
      });
      if (refused && !refused.ok) return refused;
      const { target } = intent;
      const key = {
        cluster: target.cluster,
        namespace: target.namespace ?? '',
        target_kind: target.kind,
        target_name: target.name,
        policy: intent.policy,
        window_start: intent.windowStart,
      };
      const sameWindow = await tx('healing_action_intents').where(key).first();
      if (sameWindow) {
        return {
          ok: false,
          rail: 'intent',
          reason: `instance ${sameWindow.owner} already acted on ${
            target.kind
          } ${target.name} with policy ${
            intent.policy
          } in the window from ${intent.windowStart.toISOString()} (attempt ${
            sameWindow.attempt_id
          })`,
        };
      }
      await tx('healing_action_intents').insert({
        ...key,
        attempt_id: intent.attemptId,
        action: intent.action,
        owner: intent.owner,
        created_at: intent.at,
      });
      return { ok: true };
    });
  }

  async expireApprovals(
    createdBefore: Date,
    reason: string,
    now: Date,
  ): Promise<number> {
    return this.knex('healing_attempts')
      .where('status', 'pending-approval')
      .andWhere('created_at', '<', createdBefore)
      .update({ status: 'expired', reason, updated_at: now });
  }

  async alertStatusOf(attemptId: string) {
    const row = await this.knex('healing_attempts as t')
      .join('healing_alerts as a', 'a.id', 't.alert_id')
      .where('t.id', attemptId)
      .first('a.status', 'a.ends_at');
    if (!row) return undefined;
    return {
      status: row.status === 'resolved' ? 'resolved' : 'firing',
      endsAt: optionalDate(row.ends_at),
    } as const;
  }

  async getAttempt(id: string): Promise<HealingAttempt | undefined> {
    const row = await this.knex('healing_attempts').where({ id }).first();
    return row ? rowToAttempt(row) : undefined;
  }

  private filtered(filter: AttemptFilter): Knex.QueryBuilder {
    const q = this.knex('healing_attempts');
    if (filter.entityRefs) q.whereIn('entity_ref', filter.entityRefs);
    if (filter.cluster) q.where('cluster', filter.cluster);
    if (filter.namespace) q.where('namespace', filter.namespace);
    if (filter.action) q.where('action', filter.action);
    if (filter.status) q.where('status', filter.status);
    if (filter.mode) q.where('mode', filter.mode);
    if (filter.kind) q.where('kind', filter.kind);
    if (filter.since) q.where('created_at', '>=', filter.since);
    return q;
  }

  async listAttempts(
    filter: AttemptFilter,
    limit: number,
  ): Promise<{ items: HealingAttempt[]; total: number }> {
    const [{ count }] = await this.filtered(filter).count({ count: '*' });
    const rows = await this.filtered(filter)
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    return { items: rows.map(rowToAttempt), total: Number(count) };
  }

  async updateAttempt(
    id: string,
    expectedStatus: HealingAttemptStatus,
    changes: Partial<HealingAttempt> &
      AttemptExtras & { health?: HealthSample[] },
  ): Promise<boolean> {
    const update: Record<string, unknown> = {};
    if (changes.status) update.status = changes.status;
    if (changes.reason !== undefined) update.reason = changes.reason;
    if (changes.decidedBy !== undefined) update.decided_by = changes.decidedBy;
    if (changes.steps) update.steps = JSON.stringify(changes.steps);
    if (changes.change) update.change = JSON.stringify(changes.change);
    if (changes.resolvedAt) update.resolved_at = new Date(changes.resolvedAt);
    if (changes.mttrSeconds !== undefined)
      update.mttr_seconds = changes.mttrSeconds;
    if (changes.appliedAt) update.applied_at = changes.appliedAt;
    if (changes.health) update.health = JSON.stringify(changes.health);
    update.updated_at = changes.updatedAt
      ? new Date(changes.updatedAt)
      : new Date();
    const count = await this.knex('healing_attempts')
      .where({ id, status: expectedStatus })
      .update(update);
    return count > 0;
  }

  async railHistory(
    since: Date,
    exceptId?: string,
  ): Promise<RailHistoryEntry[]> {
    return this.historyIn(this.knex, since, exceptId);
  }

  private async historyIn(
    db: Knex | Knex.Transaction,
    since: Date,
    exceptId?: string,
  ): Promise<RailHistoryEntry[]> {
    const rows = await db('healing_attempts')
      .where('kind', 'remediation')
      .whereNot('id', exceptId ?? '')
      .whereIn('status', ACTED)
      .andWhere(q =>
        q.where('applied_at', '>=', since).orWhere('updated_at', '>=', since),
      )
      .select(
        'id',
        'cluster',
        'namespace',
        'target_kind',
        'target_name',
        'status',
        'applied_at',
        'updated_at',
      );
    const entries: RailHistoryEntry[] = rows.map(row => ({
      target: {
        cluster: row.cluster,
        namespace: row.namespace ?? undefined,
        kind: row.target_kind,
        name: row.target_name,
      },
      status: row.status,
      at: optionalDate(row.applied_at) ?? toDate(row.updated_at),
      attemptId: String(row.id),
    }));
    // An intent without an acted record: the action may have reached the
    // cluster, so it counts as acted on (not as a failure).
    const intents = await db('healing_action_intents as i')
      .leftJoin('healing_attempts as t', 't.id', 'i.attempt_id')
      .where('i.created_at', '>=', since)
      .whereNot('i.attempt_id', exceptId ?? '')
      .andWhere(q => q.whereNull('t.id').orWhereNotIn('t.status', ACTED))
      .select(
        'i.attempt_id',
        'i.cluster',
        'i.namespace',
        'i.target_kind',
        'i.target_name',
        'i.created_at',
      );
    for (const row of intents) {
      entries.push({
        target: {
          cluster: row.cluster,
          namespace: row.namespace === '' ? undefined : row.namespace,
          kind: row.target_kind,
          name: row.target_name,
        },
        status: 'approved',
        at: toDate(row.created_at),
        attemptId: String(row.attempt_id),
      });
    }
    return entries;
  }

  async actionOutcomes(): Promise<ActionOutcomeCount[]> {
    const rows = await this.knex('healing_attempts')
      .where('kind', 'remediation')
      .whereIn('status', VERIFIED)
      .whereNotNull('action')
      .whereNotNull('alert_name')
      .whereNot('alert_name', '')
      .groupBy('alert_name', 'target_kind', 'action', 'status')
      .select('alert_name', 'target_kind', 'action', 'status')
      .count({ count: '*' });
    const byContext = new Map<string, ActionOutcomeCount>();
    for (const row of rows as Array<{
      alert_name: string;
      target_kind: string;
      action: ActionOutcomeCount['action'];
      status: string;
      count: number | string;
    }>) {
      const key = JSON.stringify([row.alert_name, row.target_kind, row.action]);
      let counts = byContext.get(key);
      if (!counts) {
        counts = {
          alertName: row.alert_name,
          workloadKind: row.target_kind,
          action: row.action,
          successes: 0,
          failures: 0,
          inconclusive: 0,
        };
        byContext.set(key, counts);
      }
      const count = Number(row.count);
      if (row.status === 'succeeded') counts.successes += count;
      else if (row.status === 'failed') counts.failures += count;
      else counts.inconclusive += count;
    }
    return [...byContext.values()];
  }

  async attemptsToVerify(): Promise<AttemptToVerify[]> {
    const rows = await this.knex('healing_attempts as t')
      .leftJoin('healing_alerts as a', 'a.id', 't.alert_id')
      .where('t.status', 'applied')
      .select('t.*', 'a.status as alert_status', 'a.ends_at as alert_ends_at');
    return rows.map(row => ({
      attempt: rowToAttempt(row),
      appliedAt: optionalDate(row.applied_at) ?? toDate(row.updated_at),
      verifyWindowSeconds: Number(row.verify_window_seconds ?? 600),
      alertStatus: row.alert_status === 'resolved' ? 'resolved' : 'firing',
      alertEndsAt: optionalDate(row.alert_ends_at),
      health: (
        (row.health ? JSON.parse(row.health) : []) as Array<{
          at: string | number;
          healthy?: boolean;
        }>
      ).map(s => ({
        at: new Date(s.at),
        healthy: !!s.healthy,
      })),
    }));
  }

  async upsertPlatformAttempts(attempts: HealingAttempt[]): Promise<void> {
    await this.knex.transaction(async tx => {
      for (const chunk of chunks(attempts, ATTEMPT_CHUNK)) {
        await tx('healing_attempts')
          .insert(chunk.map(a => attemptToRow({ ...a, kind: 'platform' })))
          .onConflict('id')
          .merge();
      }
    });
  }

  async countPending(): Promise<number> {
    const [{ count }] = await this.knex('healing_attempts')
      .where('status', 'pending-approval')
      .count({ count: '*' });
    return Number(count);
  }

  async getSetting<T>(key: string) {
    return this.settingIn<T>(this.knex, key);
  }

  private async settingIn<T>(db: Knex | Knex.Transaction, key: string) {
    const row = await db('healing_settings').where({ key }).first();
    return row
      ? {
          value: JSON.parse(row.value) as T,
          updatedBy: row.updated_by ?? undefined,
        }
      : undefined;
  }

  async putSetting(key: string, value: unknown, updatedBy: string) {
    await this.knex('healing_settings')
      .insert({
        key,
        value: JSON.stringify(value),
        updated_by: updatedBy,
        updated_at: new Date(),
      })
      .onConflict('key')
      .merge();
  }

  async prune(before: Date) {
    const alerts = await this.knex('healing_alerts')
      .where('received_at', '<', before)
      .whereNotNull('processed_at')
      .delete();
    const attempts = await this.knex('healing_attempts')
      .where('created_at', '<', before)
      .whereNotIn('status', ['pending-approval', 'applied'])
      .delete();
    const intents = await this.knex('healing_action_intents')
      .where('created_at', '<', before)
      .delete();
    return { alerts, attempts, intents };
  }
}
