import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading maturity scores, the leaderboard, their history and DR readiness
 * (every route of the platform-maturity backend). A basic permission: the
 * scores are aggregates, not limited per cluster.
 *
 * @public
 */
export const platformMaturityReadPermission = createPermission({
  name: 'platform-maturity.read',
  attributes: { action: 'read' },
});

/**
 * Every permission of the platform maturity plugins.
 *
 * @public
 */
export const platformMaturityPermissions = [platformMaturityReadPermission];
