/*
 * Every entity and page route of the suite, timed over HTTP in the portal
 * backend as `npm start` runs it (the demo's catalog and clusters, SQLite,
 * guest sign-in, the shipped permission policy), next to the backend's own
 * health route: the floor any route of this process pays.
 *
 *   npm run bench:portal-views -- [--requests 120] [--warmup 20]
 *     [--clusters 0] [--pods 2500]
 *
 * With `--clusters N` the portal also watches N live clusters of `--pods`
 * pods each, served by the local Kubernetes API test server with the fleet
 * of `bench:cluster-state` (its Components added to the catalog), and the
 * entity views are timed on one of that fleet's services as well.
 *
 * The backend is started as a child process from source through the same
 * SWC hook as `backstage-cli package start`, on a free port. Routes are
 * asked in turn, one request at a time, so every route sees the same
 * process state. The last lines are `name: value` pairs: each route's p50
 * and p99 in ms and its p50 as a multiple of the floor's.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
// Hoisted from the workspace: the bench drives the backend package from outside.
/* eslint-disable @backstage/no-undeclared-imports */
import YAML from 'yaml';
import {
  FakeKubernetesApi,
  buildTestFleet,
} from '@cloud-native-platform/plugin-cloud-native-node/testUtils';
/* eslint-enable @backstage/no-undeclared-imports */

const ROOT = path.resolve(__dirname, '../../..');
const ENTITY = 'component:default/trading-engine';
const TEAM = 'group:default/trading-team';
const STARTUP_LIMIT_MS = 180_000;
const HARD_LIMIT_MS = 15 * 60_000;

type Options = {
  requests: number;
  warmup: number;
  clusters: number;
  pods: number;
};
const DEFAULTS: Options = {
  requests: 120,
  warmup: 20,
  clusters: 0,
  pods: 2500,
};
const PODS_PER_DEPLOYMENT = 50;
/** The entity views, timed for the demo's entity and the fleet's. */
const ENTITY_VIEWS = (entity: string) => [
  ['topology-workloads', `/api/cluster-topology/workloads?entityRef=${entity}`],
  ['topology-graph', `/api/cluster-topology/graph?entityRef=${entity}`],
  [
    'topology-deliveries',
    `/api/cluster-topology/deliveries?entityRef=${entity}`,
  ],
  ['posture-report', `/api/security-posture/report?entityRef=${entity}`],
  ['healing-attempts', `/api/healing/attempts?entityRef=${entity}`],
  ['maturity-entity', `/api/platform-maturity?entityRef=${entity}`],
  ['slo-objectives', `/api/slo/objectives?entityRef=${entity}`],
];

/** The routes timed: the floor first, then the catalog, entity views and pages. */
const ROUTES: Array<{ name: string; path: string; floor?: boolean }> = [
  { name: 'health', path: '/.backstage/health/v1/liveness', floor: true },
  {
    name: 'catalog-entity',
    path: '/api/catalog/entities/by-name/component/default/trading-engine',
  },
  ...ENTITY_VIEWS(ENTITY).map(([name, view]) => ({ name, path: view })),
  { name: 'page-clusters', path: '/api/cluster-topology/clusters' },
  { name: 'page-posture', path: '/api/security-posture/overview' },
  { name: 'page-healing', path: '/api/healing/attempts' },
  { name: 'page-maturity', path: '/api/platform-maturity/leaderboard' },
  { name: 'page-slo', path: '/api/slo/objectives' },
  { name: 'team-posture', path: `/api/security-posture/report?team=${TEAM}` },
];

function parseOptions(argv: string[]): Options {
  const options = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const match = /^--(requests|warmup|clusters|pods)(?:=(.*))?$/.exec(argv[i]);
    const text = match && (match[2] ?? argv[++i]);
    const value = Number(text);
    const least = match?.[1] === 'clusters' ? 0 : 1;
    if (!match || !Number.isInteger(value) || value < least) {
      process.stderr.write(
        `bad option '${argv[i]}'; options: --requests 120 --warmup 20 --clusters 0 --pods 2500\n`,
      );
      process.exit(2);
    }
    options[match[1] as keyof Options] = value;
  }
  return options;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Nearest-rank percentile. */
function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

const round = (value: number, decimals: number) =>
  Math.round(value * 10 ** decimals) / 10 ** decimals;

function startBackend(
  port: number,
  dir: string,
  extra: Record<string, unknown>,
): ChildProcess {
  const layer = path.join(dir, 'bench.yaml');
  fs.writeFileSync(
    layer,
    YAML.stringify({
      backend: { baseUrl: `http://localhost:${port}`, listen: { port } },
      ...extra,
      // One caller asks thousands of times: the limiter would answer 429.
      cloudNativePlatform: {
        ...(extra.cloudNativePlatform as object | undefined),
        rateLimits: { enabled: false },
      },
    }),
  );
  const hook = require.resolve('@backstage/cli/config/nodeTransform.cjs', {
    paths: [ROOT],
  });
  const log = fs.openSync(path.join(dir, 'backend.log'), 'w');
  return spawn(
    process.execPath,
    [
      '--require',
      hook,
      path.join(ROOT, 'packages/backend/src/index.ts'),
      '--config',
      path.join(ROOT, 'app-config.yaml'),
      '--config',
      layer,
    ],
    {
      cwd: path.join(ROOT, 'packages/backend'),
      env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn' },
      stdio: ['ignore', log, log],
    },
  );
}

async function waitUntil(what: string, check: () => Promise<boolean>) {
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  setTimeout(() => {
    process.stderr.write('benchmark still running after 15 min, giving up\n');
    process.exit(1);
  }, HARD_LIMIT_MS).unref();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-views-'));
  const port = await freePort();
  const base = `http://localhost:${port}`;
  let fleetApi: FakeKubernetesApi | undefined;
  let fleetEntity: string | undefined;
  const extra: Record<string, unknown> = {};
  if (options.clusters > 0) {
    const fleet = buildTestFleet({
      clusters: options.clusters,
      podsPerCluster: options.pods,
      podsPerWorkload: PODS_PER_DEPLOYMENT,
      seed: 1,
    });
    fleetApi = await FakeKubernetesApi.start({
      clusters: fleet.clusters,
      bookmarkEveryMs: 60_000,
    });
    const api = fleetApi;
    // Config arrays are replaced by later layers: the demo's entries first.
    const appConfig = YAML.parse(
      fs.readFileSync(path.join(ROOT, 'app-config.yaml'), 'utf8'),
    );
    const catalogFile = path.join(dir, 'fleet-catalog.yaml');
    fs.writeFileSync(
      catalogFile,
      fleet.entities.map(e => YAML.stringify(e)).join('---\n'),
    );
    extra.catalog = {
      ...appConfig.catalog,
      locations: [
        ...appConfig.catalog.locations,
        { type: 'file', target: catalogFile },
      ],
    };
    extra.cloudNativePlatform = {
      ...appConfig.cloudNativePlatform,
      clusters: [
        ...appConfig.cloudNativePlatform.clusters,
        ...Object.keys(fleet.clusters).map(name => ({
          name,
          role: 'production',
          kubernetes: {
            url: api.url(name),
            authProvider: 'serviceAccount',
            serviceAccountToken: 'bench',
            skipTLSVerify: true,
          },
        })),
      ],
    };
    const first = fleet.entities[0];
    fleetEntity = `component:${first.metadata.namespace ?? 'default'}/${
      first.metadata.name
    }`;
    for (const [name, view] of ENTITY_VIEWS(fleetEntity)) {
      ROUTES.push({ name: `fleet-${name}`, path: view });
    }
  }
  const backend = startBackend(port, dir, extra);
  const exited = new Promise<never>((_, reject) =>
    backend.on('exit', code =>
      reject(
        new Error(
          `the backend exited (${code}); see ${path.join(dir, 'backend.log')}`,
        ),
      ),
    ),
  );
  try {
    await Promise.race([
      exited,
      waitUntil('the backend', async () => {
        const res = await fetch(`${base}/.backstage/health/v1/readiness`);
        return res.ok;
      }),
    ]);
    const refresh = await fetch(`${base}/api/auth/guest/refresh`);
    const token: string = (await refresh.json()).backstageIdentity.token;
    const headers = { Authorization: `Bearer ${token}` };
    await waitUntil('the demo clusters', async () => {
      const res = await fetch(`${base}/api/cluster-topology/clusters`, {
        headers,
      });
      const body = await res.json();
      return (
        body.items.length > 0 &&
        body.items.every((c: { status: string }) => c.status === 'ready')
      );
    });
    await waitUntil('the demo catalog', async () => {
      const res = await fetch(`${base}${ROUTES[1].path}`, { headers });
      return res.ok;
    });
    if (fleetEntity) {
      const [kind, rest] = fleetEntity.split(':');
      const [namespace, name] = rest.split('/');
      await waitUntil('the fleet catalog', async () => {
        const res = await fetch(
          `${base}/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
          { headers },
        );
        return res.ok;
      });
    }
    // Every route must answer 200 before it is timed.
    for (const route of ROUTES) {
      const res = await fetch(`${base}${route.path}`, { headers });
      if (res.status !== 200) {
        throw new Error(
          `${route.name}: GET ${route.path} answered ${res.status}: ${(
            await res.text()
          ).slice(0, 300)}`,
        );
      }
      await res.arrayBuffer();
    }
    const samples = new Map(ROUTES.map(r => [r.name, [] as number[]]));
    const rounds = options.warmup + options.requests;
    for (let i = 0; i < rounds; i++) {
      for (const route of ROUTES) {
        const start = process.hrtime.bigint();
        const res = await fetch(`${base}${route.path}`, { headers });
        await res.arrayBuffer();
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        if (res.status !== 200) {
          throw new Error(
            `${route.name}: GET ${route.path} answered ${res.status}`,
          );
        }
        if (i >= options.warmup) samples.get(route.name)!.push(ms);
      }
    }
    const floor = percentile(samples.get('health')!, 50);
    const lines: string[] = [];
    process.stdout.write(
      `portal backend on the demo${
        fleetEntity
          ? ` and ${options.clusters} live clusters × ${options.pods} pods (fleet entity ${fleetEntity})`
          : ''
      }, ${options.requests} requests per route after ${
        options.warmup
      } warm-up rounds\n`,
    );
    for (const route of ROUTES) {
      const s = samples.get(route.name)!;
      const p50 = percentile(s, 50);
      const p99 = percentile(s, 99);
      process.stdout.write(
        `${route.name.padEnd(22)} p50 ${round(p50, 2)} ms  p99 ${round(
          p99,
          2,
        )} ms  ${round(p50 / floor, 1)}× floor  ${route.path}\n`,
      );
      lines.push(
        `${route.name}_p50_ms: ${round(p50, 2)}`,
        `${route.name}_p99_ms: ${round(p99, 2)}`,
      );
      if (!route.floor)
        lines.push(`${route.name}_ratio: ${round(p50 / floor, 2)}`);
    }
    const worst = (fleet: boolean) =>
      Math.max(
        ...ROUTES.filter(
          r =>
            !r.floor &&
            r.name !== 'catalog-entity' &&
            r.name.startsWith('fleet-') === fleet,
        ).map(r => percentile(samples.get(r.name)!, 50) / floor),
      );
    lines.push(`worst_view_ratio: ${round(worst(false), 2)}`);
    if (fleetEntity) {
      lines.push(`worst_fleet_view_ratio: ${round(worst(true), 2)}`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await fleetApi?.close();
    backend.kill('SIGTERM');
    await new Promise(resolve => setTimeout(resolve, 500));
    if (backend.exitCode === null) backend.kill('SIGKILL');
  }
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  },
);
