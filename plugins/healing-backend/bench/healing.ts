/*
 * The Alertmanager webhook and the alert processor under load: the healing
 * plugin in a test backend on SQLite (in memory) with the demo's prod-east-b
 * cluster (examples/clusters), fed over HTTP with a static token as
 * Alertmanager would be.
 *
 *   npm run bench:healing -- [--alerts 5000] [--batch 50] [--concurrency 8]
 *
 * With HEALING_BENCH_POSTGRES_URL set to a PostgreSQL server's connection
 * string (postgresql://user:password@host:port), it runs on a database of
 * its own created there, and dropped afterwards, instead of SQLite.
 *
 * Every alert is posted twice: for half of the batches both copies are sent
 * at the same time, for the other half the copy comes after every first
 * delivery. The restart policy runs in dry-run, so every alert goes through
 * the whole pipeline and the rails (planned attempts) without cooldowns or
 * hourly budgets refusing most of them; with no Prometheus the features step
 * is skipped, so the detector's cost is not part of these figures.
 * The last lines are `name: value` pairs for scripts to read.
 */
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory, { Knex } from 'knex';
import path from 'node:path';
import request from 'supertest';
import { healingPlugin } from '../src/plugin';

const TOKEN = 'healing-bench-static-token-0123456789abcdef';
const ROOT = path.resolve(__dirname, '../../..');
const WORKLOADS = ['risk-service', 'order-gateway', 'trading-engine'];
const DEFAULTS = { alerts: 5000, batch: 50, concurrency: 8 };
const TIMEOUT_MS = 10 * 60_000;

function options(argv: string[]) {
  const out: Record<string, number> = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(argv[i]);
    const value = Number(match?.[2] ?? argv[i + (match?.[2] ? 0 : 1)]);
    if (!match || !(match[1] in DEFAULTS) || !(value >= 1)) {
      throw new Error(
        `bad option '${argv[i]}'; options: --alerts 5000 --batch 50 --concurrency 8`,
      );
    }
    if (match[2] === undefined) i++;
    out[match[1]] = Math.floor(value);
  }
  return out as typeof DEFAULTS;
}

function log(message: string) {
  process.stdout.write(`${message}\n`);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

function payload(from: number, count: number, startsAt: string) {
  return {
    version: '4',
    groupKey: '{}:{alertname="KubePodCrashLooping"}',
    status: 'firing',
    receiver: 'healing',
    alerts: Array.from({ length: count }, (_, k) => ({
      status: 'firing',
      labels: {
        alertname: 'KubePodCrashLooping',
        cluster: 'prod-east-b',
        namespace: 'trading',
        deployment: WORKLOADS[(from + k) % WORKLOADS.length],
        instance: `bench-${from + k}`,
      },
      annotations: {},
      startsAt,
      endsAt: '0001-01-01T00:00:00Z',
      fingerprint: `bench-${from + k}`,
    })),
  };
}

/** The bench's database: SQLite in memory, or a fresh PostgreSQL database. */
async function benchDatabase(): Promise<{
  knex: Knex;
  name: string;
  drop(): Promise<void>;
}> {
  const url = process.env.HEALING_BENCH_POSTGRES_URL;
  if (!url) {
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
    return { knex, name: 'sqlite', drop: () => knex.destroy() };
  }
  const admin = knexFactory({ client: 'pg', connection: url });
  const database = `healing_bench_${process.pid}_${Date.now()}`;
  await admin.raw('CREATE DATABASE ??', [database]);
  const own = new URL(url);
  own.pathname = `/${database}`;
  const knex = knexFactory({
    client: 'pg',
    connection: own.toString(),
    pool: { min: 0, max: 10 },
  });
  const { rows } = await admin.raw('SHOW server_version');
  return {
    knex,
    name: `postgresql ${rows[0].server_version}`,
    drop: async () => {
      await knex.destroy();
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [database]);
      await admin.destroy();
    },
  };
}

async function main() {
  const opts = options(process.argv.slice(2));
  const database = await benchDatabase();
  const { knex } = database;
  const { server } = await startTestBackend({
    features: [
      healingPlugin,
      catalogServiceMock.factory(),
      authServiceFactory,
      httpAuthServiceFactory,
      mockServices.database.factory({ knex, migrations: { skip: false } }),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            baseUrl: 'http://localhost:7007',
            auth: {
              externalAccess: [
                {
                  type: 'static',
                  options: { token: TOKEN, subject: 'alertmanager' },
                  accessRestrictions: [{ plugin: 'healing' }],
                },
              ],
            },
          },
          cloudNativePlatform: {
            clusters: [
              {
                name: 'prod-east-b',
                role: 'production',
                manifests: {
                  path: path.join(ROOT, 'examples/clusters/prod-east-b'),
                },
              },
            ],
          },
          healing: {
            policies: [
              {
                name: 'trading-crash-loop',
                match: {
                  alertname: 'KubePodCrashLooping',
                  cluster: 'prod-east-b',
                },
                action: 'restart',
                mode: 'dry-run',
              },
            ],
          },
        },
      }),
    ],
  });

  const startsAt = new Date().toISOString();
  const batches: number[] = [];
  for (let from = 0; from < opts.alerts; from += opts.batch) batches.push(from);
  // Even batches: both copies back to back, so the pool sends them at once;
  // odd batches: the copy after every first delivery.
  const queue: number[] = [];
  batches.forEach((from, i) => {
    queue.push(from);
    if (i % 2 === 0) queue.push(from);
  });
  batches.forEach((from, i) => {
    if (i % 2 === 1) queue.push(from);
  });
  let stored = 0;
  let duplicates = 0;
  let failures = 0;
  const began = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (next < queue.length) {
        const from = queue[next++];
        const count = Math.min(opts.batch, opts.alerts - from);
        const res = await request(server)
          .post('/api/healing/alerts')
          .set('Authorization', `Bearer ${TOKEN}`)
          .send(payload(from, count, startsAt));
        if (res.status !== 202) failures++;
        else {
          stored += res.body.stored;
          duplicates += res.body.duplicates;
        }
      }
    }),
  );
  const postedMs = performance.now() - began;

  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const [{ pending }] = await knex('healing_alerts')
      .whereNull('processed_at')
      .count({ pending: '*' });
    if (Number(pending) === 0 || Date.now() > deadline) break;
    await new Promise(resolve => setTimeout(resolve, 20));
  }
  const decidedMs = performance.now() - began;

  const rows = await knex('healing_attempts as t')
    .join('healing_alerts as a', 'a.id', 't.alert_id')
    .select('a.fingerprint', 'a.received_at', 't.created_at', 't.status');
  const perAlert = new Map<string, number>();
  for (const r of rows)
    perAlert.set(r.fingerprint, (perAlert.get(r.fingerprint) ?? 0) + 1);
  const lost = opts.alerts - perAlert.size;
  const duplicated = [...perAlert.values()].filter(n => n > 1).length;
  const latencies = rows
    .map(
      r => new Date(r.created_at).getTime() - new Date(r.received_at).getTime(),
    )
    .sort((a, b) => a - b);
  const statuses = new Map<string, number>();
  for (const r of rows)
    statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
  await database.drop();

  log(
    `${database.name}: ${opts.alerts} alerts in ${queue.length} requests of up to ${opts.batch}, ` +
      `${opts.concurrency} at a time; attempts by status: ${[...statuses]
        .map(([s, n]) => `${s} ${n}`)
        .join(', ')}`,
  );
  log(`requests_failed: ${failures}`);
  log(`alerts_stored: ${stored}`);
  log(`duplicate_deliveries_ignored: ${duplicates}`);
  log(
    `accepted_alerts_per_second: ${Math.round(
      opts.alerts / (postedMs / 1000),
    )}`,
  );
  log(
    `decided_alerts_per_second: ${Math.round(
      opts.alerts / (decidedMs / 1000),
    )}`,
  );
  log(`decision_latency_p50_ms: ${percentile(latencies, 0.5)}`);
  log(`decision_latency_p99_ms: ${percentile(latencies, 0.99)}`);
  log(`decision_latency_max_ms: ${latencies[latencies.length - 1]}`);
  log(`lost: ${lost}`);
  log(`duplicated: ${duplicated}`);
  // The scheduler's tasks and the cluster state keep the loop alive.
  process.exit(0);
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
