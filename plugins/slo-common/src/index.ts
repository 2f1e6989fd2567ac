/**
 * Shared contracts of the SLO plugins: the API types of the objectives and
 * budget-trend routes, and the read permission. Runs in the browser and in
 * Node.js.
 *
 * @packageDocumentation
 */

export * from './types';
export { sloReadPermission, sloPermissions } from './permissions';
