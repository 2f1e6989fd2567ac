import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The resource type of a security posture report: one cluster's findings.
 * Policies restrict `security-posture.report.read` per cluster with the
 * `IS_CLUSTER` rule of the security-posture backend.
 *
 * @public
 */
export const SECURITY_POSTURE_CLUSTER_RESOURCE_TYPE =
  'security-posture-cluster';

/**
 * Reading a security posture report or its history. A resource permission:
 * a policy may allow it for some clusters only; the report then covers the
 * allowed clusters and says which were left out.
 *
 * @public
 */
export const securityPostureReadPermission = createPermission({
  name: 'security-posture.report.read',
  attributes: { action: 'read' },
  resourceType: SECURITY_POSTURE_CLUSTER_RESOURCE_TYPE,
});

/**
 * Posting runtime alerts to the Falco webhook. Only service principals (the
 * falcosidekick's static token) may hold it.
 *
 * @public
 */
export const securityPostureFalcoCreatePermission = createPermission({
  name: 'security-posture.falco.create',
  attributes: { action: 'create' },
});

/**
 * Every permission of the security posture plugins.
 *
 * @public
 */
export const securityPosturePermissions = [
  securityPostureReadPermission,
  securityPostureFalcoCreatePermission,
];
