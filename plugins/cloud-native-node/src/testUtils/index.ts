/**
 * Test utilities of the cloud-native platform backends: a synthetic fleet
 * of clusters, the demo fleet of this repository's examples, checks for the binaries the tests run, a real Prometheus
 * with backfilled or scraped series, for tests of PromQL and alerting
 * rules, a real Alertmanager, for tests of its webhooks, and local servers
 * speaking the Kubernetes API and Loki's query API.
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
export {
  isTestAlertmanagerInstalled,
  startTestAlertmanager,
  TEST_ALERTMANAGER_INSTALL_HINT,
} from './startTestAlertmanager';
export type {
  TestAlertmanager,
  TestAlertmanagerOptions,
} from './startTestAlertmanager';
export {
  describeWithTestAlertmanager,
  describeWithTestPrometheus,
} from './describeWithTestPrometheus';
export type { TestPrometheusSeries } from './toOpenMetrics';
export {
  isAlertmanagerAvailable,
  isAmtoolAvailable,
  isKubectlAvailable,
  isPrometheusAvailable,
  isPromtoolAvailable,
  TEST_TOOL_PATHS,
} from './testTools';
export { buildTestFleet } from './buildTestFleet';
export {
  DEMO_EXAMPLES_DIR,
  demoCatalogEntities,
  demoClusters,
  waitForDemoClusters,
} from './demoFleet';
export type { TestFleet, TestFleetOptions } from './buildTestFleet';
export { unreachableUrl } from './unreachableUrl';
export { FakeKubernetesApi } from './FakeKubernetesApi';
export type {
  FakeKubernetesApiOptions,
  FakeLogLine,
  FakeResource,
  RecordedRequest,
} from './FakeKubernetesApi';
export { startTestLoki } from './startTestLoki';
export type { TestLoki, TestLokiRequest } from './startTestLoki';
