/*
 * `npm test`: every suite of the repository, on the repository's Node.js.
 *
 *   typecheck    tsc over every package
 *   api-reports  every published package's API report is up to date
 *                (`npm run api-reports` rewrites them)
 *   lint         ESLint through backstage-cli, Prettier formatting, and the
 *                cap on no-explicit-any exceptions (scripts/checkExplicitAny.js)
 *   unit         Jest over every package; database tests run on SQLite and
 *                on a PostgreSQL 15 server started here on a loopback port
 *   e2e          the built portal served by the backend, driven by
 *                Playwright in Debian's Chromium
 *
 * `npm test -- unit e2e` runs only the named suites. With CI=true a service
 * that cannot be started fails the run; otherwise its suite is skipped with
 * the reason. The last line counts suites: `suites: N passed, N failed`.
 */
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, yarnRelease } = require('./toolchain');
const { startPostgres } = require('./services/postgres');
const { runApiReports } = require('./apiReports');
const { ensureDebianPackages } = require('./services/apt');

const CI = Boolean(process.env.CI);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const E2E_PORT = Number(process.env.E2E_PORT || 7017);

function log(message) {
  process.stderr.write(`[test] ${message}\n`);
}

function yarn(args, extraEnv = {}) {
  const result = spawnSync(process.execPath, [yarnRelease(), ...args], {
    stdio: 'inherit',
    cwd: ROOT,
    env: { ...process.env, ...extraEnv },
  });
  return result.status === null ? 1 : result.status;
}

function node(args) {
  const result = spawnSync(process.execPath, args, {
    stdio: 'inherit',
    cwd: ROOT,
  });
  return result.status === null ? 1 : result.status;
}

async function waitForHttp(url, timeoutMs, child) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) {
      throw new Error(
        `the backend exited with code ${child.exitCode} before ${url} answered`,
      );
    }
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

/** Major version of the kustomize built into /usr/bin/kubectl; 0 without one. */
function kustomizeMajor() {
  if (!fs.existsSync('/usr/bin/kubectl')) return 0;
  const result = spawnSync('/usr/bin/kubectl', ['version', '--client'], {
    encoding: 'utf8',
  });
  const match = /Kustomize Version: v(\d+)\./.exec(result.stdout ?? '');
  return match ? Number(match[1]) : 0;
}

function stopProcessGroup(child) {
  if (child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

const suites = {
  typecheck: () => yarn(['run', '--binaries-only', 'tsc']),

  'api-reports': () => runApiReports(yarn, { check: true }),

  lint: () =>
    yarn(['backstage-cli', 'repo', 'lint']) ||
    yarn(['run', '--binaries-only', 'prettier', '--check', '.']) ||
    node([path.join(ROOT, 'scripts', 'checkExplicitAny.js')]),

  unit: async ({ services }) => {
    // The TLS tests of the live cluster source make their certificates with it.
    ensureDebianPackages(
      ['openssl'],
      () => spawnSync('openssl', ['version']).status === 0,
      'The TLS tests',
    );
    // The traffic tests backfill Istio metrics into a real Prometheus.
    ensureDebianPackages(
      ['prometheus'],
      () =>
        fs.existsSync('/usr/bin/prometheus') &&
        fs.existsSync('/usr/bin/promtool'),
      'The Prometheus traffic tests',
    );
    // The healing webhook's integration test routes alerts of a real
    // Prometheus through a real Alertmanager.
    ensureDebianPackages(
      ['prometheus-alertmanager'],
      () => fs.existsSync('/usr/bin/prometheus-alertmanager'),
      'The Alertmanager integration test',
    );
    // The scaffolder's proof builds every generated overlay with kubectl
    // kustomize, which must be kustomize v5: older ones (bookworm's
    // kubernetes-client 1.20 embeds v2) know neither `labels` nor
    // `patches` with targets.
    ensureDebianPackages(
      ['kubernetes-client'],
      () => kustomizeMajor() >= 5,
      'The scaffolder kustomize proofs (kubectl with kustomize v5)',
    );
    // CI=true keeps Jest out of watch mode; PostgreSQL comes from the server
    // started here, never from Docker.
    const env = { CI: 'true', BACKSTAGE_TEST_DISABLE_DOCKER: '1' };
    if (services.postgres) {
      env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING =
        services.postgres.connectionString;
    }
    return yarn(['backstage-cli', 'repo', 'test'], env);
  },

  e2e: async () => {
    ensureDebianPackages(
      ['chromium'],
      () => fs.existsSync(CHROMIUM),
      'The browser test',
    );
    log('building the portal frontend');
    const build = yarn([
      'workspace',
      'app',
      'backstage-cli',
      'package',
      'build',
    ]);
    if (build !== 0) return build;

    const url = `http://localhost:${E2E_PORT}`;
    ensureDebianPackages(
      ['prometheus'],
      () => fs.existsSync('/usr/bin/prometheus'),
      'The browser test of the SLOs',
    );
    // The demo's simulated Loki and its traffic simulator behind a real
    // Prometheus, so the browser reads pod logs and SLO budgets as a user of
    // the demo does; the layer restates app-config.yaml's clusters with them
    // (Backstage replaces arrays when it merges layers). Each runs in its own
    // process: this one blocks while the browser test runs.
    const [loki, lokiUrl] = await serviceProcess('demoLoki.js', 'Loki');
    const [prometheus, prometheusUrl] = await serviceProcess(
      'demoTraffic.js',
      'Prometheus',
    );
    const YAML = require('yaml');
    const base = YAML.parse(
      fs.readFileSync(path.join(ROOT, 'app-config.yaml'), 'utf8'),
    );
    const lokiLayer = path.join(ROOT, 'node_modules/.cache/e2e-loki.yaml');
    fs.mkdirSync(path.dirname(lokiLayer), { recursive: true });
    fs.writeFileSync(
      lokiLayer,
      YAML.stringify({
        cloudNativePlatform: {
          clusters: (base?.cloudNativePlatform?.clusters ?? []).map(
            cluster => ({
              ...cluster,
              loki: {
                url: `${lokiUrl}/clusters/${encodeURIComponent(cluster.name)}`,
              },
              prometheus: { url: prometheusUrl },
            }),
          ),
        },
      }),
    );
    const backend = spawn(
      process.execPath,
      [
        yarnRelease(),
        'workspace',
        'backend',
        'backstage-cli',
        'package',
        'start',
        '--config',
        path.join(ROOT, 'app-config.yaml'),
        '--config',
        path.join(ROOT, 'packages/app/e2e-tests/app-config.e2e.yaml'),
        '--config',
        lokiLayer,
      ],
      {
        cwd: ROOT,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, E2E_PORT: String(E2E_PORT) },
      },
    );
    const logFile = path.join(ROOT, 'node_modules/.cache/e2e-backend.log');
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    const out = fs.createWriteStream(logFile);
    backend.stdout.pipe(out);
    backend.stderr.pipe(out);
    try {
      await waitForHttp(
        `${url}/.backstage/health/v1/readiness`,
        180_000,
        backend,
      );
      return yarn(['run', '--binaries-only', 'playwright', 'test'], {
        PLAYWRIGHT_URL: url,
        CHROMIUM_PATH: CHROMIUM,
      });
    } catch (error) {
      log(`${error.message}; backend log: ${path.relative(ROOT, logFile)}`);
      return 1;
    } finally {
      stopProcessGroup(backend);
      loki.kill();
      prometheus.kill();
    }
  },
};

/**
 * Starts `scripts/services/<file>` in its own process; resolves with the
 * process and the URL it prints once it serves.
 */
function serviceProcess(file, name) {
  const child = spawn(
    process.execPath,
    [path.join(__dirname, 'services', file)],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', chunk => {
      out += chunk;
      if (out.includes('\n')) resolve([child, out.trim()]);
    });
    child.once('exit', code =>
      reject(new Error(`the demo ${name} exited with ${code}`)),
    );
  });
}

async function main() {
  const requested = process.argv.slice(2);
  const unknown = requested.filter(name => !suites[name]);
  if (unknown.length > 0) {
    log(
      `unknown suite ${unknown.join(', ')}; suites: ${Object.keys(suites).join(
        ', ',
      )}`,
    );
    return 2;
  }
  const names = requested.length > 0 ? requested : Object.keys(suites);
  const results = [];
  const services = {};

  if (names.includes('unit')) {
    try {
      services.postgres = await startPostgres();
      log(`${services.postgres.version} listening for the database tests`);
    } catch (error) {
      if (CI) {
        results.push({
          name: 'postgres',
          status: 'failed',
          note: error.message,
        });
      } else {
        log(
          `PostgreSQL could not start, database tests run on SQLite only: ${error.message}`,
        );
      }
    }
  }

  try {
    for (const name of names) {
      const started = Date.now();
      log(`suite ${name}`);
      let status;
      let note = '';
      try {
        status = (await suites[name]({ services })) === 0 ? 'passed' : 'failed';
        if (name === 'unit') {
          note = services.postgres ? 'SQLite and PostgreSQL 15' : 'SQLite only';
        }
      } catch (error) {
        if (!CI && error.message.includes('needs')) {
          status = 'skipped';
        } else {
          status = 'failed';
        }
        note = error.message;
      }
      const seconds = Math.round((Date.now() - started) / 1000);
      results.push({ name, status, note, seconds });
    }
  } finally {
    services.postgres?.stop();
  }

  process.stdout.write('\nTest suites:\n');
  for (const r of results) {
    const time = r.seconds === undefined ? '' : ` ${r.seconds}s`;
    process.stdout.write(
      `  ${r.status.padEnd(7)} ${r.name}${time}${
        r.note ? `  (${r.note})` : ''
      }\n`,
    );
  }
  const passed = results.filter(r => r.status === 'passed').length;
  const failed = results.filter(r => r.status === 'failed').length;
  const skipped = results.filter(r => r.status === 'skipped').length;
  process.stdout.write(
    `suites: ${passed} passed, ${failed} failed${
      skipped ? `, ${skipped} skipped` : ''
    }\n`,
  );
  return failed > 0 ? 1 : 0;
}

main().then(
  code => {
    process.exitCode = code;
  },
  error => {
    process.stderr.write(`${error.stack || error}\n`);
    process.exitCode = 1;
  },
);
