/**
 * Backend library of the cloud-native platform plugins: the cluster registry
 * and the shared, watch-fed cluster state used by every backend plugin of the
 * suite.
 *
 * @packageDocumentation
 */

export * from './clusters/ClusterDefinition';
export * from './clusters/clusterRegistryServiceRef';
export * from './clusters/readClusterDefinitions';
export * from './prometheus/PrometheusClient';
export * from './redaction';
export * from './state/ClusterObjectStore';
export * from './state/ClusterSource';
export * from './state/ClusterStateService';
export * from './state/ClusterStatusTracker';
export * from './state/clusterStateServiceRef';
export * from './state/KubeObject';
export * from './state/kinds';
export * from './state/KubernetesApiClient';
export * from './state/KubernetesClusterSource';
export * from './state/ManifestsClusterSource';
export * from './state/podHealth';
export * from './state/resolveEntityWorkloads';
export * from './topology/buildEntityGraph';
export * from './topology/buildTopologyGraph';
export * from './topology/graphIds';
export * from './topology/staticEdges';
export * from './traffic/addTrafficNeighbours';
export * from './traffic/TrafficCollector';
export * from './traffic/trafficQueries';
export * from './traffic/resolveIstioWorkload';
export * from './maturity';
export * from './http/createRateLimit';
export { requireServicePermission } from './http/requireServicePermission';
export {
  openApiErrorHandler,
  translateOpenApiError,
  type OpenApiErrorRequest,
} from './http/openApiErrors';
