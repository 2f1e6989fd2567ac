import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { TestPrometheusSeries, toOpenMetrics } from './toOpenMetrics';

/** Where Debian's prometheus package installs its binaries. */
const PROMETHEUS = '/usr/bin/prometheus';
const PROMTOOL = '/usr/bin/promtool';

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
  return fs.existsSync(PROMETHEUS) && fs.existsSync(PROMTOOL);
}

/**
 * Options of {@link startTestPrometheus}.
 *
 * @public
 */
export interface TestPrometheusOptions {
  /** The series to backfill. */
  series: ReadonlyArray<TestPrometheusSeries>;
  /** First step of `value` series, unix seconds. */
  startSeconds: number;
  /** Last step of `value` series, unix seconds; see {@link backfillRange}. */
  endSeconds: number;
  /** Seconds between the steps of `value` series; default 15. */
  stepSeconds?: number;
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

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

/**
 * Starts Debian's Prometheus on a free loopback port with the given series
 * backfilled through promtool, and waits until it is ready. Nothing is
 * scraped, so the data is exactly the series given. Throws, naming the
 * package to install, when the binaries are missing.
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
  let child: ReturnType<typeof spawn> | undefined;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const running = child;
    // A child that failed to spawn has no pid and emits no exit.
    if (
      running?.pid !== undefined &&
      running.exitCode === null &&
      running.signalCode === null
    ) {
      const exited = new Promise(resolve => running.once('exit', resolve));
      running.kill('SIGTERM');
      const timer = setTimeout(() => running.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    const input = path.join(dir, 'series.om.txt');
    const data = path.join(dir, 'data');
    fs.writeFileSync(
      input,
      toOpenMetrics(options.series, {
        startSeconds: options.startSeconds,
        endSeconds: options.endSeconds,
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
    // Scrapes nothing: the series given are the only data.
    const config = path.join(dir, 'prometheus.yml');
    fs.writeFileSync(config, 'global:\n  scrape_interval: 1h\n');

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const started = spawn(
      PROMETHEUS,
      [
        `--config.file=${config}`,
        `--storage.tsdb.path=${data}`,
        `--web.listen-address=127.0.0.1:${port}`,
        // Retention counts back from the newest block: past the default 15
        // days, a long backfill would lose its oldest blocks.
        '--storage.tsdb.retention.time=30d',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = started;
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    };
    started.stdout!.on('data', keep);
    started.stderr!.on('data', keep);
    let spawnError: Error | undefined;
    started.once('error', error => {
      spawnError = error;
    });

    const timeoutMs = options.readyTimeoutMs ?? 30_000;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (spawnError) {
        throw new Error(`prometheus did not start: ${spawnError.message}`);
      }
      if (started.exitCode !== null) {
        throw new Error(
          `prometheus exited with ${started.exitCode}: ${output}`,
        );
      }
      try {
        const res = await fetch(`${url}/-/ready`);
        if (res.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        throw new Error(
          `prometheus was not ready within ${timeoutMs} ms: ${output}`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 200));
    }
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
