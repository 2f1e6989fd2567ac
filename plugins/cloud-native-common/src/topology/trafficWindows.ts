/**
 * The traffic windows the topology graph is measured over. A fixed set, so
 * the traffic cache holds one snapshot per window rather than one per
 * caller-chosen duration.
 *
 * @public
 */
export const TRAFFIC_WINDOWS = ['1m', '5m', '15m', '1h', '6h', '24h'] as const;

/**
 * One of {@link TRAFFIC_WINDOWS}.
 *
 * @public
 */
export type TrafficWindow = (typeof TRAFFIC_WINDOWS)[number];

const WINDOW_MS: Record<TrafficWindow, number> = {
  '1m': 60_000,
  '5m': 5 * 60_000,
  '15m': 15 * 60_000,
  '1h': 3_600_000,
  '6h': 6 * 3_600_000,
  '24h': 24 * 3_600_000,
};

/**
 * Whether the text names one of {@link TRAFFIC_WINDOWS}.
 *
 * @public
 */
export function isTrafficWindow(text: unknown): text is TrafficWindow {
  return (TRAFFIC_WINDOWS as readonly unknown[]).includes(text);
}

/**
 * The length of a traffic window in milliseconds.
 *
 * @public
 */
export function trafficWindowMs(window: TrafficWindow): number {
  return WINDOW_MS[window];
}
