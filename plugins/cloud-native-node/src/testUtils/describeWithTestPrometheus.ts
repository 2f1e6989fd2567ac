import {
  isTestAlertmanagerInstalled,
  TEST_ALERTMANAGER_INSTALL_HINT,
} from './startTestAlertmanager';
import {
  isTestPrometheusInstalled,
  TEST_PROMETHEUS_INSTALL_HINT,
} from './startTestPrometheus';

/**
 * Without the binaries, outside CI the block is skipped with a line on
 * stderr saying what to install; under CI (`CI` set) it runs, so every
 * test fails with that hint instead of an image that lost the package
 * passing unnoticed.
 */
function describeWhenInstalled(
  title: string,
  missing: string[],
  body: () => void,
): void {
  const runs = missing.length === 0 || Boolean(process.env.CI);
  if (!runs) {
    process.stderr.write(`${title} skipped: ${missing.join('; ')}\n`);
  }
  const declare = runs ? describe : describe.skip;
  declare(title, body);
}

/**
 * A Jest `describe` for blocks that call {@link startTestPrometheus} in
 * `beforeAll`. Without the binaries, outside CI the block is skipped with a
 * line on stderr saying what to install; under CI (`CI` set) it runs, so
 * every test fails with that hint instead of an image that lost the
 * package passing unnoticed.
 *
 * @public
 */
export function describeWithTestPrometheus(
  title: string,
  body: () => void,
): void {
  describeWhenInstalled(
    title,
    isTestPrometheusInstalled() ? [] : [TEST_PROMETHEUS_INSTALL_HINT],
    body,
  );
}

/**
 * A Jest `describe` for blocks that start both a test Prometheus and
 * {@link startTestAlertmanager}; skipped or failing without the binaries
 * as {@link describeWithTestPrometheus} is.
 *
 * @public
 */
export function describeWithTestAlertmanager(
  title: string,
  body: () => void,
): void {
  describeWhenInstalled(
    title,
    [
      ...(isTestPrometheusInstalled() ? [] : [TEST_PROMETHEUS_INSTALL_HINT]),
      ...(isTestAlertmanagerInstalled()
        ? []
        : [TEST_ALERTMANAGER_INSTALL_HINT]),
    ],
    body,
  );
}
