import type { TrendPoint } from '@cloud-native-platform/plugin-security-posture-common';

/** The drawing area of a chart, in SVG user units. */
export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A trend point placed in a chart. */
export interface PlacedPoint {
  x: number;
  y: number;
  point: TrendPoint;
}

/**
 * Places points by time on x (so gaps in the history show as gaps) and by
 * score on a fixed 0–100 y axis (so charts of different scopes compare).
 */
export function placePoints(
  points: readonly TrendPoint[],
  box: ChartBox,
): PlacedPoint[] {
  const times = points.map(p => Date.parse(p.takenAt));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const innerWidth = box.width - box.left - box.right;
  const innerHeight = box.height - box.top - box.bottom;
  return points.map((point, i) => ({
    x:
      box.left +
      (last === first
        ? innerWidth / 2
        : ((times[i] - first) / (last - first)) * innerWidth),
    y: box.top + (1 - clampScore(point.score) / 100) * innerHeight,
    point,
  }));
}

/** Y of a score on the chart's axis. */
export function scoreY(score: number, box: ChartBox): number {
  return box.top + (1 - score / 100) * (box.height - box.top - box.bottom);
}

/** An SVG path through the placed points, in order. */
export function linePath(placed: readonly PlacedPoint[]): string {
  return placed
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`)
    .join(' ');
}

function clampScore(score: number): number {
  return Math.max(0, Math.min(100, score));
}
