/**
 * Catalog module of the cloud-native platform plugins: validates their
 * annotations and publishes every configured cluster as a Resource entity.
 *
 * @packageDocumentation
 */

export { catalogModuleCloudNative as default } from './module';
export * from './CloudNativeAnnotationProcessor';
export * from './ClusterEntityProvider';
