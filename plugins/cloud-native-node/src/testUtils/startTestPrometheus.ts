import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startTestProcess } from './startTestProcess';
import { TestPrometheusSeries, toOpenMetrics } from './toOpenMetrics';

import {
  isPrometheusAvailable,
  isPromtoolAvailable,
  TEST_TOOL_PATHS,
} from './testTools';

const PROMETHEUS = TEST_TOOL_PATHS.prometheus;
const PROMTOOL = TEST_TOOL_PATHS.promtool;

/**
 * How to get the binaries {@link startTestPrometheus} runs.
 *
 * @public
 */
export const TEST_PROMETHEUS_INSTALL_HINT =
  "install Debian's prometheus package (apt-get install -y prometheus), which provides /usr/bin/prometheus and /usr/bin/promtool";

/**
 * Whether the binaries {@link startTestPrometheus} runs are installed.
 *
 * @public
 */
export function isTestPrometheusInstalled(): boolean {
  return isPrometheusAvailable() && isPromtoolAvailable();
}

/**
 * Options of {@link startTestPrometheus}.
 *
 * @public
 */
export interface TestPrometheusOptions {
  /** The series to backfill; none by default. */
  series?: ReadonlyArray<TestPrometheusSeries>;
  /** First step of `value` series, unix seconds; needed with `series`. */
  startSeconds?: number;
  /** Last step of `value` series, unix seconds; see {@link backfillRange}. */
  endSeconds?: number;
  /** Seconds between the steps of `value` series; default 15. */
  stepSeconds?: number;
  /** Targets (`host:port`, path /metrics) to scrape; none by default. */
  scrapeTargets?: ReadonlyArray<string>;
  /** Seconds between scrapes and between rule evaluations; default 1. */
  intervalSeconds?: number;
  /** Rule files to load (alerting or recording rules). */
  ruleFiles?: ReadonlyArray<string>;
  /** Alertmanagers to send alerts to, as `http://host:port`. */
  alertmanagerUrls?: ReadonlyArray<string>;
  /** How long to wait for Prometheus to be ready; default 30 seconds. */
  readyTimeoutMs?: number;
}

/**
 * A running test Prometheus.
 *
 * @public
 */
export interface TestPrometheus {
  /** Base URL of its HTTP API on loopback, without a trailing slash. */
  url: string;
  /** Stops the process and removes its data; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * A backfill range of `durationSeconds` on `stepSeconds` boundaries that
 * ends ten minutes ago, so the blocks stay clear of the head block
 * Prometheus opens at start-up. Query at `endSeconds`, not at now.
 *
 * @public
 */
export function backfillRange(
  durationSeconds: number,
  stepSeconds = 15,
): { startSeconds: number; endSeconds: number } {
  const endSeconds =
    Math.floor(Date.now() / 1000 / stepSeconds) * stepSeconds - 600;
  return { startSeconds: endSeconds - durationSeconds, endSeconds };
}

/** The prometheus.yml of a test Prometheus. */
function configOf(options: TestPrometheusOptions): string {
  const interval = options.intervalSeconds ?? 1;
  const scrapes = options.scrapeTargets ?? [];
  const lines = [
    'global:',
    // Without targets nothing is scraped: the series given are the only data.
    `  scrape_interval: ${scrapes.length > 0 ? `${interval}s` : '1h'}`,
    `  evaluation_interval: ${interval}s`,
  ];
  if (options.ruleFiles?.length) {
    lines.push(
      'rule_files:',
      ...options.ruleFiles.map(f => `  - ${JSON.stringify(f)}`),
    );
  }
  if (options.alertmanagerUrls?.length) {
    lines.push('alerting:', '  alertmanagers:');
    for (const raw of options.alertmanagerUrls) {
      const url = new URL(raw);
      lines.push(
        `    - scheme: ${url.protocol.replace(':', '')}`,
        `      static_configs: [{ targets: [${JSON.stringify(url.host)}] }]`,
      );
    }
  }
  if (scrapes.length > 0) {
    lines.push(
      'scrape_configs:',
      '  - job_name: test',
      // The exporter's own labels (cluster, namespace…) are kept as served.
      '    honor_labels: true',
      `    static_configs: [{ targets: ${JSON.stringify(scrapes)} }]`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Starts Debian's Prometheus on a free loopback port and waits until it is
 * ready: with the given series backfilled through promtool, and, when
 * asked, scraping targets, evaluating rule files and sending alerts to
 * Alertmanagers. Without scrape targets the data is exactly the series
 * given. Throws, naming the package to install, when the binaries are
 * missing.
 *
 * @public
 */
export async function startTestPrometheus(
  options: TestPrometheusOptions,
): Promise<TestPrometheus> {
  if (!isTestPrometheusInstalled()) {
    throw new Error(
      `${PROMETHEUS} or ${PROMTOOL} is missing: ${TEST_PROMETHEUS_INSTALL_HINT}`,
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'test-prometheus-'));
  const cleanUp = () => fs.rmSync(dir, { recursive: true, force: true });
  const data = path.join(dir, 'data');
  try {
    if (options.series?.length) {
      const { startSeconds, endSeconds } = options;
      if (startSeconds === undefined || endSeconds === undefined) {
        throw new Error(
          'startTestPrometheus: series need startSeconds and endSeconds',
        );
      }
      const input = path.join(dir, 'series.om.txt');
      fs.writeFileSync(
        input,
        toOpenMetrics(options.series, {
          startSeconds,
          endSeconds,
          stepSeconds: options.stepSeconds ?? 15,
        }),
      );
      const backfill = spawnSync(
        PROMTOOL,
        ['tsdb', 'create-blocks-from', 'openmetrics', input, data],
        { encoding: 'utf8' },
      );
      if (backfill.status !== 0) {
        throw new Error(
          `promtool backfill failed (${backfill.status ?? backfill.signal}): ${
            backfill.stderr || backfill.error?.message
          }`,
        );
      }
    }
    const config = path.join(dir, 'prometheus.yml');
    fs.writeFileSync(config, configOf(options));
  } catch (error) {
    cleanUp();
    throw error;
  }

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { stop } = await startTestProcess({
    name: 'prometheus',
    command: PROMETHEUS,
    args: [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${data}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // Retention counts back from the newest block: past the default 15
      // days, a long backfill would lose its oldest blocks.
      '--storage.tsdb.retention.time=30d',
    ],
    readyUrl: `${url}/-/ready`,
    readyTimeoutMs: options.readyTimeoutMs ?? 30_000,
    cleanUp,
  });
  return { url, stop };
}
