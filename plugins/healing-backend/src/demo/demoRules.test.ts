import {
  describeWithTestAlertmanager,
  describeWithTestPrometheus,
  isAmtoolAvailable,
  isPromtoolAvailable,
  TEST_TOOL_PATHS,
} from '@cloud-native-platform/plugin-cloud-native-node/testUtils';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { REPO_ROOT } from '../service/__testUtils__/demoConfig';

const PROMTOOL = TEST_TOOL_PATHS.promtool;
const AMTOOL = TEST_TOOL_PATHS.amtool;
const RULES = path.join(REPO_ROOT, 'examples/alerting/demo-rules.yaml');
const STEP_SECONDS = 5;
/** Simulated minutes the rules are evaluated over. */
const MINUTES = 12;

// The demo's simulator and Alertmanager launcher, plain CommonJS of the
// root scripts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const demoTraffic = require(path.join(
  REPO_ROOT,
  'scripts/services/demoTraffic.js',
));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const demoAlertmanager = require(path.join(
  REPO_ROOT,
  'scripts/services/demoAlertmanager.js',
));

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return {
    status: result.status,
    output: `${result.stdout}${result.stderr}${result.error?.message ?? ''}`,
  };
}

const promtool = (args: string[]) => run(PROMTOOL, args);

/**
 * The simulator's series of the flash sale's latency and the crash loops,
 * every 5 s over the first minutes, in promtool's expanding notation.
 */
function simulatedSeries(): Array<{ series: string; values: string }> {
  const model = demoTraffic.loadModel();
  const values = new Map<string, string[]>();
  const steps = (MINUTES * 60) / STEP_SECONDS;
  const startMs = 1_000_000_000;
  for (let i = 0; i <= steps; i++) {
    const text: string = demoTraffic.renderMetrics(
      model,
      startMs,
      startMs + i * STEP_SECONDS * 1000,
    );
    const seen = new Set<string>();
    for (const line of text.split('\n')) {
      const wanted =
        (line.startsWith('istio_request_duration_milliseconds_bucket{') &&
          line.includes('destination_workload="flash-sale"')) ||
        line.startsWith('kube_pod_container_status_');
      if (!wanted) continue;
      const cut = line.lastIndexOf(' ');
      const series = line.slice(0, cut);
      seen.add(series);
      if (!values.has(series)) values.set(series, new Array(i).fill('_'));
      values.get(series)!.push(line.slice(cut + 1));
    }
    // A series the simulator stops serving has no sample, as after a scrape.
    for (const [series, list] of values) {
      if (!seen.has(series)) list.push('_');
    }
  }
  return [...values].map(([series, list]) => ({
    series,
    values: list.join(' '),
  }));
}

/** The ALERTS series of firing alerts at a time, as promtool expects them. */
function firing(labels: Record<string, string>[]) {
  return labels.map(l => ({
    labels: `ALERTS{${Object.entries({ ...l, alertstate: 'firing' })
      .map(([k, v]) => `${k}="${v}"`)
      .join(',')}}`,
    value: 1,
  }));
}

const crashLoop = {
  alertname: 'KubePodCrashLooping',
  severity: 'critical',
  cluster: 'prod-east-b',
  namespace: 'trading',
  pod: 'risk-service-bbffd545bd-9xlqz',
  deployment: 'risk-service',
  container: 'risk-service',
  reason: 'CrashLoopBackOff',
};
const flashSale = {
  alertname: 'FlashSaleLatencyHigh',
  severity: 'warning',
  cluster: 'prod-east-a',
  namespace: 'commerce',
  deployment: 'flash-sale',
  destination_cluster: 'prod-east-a',
  destination_workload_namespace: 'commerce',
  destination_workload: 'flash-sale',
};

// Skipped outside CI without Debian's prometheus package; fails under CI.
describeWithTestPrometheus('the demo alert rules', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-rules-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('pass promtool check rules', () => {
    expect(isPromtoolAvailable()).toBe(true);
    const checked = promtool(['check', 'rules', RULES]);
    expect(checked.output).toContain('SUCCESS: 2 rules found');
    expect(checked.status).toBe(0);
  });

  it('fire and resolve on the simulated metrics with the labels the healing engine resolves', () => {
    // The crash loop of examples/traffic/model.yaml: healthy 1 minute,
    // then 4 crash-looping and 4 healthy, again and again. The alert
    // waits a minute (`for`) and resolves a minute after the last
    // CrashLoopBackOff sample (its max_over_time window).
    const at = (minutes: number, alerts: Record<string, string>[]) => ({
      eval_time: `${minutes * 60}s`,
      expr: 'ALERTS{alertstate="firing"}',
      exp_samples: firing(alerts),
    });
    const tests = {
      rule_files: [RULES],
      evaluation_interval: `${STEP_SECONDS}s`,
      tests: [
        {
          interval: `${STEP_SECONDS}s`,
          input_series: simulatedSeries(),
          promql_expr_test: [
            // Neither has waited long enough yet.
            at(0.5, []),
            at(1.5, []),
            // The crash loop began at minute 1 and waited its minute; only
            // prod-east-a's flash sale is over 250 ms (prod-east-b's p99 is
            // 240 ms, staging's 150 ms), and it waited 2 minutes.
            at(2.5, [crashLoop, flashSale]),
            at(5.5, [crashLoop, flashSale]),
            // Healthy since minute 5; resolved one window later.
            at(6.5, [flashSale]),
            at(8.5, [flashSale]),
            // Crash-looping again since minute 9.
            at(10.5, [crashLoop, flashSale]),
          ],
        },
      ],
    };
    const file = path.join(dir, 'demo-rules.test.yaml');
    fs.writeFileSync(file, YAML.stringify(tests));
    const tested = promtool(['test', 'rules', file]);
    expect(tested.output).toContain('SUCCESS');
    expect(tested.status).toBe(0);
  });
});

// Skipped outside CI without Debian's prometheus-alertmanager; fails under CI.
describeWithTestAlertmanager('the demo Alertmanager configuration', () => {
  it('passes amtool check-config and sends resolved notifications with the token file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-alertmanager-'));
    try {
      const tokenFile = path.join(dir, 'token');
      fs.writeFileSync(tokenFile, demoAlertmanager.demoWebhookToken());
      const text: string = demoAlertmanager.alertmanagerConfig({
        webhookUrl: 'http://localhost:7007/api/healing/alerts',
        tokenFile,
      });
      const file = path.join(dir, 'alertmanager.yml');
      fs.writeFileSync(file, text);
      // amtool comes with Alertmanager in Debian's package.
      expect(isAmtoolAvailable()).toBe(true);
      const checked = run(AMTOOL, ['check-config', file]);
      expect(checked.output).toContain('SUCCESS');
      expect(checked.status).toBe(0);
      const receiver = YAML.parse(text).receivers[0].webhook_configs[0];
      expect(receiver).toEqual({
        url: 'http://localhost:7007/api/healing/alerts',
        send_resolved: true,
        http_config: {
          authorization: { type: 'Bearer', credentials_file: tokenFile },
        },
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('makes a different token of 43 URL-safe characters at each start', () => {
    const a: string = demoAlertmanager.demoWebhookToken();
    const b: string = demoAlertmanager.demoWebhookToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(b).not.toBe(a);
  });
});
