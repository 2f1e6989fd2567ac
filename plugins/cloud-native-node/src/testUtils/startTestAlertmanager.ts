import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startTestProcess } from './startTestProcess';

import { isAlertmanagerAvailable, TEST_TOOL_PATHS } from './testTools';

const ALERTMANAGER = TEST_TOOL_PATHS.alertmanager;

/**
 * How to get the binary {@link startTestAlertmanager} runs.
 *
 * @public
 */
export const TEST_ALERTMANAGER_INSTALL_HINT =
  "install Debian's prometheus-alertmanager package (apt-get install -y prometheus-alertmanager), which provides /usr/bin/prometheus-alertmanager";

/**
 * Whether the binary {@link startTestAlertmanager} runs is installed.
 *
 * @public
 */
export function isTestAlertmanagerInstalled(): boolean {
  return isAlertmanagerAvailable();
}

/**
 * Options of {@link startTestAlertmanager}.
 *
 * @public
 */
export interface TestAlertmanagerOptions {
  /** The alertmanager.yml, as YAML text (route, receivers…). */
  config: string;
  /** How long to wait for Alertmanager to be ready; default 30 seconds. */
  readyTimeoutMs?: number;
}

/**
 * A running test Alertmanager.
 *
 * @public
 */
export interface TestAlertmanager {
  /** Base URL of its HTTP API on loopback, without a trailing slash. */
  url: string;
  /** Stops the process and removes its data; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts Debian's Alertmanager (0.25) with the given configuration on a
 * free loopback port, clustering off, its data in a throw-away directory,
 * and waits until it is ready. Throws, naming the package to install,
 * when the binary is missing, and quoting Alertmanager's output when it
 * refuses the configuration.
 *
 * @public
 */
export async function startTestAlertmanager(
  options: TestAlertmanagerOptions,
): Promise<TestAlertmanager> {
  if (!isTestAlertmanagerInstalled()) {
    throw new Error(
      `${ALERTMANAGER} is missing: ${TEST_ALERTMANAGER_INSTALL_HINT}`,
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'test-alertmanager-'));
  const cleanUp = () => fs.rmSync(dir, { recursive: true, force: true });
  const config = path.join(dir, 'alertmanager.yml');
  // It may hold a receiver's credentials.
  fs.writeFileSync(config, options.config, { mode: 0o600 });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { stop } = await startTestProcess({
    name: 'alertmanager',
    command: ALERTMANAGER,
    args: [
      `--config.file=${config}`,
      `--storage.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // One instance: no gossip port, no wait for peers to settle.
      '--cluster.listen-address=',
    ],
    readyUrl: `${url}/-/ready`,
    readyTimeoutMs: options.readyTimeoutMs ?? 30_000,
    cleanUp,
  });
  return { url, stop };
}
