/**
 * Backend of the security posture plugins: findings, scores, exceptions and
 * history per service, namespace, cluster and team, the manifests audit and
 * the Falco webhook.
 *
 * @packageDocumentation
 */

export { securityPosturePlugin as default } from './plugin';
export * from './service/router';
export * from './config';
export * from './database/PostureStore';
export { KnexPostureStore } from './database/KnexPostureStore';
export * from './permissions/rules';
