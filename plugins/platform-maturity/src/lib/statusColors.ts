/**
 * Colour of each state a check, a workload or a DR status can be in; the same
 * as the health colours of the cluster topology, so a state reads alike on
 * every page of the portal.
 */
export const statusColors = {
  healthy: '#2e7d32',
  degraded: '#f5a623',
  failing: '#d32f2f',
  idle: '#9e9e9e',
} as const;
