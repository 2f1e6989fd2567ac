/**
 * Shared contracts of the platform maturity plugins: the API types of the
 * maturity score, leaderboard, history and DR readiness, and the read
 * permission. Runs in the browser and in Node.js.
 *
 * @packageDocumentation
 */

export * from './types';
export * from './history';
export * from './formatBytes';
export {
  platformMaturityReadPermission,
  platformMaturityPermissions,
} from './permissions';
