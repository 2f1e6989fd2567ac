/**
 * Backend library of the cloud-native platform plugins: the cluster registry
 * and the shared, watch-fed cluster state used by every backend plugin of the
 * suite.
 *
 * @packageDocumentation
 */

export * from './catalog/CatalogEntityCache';
export * from './clusters/ClusterDefinition';
export * from './clusters/clusterRegistryServiceRef';
export { ClusterConfigError } from './clusters/readClusterDefinitions';
export * from './loki/LokiClient';
export * from './loki/logTimestamps';
export * from './prometheus/PrometheusClient';
export * from './redaction';
export * from './state/ClusterObjectStore';
export * from './state/ClusterSource';
export * from './state/ClusterStateService';
export * from './state/ClusterStatusTracker';
export * from './state/clusterStateServiceRef';
export type { KubeObject } from './state/KubeObject';
export * from './state/kinds';
export {
  KubernetesApiClient,
  KubernetesApiError,
  type KubernetesApiClientOptions,
  type PodLogOptions,
  type WatchEnd,
  type WatchEvent,
} from './state/KubernetesApiClient';
export {
  summarizePods,
  workloadHealth,
  type PodHealth,
  type PodHealthSummary,
} from './state/podHealth';
export * from './state/resolveEntityWorkloads';
export * from './topology/buildEntityGraph';
export {
  buildClusterGraph,
  buildFleetGraph,
  type BuildGraphOptions,
  type GraphCluster,
} from './topology/buildTopologyGraph';
export * from './topology/graphIds';
export * from './traffic/addTrafficNeighbours';
export * from './traffic/TrafficCollector';
export type {
  TrafficEndpoint,
  TrafficNodeIdOf,
} from './traffic/resolveIstioWorkload';
export {
  createRateLimit,
  createRateLimitRouter,
  type CreateRateLimitOptions,
  type RateLimit,
  type RateLimitRouterOptions,
  type RateLimits,
} from './http/createRateLimit';
export { requireServicePermission } from './http/requireServicePermission';
export {
  openApiErrorHandler,
  translateOpenApiError,
  type OpenApiErrorRequest,
} from './http/openApiErrors';
export {
  clusterQueryParameter,
  entityRefQueryParameter,
  errorBodySchema,
  errorResponse,
  namespaceQueryParameter,
  teamQueryParameter,
} from './http/openApiFragments';
export {
  wholeNumberQueryParams,
  type SpecWithParameters,
} from './http/wholeNumberQueryParams';
export * from './delivery/deliveryOf';
export * from './delivery/deliveryDecoration';
