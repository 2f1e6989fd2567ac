import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import {
  FalcoAlertGroup,
  FalcoAlertRecord,
  PostureSnapshot,
  PostureStore,
  SnapshotScopeType,
} from './PostureStore';

const MIGRATIONS_DIR = resolvePackagePath(
  '@cloud-native-platform/plugin-security-posture-backend',
  'migrations',
);

/** Rows per statement: stays below SQLite's bound-parameter limit. */
const CHUNK = 200;

const GROUP_COLUMNS = [
  'cluster',
  'namespace',
  'pod',
  'container',
  'workload_kind',
  'workload_name',
  'rule',
  'priority',
];

function toDate(value: unknown): Date {
  // PostgreSQL returns Date objects, SQLite the epoch milliseconds knex stored.
  return value instanceof Date ? value : new Date(value as string | number);
}

/** One row of the grouped Falco alert query: the group columns and aggregates. */
interface FalcoGroupRow {
  cluster: string | null;
  namespace: string | null;
  pod: string | null;
  container: string | null;
  workload_kind: string | null;
  workload_name: string | null;
  rule: string;
  priority: string;
  count: number | string;
  id: number | string;
}

/** The newest alert of a group. */
interface FalcoNewestRow {
  id: number | string;
  output: string | null;
  event_time: unknown;
  received_at: unknown;
}

function orUndefined(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) {
    out.push(items.slice(i, i + CHUNK));
  }
  return out;
}

/**
 * The posture store on the plugin's database, through Knex: SQLite in
 * development, PostgreSQL in production.
 *
 * @public
 */
export class KnexPostureStore implements PostureStore {
  /** Connects to the plugin database and migrates it unless migrations are skipped. */
  static async create(database: DatabaseService): Promise<KnexPostureStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) {
      await knex.migrate.latest({ directory: MIGRATIONS_DIR });
    }
    return new KnexPostureStore(knex);
  }

  /** Where the migrations live, for tests that run them up and down. */
  static readonly migrationsDirectory = MIGRATIONS_DIR;

  constructor(private readonly knex: Knex) {}

  async addSnapshots(snapshots: PostureSnapshot[]): Promise<void> {
    const rows = snapshots.map(s => ({
      taken_at: s.takenAt,
      scope_type: s.scopeType,
      scope_key: s.scopeKey,
      score: s.score,
      counts: JSON.stringify(s.counts),
    }));
    await this.knex.transaction(async tx => {
      for (const chunk of chunks(rows)) {
        await tx('posture_snapshots').insert(chunk);
      }
    });
  }

  async listSnapshots(options: {
    scopeType: SnapshotScopeType;
    scopeKey: string;
    since: Date;
  }): Promise<PostureSnapshot[]> {
    const rows = await this.knex('posture_snapshots')
      .where({ scope_type: options.scopeType, scope_key: options.scopeKey })
      .andWhere('taken_at', '>=', options.since)
      .orderBy([
        { column: 'taken_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .select('taken_at', 'scope_type', 'scope_key', 'score', 'counts');
    return rows.map(row => ({
      takenAt: toDate(row.taken_at),
      scopeType: row.scope_type,
      scopeKey: row.scope_key,
      score: Number(row.score),
      counts: JSON.parse(row.counts),
    }));
  }

  async addFalcoAlert(
    alert: FalcoAlertRecord,
  ): Promise<{ duplicate: boolean }> {
    const inserted = await this.knex('falco_alerts')
      .insert({
        uuid: alert.uuid ?? null,
        received_at: alert.receivedAt,
        event_time: alert.eventTime,
        cluster: alert.cluster ?? null,
        namespace: alert.namespace ?? null,
        pod: alert.pod ?? null,
        container: alert.container ?? null,
        workload_kind: alert.workloadKind ?? null,
        workload_name: alert.workloadName ?? null,
        rule: alert.rule,
        priority: alert.priority,
        output: alert.output,
        payload: JSON.stringify(alert.payload),
      })
      .onConflict('uuid')
      .ignore()
      .returning('id');
    return { duplicate: inserted.length === 0 };
  }

  async listFalcoAlertGroups(options: {
    since: Date;
    clusters?: string[];
  }): Promise<FalcoAlertGroup[]> {
    if (options.clusters?.length === 0) return [];
    const query = this.knex('falco_alerts')
      .where('received_at', '>=', options.since)
      .groupBy(GROUP_COLUMNS)
      .select(GROUP_COLUMNS)
      .count({ count: '*' })
      .max({ id: 'id' });
    if (options.clusters) query.whereIn('cluster', options.clusters);
    const groups = (await query) as FalcoGroupRow[];

    const newest = new Map<number, FalcoNewestRow>();
    for (const ids of chunks(groups.map(g => Number(g.id)))) {
      const rows = await this.knex('falco_alerts')
        .whereIn('id', ids)
        .select('id', 'output', 'event_time', 'received_at');
      for (const row of rows) newest.set(Number(row.id), row);
    }
    return groups.map(group => {
      const row = newest.get(Number(group.id));
      return {
        cluster: orUndefined(group.cluster),
        namespace: orUndefined(group.namespace),
        pod: orUndefined(group.pod),
        container: orUndefined(group.container),
        workloadKind: orUndefined(group.workload_kind),
        workloadName: orUndefined(group.workload_name),
        rule: String(group.rule),
        priority: String(group.priority),
        count: Number(group.count),
        output: String(row?.output ?? ''),
        eventTime: toDate(row?.event_time),
        receivedAt: toDate(row?.received_at),
      };
    });
  }

  async countUnattributedFalcoAlerts(options: {
    since: Date;
    known: string[];
  }): Promise<number> {
    const query = this.knex('falco_alerts')
      .where('received_at', '>=', options.since)
      .andWhere(q => {
        q.whereNull('cluster');
        // Cluster names are few (the configured fleet): one bound list.
        if (options.known.length > 0) {
          q.orWhereNotIn('cluster', options.known);
        } else {
          q.orWhereNotNull('cluster');
        }
      })
      .count({ count: '*' });
    const [row] = await query;
    return Number(row.count);
  }

  async prune(options: {
    snapshotsBefore: Date;
    falcoAlertsBefore: Date;
  }): Promise<{ snapshots: number; falcoAlerts: number }> {
    const snapshots = await this.knex('posture_snapshots')
      .where('taken_at', '<', options.snapshotsBefore)
      .delete();
    const falcoAlerts = await this.knex('falco_alerts')
      .where('received_at', '<', options.falcoAlertsBefore)
      .delete();
    return { snapshots, falcoAlerts };
  }
}
