/**
 * Backend of the security posture plugins: findings, scores, exceptions and
 * history per service, namespace, cluster and team, the manifests audit and
 * the Falco webhook.
 *
 * @packageDocumentation
 */

export { securityPosturePlugin as default } from './plugin';
export { IS_CLUSTER, postureClusterResourceRef } from './permissions/rules';
export type {
  IsClusterParams,
  PostureClusterQuery,
  PostureClusterResource,
} from './permissions/rules';
