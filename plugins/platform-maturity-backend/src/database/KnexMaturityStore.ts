import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { MaturityScopeType } from '@cloud-native-platform/plugin-platform-maturity-common';
import { Knex } from 'knex';
import { MaturitySnapshot, MaturityStore } from './MaturityStore';

const MIGRATIONS_DIR = resolvePackagePath(
  '@cloud-native-platform/plugin-platform-maturity-backend',
  'migrations',
);

/** Rows per statement: 6 values each stays below SQLite's parameter limit. */
const CHUNK = 150;

async function insertSnapshots(
  tx: Knex.Transaction,
  snapshots: MaturitySnapshot[],
): Promise<void> {
  const rows = snapshots.map(s => ({
    taken_at: s.takenAt,
    scope_type: s.scopeType,
    scope_key: s.scopeKey,
    score: Math.round(s.score * 10) / 10,
    entities: s.entities,
    dr_ready: s.drReady,
  }));
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx('maturity_snapshots').insert(rows.slice(i, i + CHUNK));
  }
}

function toDate(value: unknown): Date {
  // PostgreSQL returns Date objects, SQLite the epoch milliseconds knex stored.
  return value instanceof Date ? value : new Date(value as string | number);
}

/**
 * Maturity snapshots on the plugin's database: SQLite in development,
 * PostgreSQL in production.
 *
 * @public
 */
export class KnexMaturityStore implements MaturityStore {
  /** Connects to the plugin database and migrates it unless migrations are skipped. */
  static async create(database: DatabaseService): Promise<KnexMaturityStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) {
      await knex.migrate.latest({ directory: MIGRATIONS_DIR });
    }
    return new KnexMaturityStore(knex);
  }

  /** Where the migrations live, for tests that run them up and down. */
  static readonly migrationsDirectory = MIGRATIONS_DIR;

  constructor(private readonly knex: Knex) {}

  async addSnapshots(snapshots: MaturitySnapshot[]): Promise<void> {
    await this.knex.transaction(tx => insertSnapshots(tx, snapshots));
  }

  async hasImported(source: string): Promise<boolean> {
    const row = await this.knex('maturity_history_imports')
      .where({ source })
      .first('source');
    return row !== undefined;
  }

  async importSnapshots(
    source: string,
    snapshots: MaturitySnapshot[],
  ): Promise<boolean> {
    return this.knex.transaction(async tx => {
      const done = await tx('maturity_history_imports')
        .where({ source })
        .first('source');
      if (done) return false;
      // The primary key on source makes a concurrent second import fail
      // here rather than add the rows twice.
      await tx('maturity_history_imports').insert({
        source,
        imported_at: new Date(),
        snapshots: snapshots.length,
      });
      await insertSnapshots(tx, snapshots);
      return true;
    });
  }

  async listSnapshots(options: {
    scopeType: MaturityScopeType;
    scopeKey: string;
    since: Date;
  }): Promise<MaturitySnapshot[]> {
    const rows = await this.knex('maturity_snapshots')
      .where({ scope_type: options.scopeType, scope_key: options.scopeKey })
      .andWhere('taken_at', '>=', options.since)
      .orderBy([
        { column: 'taken_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .select(
        'taken_at',
        'scope_type',
        'scope_key',
        'score',
        'entities',
        'dr_ready',
      );
    return rows.map(row => ({
      takenAt: toDate(row.taken_at),
      scopeType: row.scope_type,
      scopeKey: row.scope_key,
      score: Math.round(Number(row.score) * 10) / 10,
      entities: Number(row.entities),
      drReady: Number(row.dr_ready),
    }));
  }

  async prune(before: Date): Promise<number> {
    return this.knex('maturity_snapshots')
      .where('taken_at', '<', before)
      .delete();
  }
}
