/**
 * Scaffolder actions of the cloud-native platform plugins: mesh,
 * monitoring, scaling and security manifests, and whole services laid out
 * with Kustomize, each object validated against its schema.
 *
 * @packageDocumentation
 */

export { scaffolderModuleCloudNative as default } from './module';
export { createMeshGenerateAction } from './actions/mesh';
export { createMonitoringGenerateAction } from './actions/monitoring';
export { createScalingGenerateAction } from './actions/scaling';
export { createSecurityGenerateAction } from './actions/security';
export { createServiceGenerateAction } from './actions/service';
export {
  generateService,
  buildService,
  ENVIRONMENTS,
} from './generators/service';
export type { ServiceOptions, EnvironmentOptions } from './generators/service';
