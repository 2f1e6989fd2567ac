/**
 * Test utilities of the cloud-native platform backends: a real Prometheus
 * with backfilled series, for tests of PromQL.
 *
 * @packageDocumentation
 */

export {
  backfillRange,
  isTestPrometheusInstalled,
  startTestPrometheus,
  TEST_PROMETHEUS_INSTALL_HINT,
} from './startTestPrometheus';
export type {
  TestPrometheus,
  TestPrometheusOptions,
} from './startTestPrometheus';
export { describeWithTestPrometheus } from './describeWithTestPrometheus';
export type { TestPrometheusSeries } from './toOpenMetrics';
