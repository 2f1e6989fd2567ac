/**
 * Colour of each state a workload, a check or a DR status can be in, so a
 * state reads alike on every page of the portal.
 */
/** @public */
export const statusColors = {
  healthy: '#2e7d32',
  degraded: '#f5a623',
  failing: '#d32f2f',
  idle: '#9e9e9e',
  unknown: '#78909c',
} as const;

/**
 * A state with a colour in {@link statusColors}.
 *
 * @public
 */
export type StatusColorName = keyof typeof statusColors;
