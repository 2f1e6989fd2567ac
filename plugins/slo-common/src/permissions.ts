import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading SLOs, their error budgets, burn rates and budget trends (every
 * route of the SLO backend). A basic permission: objectives are aggregates
 * of request metrics, not objects of a cluster.
 *
 * @public
 */
export const sloReadPermission = createPermission({
  name: 'slo.read',
  attributes: { action: 'read' },
});

/**
 * Every permission of the SLO plugins.
 *
 * @public
 */
export const sloPermissions = [sloReadPermission];
