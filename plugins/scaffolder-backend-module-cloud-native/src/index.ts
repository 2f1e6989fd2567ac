/**
 * Scaffolder actions of the cloud-native platform plugins: mesh,
 * monitoring, scaling and security manifests, and whole services laid out
 * with Kustomize, each object validated against its schema.
 *
 * @packageDocumentation
 */

export { scaffolderModuleCloudNative as default } from './module';
