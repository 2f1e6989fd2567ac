import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const MIGRATIONS_DIR = resolvePackagePath(
  '@cloud-native-platform/plugin-cluster-topology-backend',
  'migrations',
);

function toDate(value: unknown): Date {
  // PostgreSQL returns Date objects, SQLite the epoch milliseconds knex stored.
  return value instanceof Date ? value : new Date(value as string | number);
}

/**
 * One maturity snapshot as this plugin stored it before the platform-maturity
 * plugin took the maturity score over.
 *
 * @public
 */
export interface LegacyMaturitySnapshot {
  id: number;
  takenAt: string;
  scopeType: string;
  scopeKey: string;
  score: number;
  entities: number;
  drReady: number;
}

/**
 * The table `maturity_snapshots` of this plugin's database, read-only: kept
 * for one release so the platform-maturity backend can import it. Its
 * migration stays, since knex refuses to run when a recorded migration file
 * is missing.
 *
 * @public
 */
export class LegacyMaturitySnapshots {
  /** Connects to the plugin database and migrates it unless migrations are skipped. */
  static async create(
    database: DatabaseService,
  ): Promise<LegacyMaturitySnapshots> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) {
      await knex.migrate.latest({ directory: MIGRATIONS_DIR });
    }
    return new LegacyMaturitySnapshots(knex);
  }

  /** Where the migrations live, for tests that seed the table. */
  static readonly migrationsDirectory = MIGRATIONS_DIR;

  constructor(private readonly knex: Knex) {}

  /** Up to `limit` snapshots with an id above `afterId`, in id order. */
  async list(options: {
    afterId: number;
    limit: number;
  }): Promise<LegacyMaturitySnapshot[]> {
    if (!(await this.knex.schema.hasTable('maturity_snapshots'))) return [];
    const rows = await this.knex('maturity_snapshots')
      .where('id', '>', options.afterId)
      .orderBy('id', 'asc')
      .limit(options.limit)
      .select(
        'id',
        'taken_at',
        'scope_type',
        'scope_key',
        'score',
        'entities',
        'dr_ready',
      );
    return rows.map(row => ({
      id: Number(row.id),
      takenAt: toDate(row.taken_at).toISOString(),
      scopeType: row.scope_type,
      scopeKey: row.scope_key,
      score: Math.round(Number(row.score) * 10) / 10,
      entities: Number(row.entities),
      drReady: Number(row.dr_ready),
    }));
  }
}
