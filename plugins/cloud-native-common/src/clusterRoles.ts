/**
 * The part a cluster plays in the fleet. Pages group clusters by role, and
 * disaster-recovery readiness compares production clusters with their
 * disaster-recovery peers.
 *
 * @public
 */
export type ClusterRole =
  | 'production'
  | 'disaster-recovery'
  | 'staging'
  | 'test'
  | 'development';

/**
 * Every cluster role, in the order pages list them.
 *
 * @public
 */
export const CLUSTER_ROLES: readonly ClusterRole[] = [
  'production',
  'disaster-recovery',
  'staging',
  'test',
  'development',
];

/**
 * True when `value` names a cluster role.
 *
 * @public
 */
export function isClusterRole(value: unknown): value is ClusterRole {
  return (
    typeof value === 'string' && (CLUSTER_ROLES as string[]).includes(value)
  );
}
