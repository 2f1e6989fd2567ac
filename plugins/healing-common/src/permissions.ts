import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The resource type of a healing attempt, referred to by its id. Policies
 * limit the approval of attempts per cluster and namespace with the
 * `IS_CLUSTER`, `IS_NAMESPACE` and `HAS_CLUSTER_ROLE` rules of the healing
 * backend.
 *
 * @public
 */
export const HEALING_ATTEMPT_RESOURCE_TYPE = 'healing-attempt';

/**
 * Approving or rejecting a planned healing action: an approval changes a
 * cluster. A resource permission on the attempt, so a policy can allow it
 * for some clusters and namespaces only.
 *
 * @public
 */
export const healingAttemptApprovePermission = createPermission({
  name: 'healing.attempt.approve',
  attributes: { action: 'update' },
  resourceType: HEALING_ATTEMPT_RESOURCE_TYPE,
});

/**
 * Turning the healing kill switch on or off for every cluster.
 *
 * @public
 */
export const healingKillSwitchUpdatePermission = createPermission({
  name: 'healing.killswitch.update',
  attributes: { action: 'update' },
});

/**
 * Posting alerts to the Alertmanager webhook. Only service principals (the
 * Alertmanager's static token) may hold it.
 *
 * @public
 */
export const healingAlertCreatePermission = createPermission({
  name: 'healing.alert.create',
  attributes: { action: 'create' },
});

/**
 * Every permission of the healing plugins.
 *
 * @public
 */
export const healingPermissions = [
  healingAttemptApprovePermission,
  healingKillSwitchUpdatePermission,
  healingAlertCreatePermission,
];
