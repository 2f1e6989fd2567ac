/**
 * Catalog module that validates the cloud-native platform annotations.
 *
 * @packageDocumentation
 */

export { catalogModuleCloudNativeAnnotations as default } from './module';
export * from './CloudNativeAnnotationProcessor';
