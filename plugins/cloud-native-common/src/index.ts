/**
 * Shared vocabulary of the cloud-native platform plugins: cluster roles,
 * catalog annotations and their validation. Runs in the browser and in Node.js.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './annotationCatalog';
export * from './clusterRoles';
export { parseDuration } from './duration';
export * from './labelSelector';
export * from './namesWorkloads';
export * from './validateAnnotations';
export * from './topology/types';
export * from './topology/trafficWindows';
export * from './redaction';
export * from './kube';
export * from './delivery/argoCdApplications';
export * from './slo';
