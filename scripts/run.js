#!/usr/bin/env node
/*
 * Entry point of every root script: `npm run <task> -- <args>` (or `yarn <task>`).
 * It makes sure the toolchain and node_modules are in place, then runs the
 * task on the repository's Node.js.
 */
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const {
  ROOT,
  ToolchainError,
  ensureInstalled,
  yarnRelease,
  run,
} = require('./toolchain');
const { runApiReports } = require('./apiReports');

/** Paths given on the command line are relative to where the user typed them. */
function userPath(p) {
  return path.resolve(process.env.INIT_CWD || process.cwd(), p);
}

/** Turns `--config extra.yaml` into absolute paths after the base app-config.yaml. */
function configArgs(args) {
  const out = ['--config', path.join(ROOT, 'app-config.yaml')];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--config' && i + 1 < args.length) {
      out.push('--config', userPath(args[++i]));
    } else if (arg.startsWith('--config=')) {
      out.push('--config', userPath(arg.slice('--config='.length)));
    } else {
      out.push(arg);
    }
  }
  return out;
}

const DEMO_TRAFFIC_LAYER = path.join(ROOT, '.tools', 'demo-traffic.yaml');
/** The environment variable that hands the demo webhook token to the backend. */
const DEMO_TOKEN_ENV = 'CNP_DEMO_ALERTMANAGER_TOKEN';

/** `backend.baseUrl` of app-config.yaml, or of the last layer that sets it. */
function backendBaseUrl(appConfig, layers) {
  const YAML = require('yaml');
  let baseUrl = appConfig?.backend?.baseUrl ?? 'http://localhost:7007';
  for (const file of layers) {
    const layer = YAML.parse(fs.readFileSync(file, 'utf8'));
    if (typeof layer?.backend?.baseUrl === 'string') {
      baseUrl = layer.backend.baseUrl;
    }
  }
  return baseUrl;
}

/**
 * Starts the demo's Alertmanager, routing to the healing webhook of the
 * backend (its `backend.baseUrl` in `appConfig` or the last of the config
 * files `layers` to set it) with a token made here. Resolves to
 * `{ alertmanager, token }`, or undefined when demo alerts are off:
 * CNP_DEMO_ALERTS=0, Alertmanager missing, or it failed to start.
 */
async function startDemoAlerts(appConfig, layers) {
  if (process.env.CNP_DEMO_ALERTS === '0') return undefined;
  const {
    alertmanagerInstalled,
    demoWebhookToken,
    startDemoAlertmanager,
  } = require('./services/demoAlertmanager');
  if (!alertmanagerInstalled()) {
    process.stderr.write(
      "demo alerts are off: install Debian's prometheus-alertmanager package (apt-get install prometheus-alertmanager) to see live alerts reach the Healing page\n",
    );
    return undefined;
  }
  const token = demoWebhookToken();
  try {
    const baseUrl = backendBaseUrl(appConfig, layers);
    const alertmanager = await startDemoAlertmanager({
      webhookUrl: `${baseUrl.replace(/\/+$/, '')}/api/healing/alerts`,
      token,
    });
    return { alertmanager, token };
  } catch (error) {
    process.stderr.write(
      `demo alerts are off: ${error?.message ?? error}\n`.slice(0, 2000),
    );
    return undefined;
  }
}

/**
 * Starts the simulator of the demo's Istio metrics and a Prometheus scraping
 * it with the demo's alert rules, with an Alertmanager when one is
 * installed, and a simulated Loki of the demo pods' logs, and writes a
 * config layer that points every demo cluster at that Prometheus and Loki
 * and, with Alertmanager, accepts its webhook token.
 * `layers` are the user's own config files after app-config.yaml.
 * Resolves to `{ demo, layer, env }` (`env` holds the token for the
 * backend's environment; the layer only names the variable), or undefined
 * when demo traffic is off: CNP_DEMO_TRAFFIC=0, Prometheus missing, or it
 * failed to start.
 */
async function startDemoTraffic(layers = []) {
  if (process.env.CNP_DEMO_TRAFFIC === '0') return undefined;
  // Required here: the yaml package is there only once the install has run.
  const {
    prometheusInstalled,
    startDemoPrometheus,
  } = require('./services/demoTraffic');
  if (!prometheusInstalled()) {
    process.stderr.write(
      "demo traffic is off: install Debian's prometheus package (apt-get install prometheus) to see live mesh traffic\n",
    );
    return undefined;
  }
  const YAML = require('yaml');
  const base = YAML.parse(
    fs.readFileSync(path.join(ROOT, 'app-config.yaml'), 'utf8'),
  );
  const alerts = await startDemoAlerts(base, layers);
  let prometheus;
  let loki;
  try {
    prometheus = await startDemoPrometheus({
      alertmanagerUrl: alerts?.alertmanager.url,
    });
    // Simulated pod logs of the same model, for the topology's log view.
    loki = await require('./services/demoLoki').startDemoLoki();
    // Backstage replaces arrays when it merges config layers, so the layer
    // restates every cluster of app-config.yaml with its Prometheus added.
    const clusters = base?.cloudNativePlatform?.clusters ?? [];
    const layer = {
      cloudNativePlatform: {
        clusters: clusters.map(cluster => ({
          ...cluster,
          prometheus: { url: prometheus.url },
          loki: { url: loki.urlOf(cluster.name) },
        })),
      },
    };
    if (alerts) {
      layer.backend = {
        auth: {
          externalAccess: [
            {
              type: 'static',
              // Substituted from the backend's environment: the token is
              // in no file but Alertmanager's own, in its throw-away dir.
              options: {
                token: `\${${DEMO_TOKEN_ENV}}`,
                subject: 'demo-alertmanager',
              },
              accessRestrictions: [
                { plugin: 'healing', permission: 'healing.alert.create' },
              ],
            },
          ],
        },
      };
    }
    fs.writeFileSync(
      DEMO_TRAFFIC_LAYER,
      `# Written by scripts/run.js for the demo's live mesh traffic and alerts; CNP_DEMO_TRAFFIC=0 turns it off.\n${YAML.stringify(
        layer,
      )}`,
    );
  } catch (error) {
    if (prometheus) prometheus.kill();
    if (loki) loki.stop();
    if (alerts) alerts.alertmanager.kill();
    process.stderr.write(
      `demo traffic is off: ${error?.message ?? error}\n`.slice(0, 2000),
    );
    return undefined;
  }
  process.stderr.write(
    `demo traffic: Prometheus at ${prometheus.url} scrapes simulated Istio metrics of examples/traffic/model.yaml and evaluates examples/alerting/demo-rules.yaml; a simulated Loki at ${loki.url} serves the pods' logs (CNP_DEMO_TRAFFIC=0 turns both off)\n`,
  );
  if (alerts) {
    process.stderr.write(
      `demo alerts: Alertmanager at ${alerts.alertmanager.url} posts the rules' alerts to /api/healing/alerts with a token made at start-up (CNP_DEMO_ALERTS=0 turns it off)\n`,
    );
  }
  const demo = {
    stop: async () => {
      await prometheus.stop();
      await loki.stop();
      if (alerts) await alerts.alertmanager.stop();
    },
    kill: () => {
      prometheus.kill();
      loki.stop();
      if (alerts) alerts.alertmanager.kill();
    },
  };
  return {
    demo,
    layer: DEMO_TRAFFIC_LAYER,
    env: alerts ? { [DEMO_TOKEN_ENV]: alerts.token } : {},
  };
}

/**
 * Runs a long-lived command next to the demo traffic, with the token of the
 * demo alerts in its environment, stopping Prometheus, the simulator and
 * Alertmanager when the command ends or this process is told to stop.
 */
function runWithDemo([command, args, env], traffic) {
  const { demo } = traffic;
  return new Promise(resolve => {
    const child = spawn(command, args, {
      stdio: 'inherit',
      env: { ...env, ...traffic.env },
      cwd: ROOT,
    });
    const onExit = () => demo.kill();
    process.once('exit', onExit);
    const forward = signal => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
      }
    };
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
      process.on(signal, forward);
    }
    let done = false;
    const finish = async code => {
      if (done) return;
      done = true;
      for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
        process.off(signal, forward);
      }
      await demo.stop().catch(() => demo.kill());
      process.off('exit', onExit);
      resolve(code);
    };
    child.once('error', error => {
      process.stderr.write(`error: ${error.message}\n`);
      finish(1);
    });
    child.once('exit', (code, signal) => finish(code ?? (signal ? 1 : 0)));
  });
}

/** Whether the arguments name config files of their own. */
function hasConfigArgs(args) {
  return args.some(arg => arg === '--config' || arg.startsWith('--config='));
}

const tasks = {
  setup: () => 0,
  start: async ({ yarn, yarnCommand }, args) => {
    // Own --config files replace app-config.yaml and its clusters.
    const traffic = hasConfigArgs(args) ? undefined : await startDemoTraffic();
    if (!traffic) return yarn(['backstage-cli', 'repo', 'start', ...args]);
    return runWithDemo(
      yarnCommand([
        'backstage-cli',
        'repo',
        'start',
        '--config',
        path.join(ROOT, 'app-config.yaml'),
        '--config',
        traffic.layer,
        ...args,
      ]),
      traffic,
    );
  },
  backend: async ({ yarn, yarnCommand }, args) => {
    const config = configArgs(args);
    const traffic = await startDemoTraffic(
      config.filter((_, i) => i > 1 && config[i - 1] === '--config'),
    );
    if (!traffic) {
      return yarn([
        'workspace',
        'backend',
        'backstage-cli',
        'package',
        'start',
        ...config,
      ]);
    }
    // Right after app-config.yaml, so the user's own files still win.
    config.splice(2, 0, '--config', traffic.layer);
    return runWithDemo(
      yarnCommand([
        'workspace',
        'backend',
        'backstage-cli',
        'package',
        'start',
        ...config,
      ]),
      traffic,
    );
  },
  test: ({ node }, args) => node([path.join(__dirname, 'test.js'), ...args]),
  bench: ({ node }, args) => node([path.join(__dirname, 'bench.js'), ...args]),
  posture: ({ runNode }, args) => {
    // From source through the SWC hook, as scripts/bench.js runs benchmarks;
    // in the directory npm was started from, so that paths given and the
    // file names in the report are relative to where the user typed them.
    const hook = require.resolve('@backstage/cli/config/nodeTransform.cjs', {
      paths: [ROOT],
    });
    const bin = path.join(
      ROOT,
      'plugins',
      'security-posture-cli',
      'bin',
      'cnp-posture',
    );
    return runNode(['--require', hook, bin, ...args], {
      cwd: process.env.INIT_CWD || process.cwd(),
    });
  },
  tsc: ({ yarn }, args) => yarn(['run', '--binaries-only', 'tsc', ...args]),
  lint: ({ yarn }, args) => yarn(['backstage-cli', 'repo', 'lint', ...args]),
  'api-reports': ({ yarn }, args) =>
    runApiReports(yarn, { check: false, paths: args }),
  yarn: ({ yarn }, args) => yarn(args),
};

function main() {
  const [task, ...args] = process.argv.slice(2);
  const handler = tasks[task];
  if (!handler) {
    process.stderr.write(
      `unknown task '${task ?? ''}'; tasks: ${Object.keys(tasks).join(', ')}\n`,
    );
    return 2;
  }
  // A root script that calls itself through Yarn would fork without end.
  if (process.env.CNP_ROOT_TASK === task) {
    process.stderr.write(`task '${task}' started itself again; stopping\n`);
    return 2;
  }
  const { node, env } = ensureInstalled();
  env.CNP_ROOT_TASK = task;
  const helpers = {
    node: nodeArgs => run(node.bin, nodeArgs, env),
    /** Node.js in another working directory than the repository root. */
    runNode: (nodeArgs, options) => run(node.bin, nodeArgs, env, options),
    yarn: yarnArgs => run(node.bin, [yarnRelease(), ...yarnArgs], env),
    /** The command, arguments and environment of a Yarn run, for spawn. */
    yarnCommand: yarnArgs => [node.bin, [yarnRelease(), ...yarnArgs], env],
  };
  return handler(helpers, args);
}

function fail(error) {
  if (error instanceof ToolchainError) {
    process.stderr.write(`error: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}

try {
  const result = main();
  if (result && typeof result.then === 'function') {
    result.then(code => {
      process.exitCode = code;
    }, fail);
  } else {
    process.exitCode = result;
  }
} catch (error) {
  fail(error);
}
