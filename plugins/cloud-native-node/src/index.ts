/**
 * Backend library of the cloud-native platform plugins: the cluster registry
 * shared by every backend plugin of the suite.
 *
 * @packageDocumentation
 */

export * from './clusters/ClusterDefinition';
export * from './clusters/clusterRegistryServiceRef';
export * from './clusters/readClusterDefinitions';
