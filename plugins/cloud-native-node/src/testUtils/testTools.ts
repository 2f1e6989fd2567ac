import fs from 'node:fs';

/**
 * Where the Debian packages the tests rely on install their binaries:
 * `prometheus` (prometheus, promtool), `prometheus-alertmanager`
 * (prometheus-alertmanager, amtool) and `kubernetes-client` (kubectl).
 *
 * @public
 */
export const TEST_TOOL_PATHS = {
  prometheus: '/usr/bin/prometheus',
  promtool: '/usr/bin/promtool',
  alertmanager: '/usr/bin/prometheus-alertmanager',
  amtool: '/usr/bin/amtool',
  kubectl: '/usr/bin/kubectl',
} as const;

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Whether Prometheus itself is installed at {@link TEST_TOOL_PATHS}.
 *
 * @public
 */
export function isPrometheusAvailable(): boolean {
  return isExecutable(TEST_TOOL_PATHS.prometheus);
}

/**
 * Whether promtool (rule checks, unit tests, TSDB backfill) is installed.
 *
 * @public
 */
export function isPromtoolAvailable(): boolean {
  return isExecutable(TEST_TOOL_PATHS.promtool);
}

/**
 * Whether Alertmanager is installed.
 *
 * @public
 */
export function isAlertmanagerAvailable(): boolean {
  return isExecutable(TEST_TOOL_PATHS.alertmanager);
}

/**
 * Whether amtool (Alertmanager's configuration checker) is installed.
 *
 * @public
 */
export function isAmtoolAvailable(): boolean {
  return isExecutable(TEST_TOOL_PATHS.amtool);
}

/**
 * Whether kubectl (for `kubectl kustomize`) is installed.
 *
 * @public
 */
export function isKubectlAvailable(): boolean {
  return isExecutable(TEST_TOOL_PATHS.kubectl);
}
