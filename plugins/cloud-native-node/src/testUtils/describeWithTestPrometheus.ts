import {
  isTestPrometheusInstalled,
  TEST_PROMETHEUS_INSTALL_HINT,
} from './startTestPrometheus';

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
  const runs = isTestPrometheusInstalled() || Boolean(process.env.CI);
  if (!runs) {
    process.stderr.write(`${title} skipped: ${TEST_PROMETHEUS_INSTALL_HINT}\n`);
  }
  const declare = runs ? describe : describe.skip;
  declare(title, body);
}
