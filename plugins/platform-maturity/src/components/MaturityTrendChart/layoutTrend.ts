import { formatTimeTick, timeTicks } from './timeTicks';

/** The drawing area of a trend chart and the room kept around its plot. */
export interface TrendFrame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/** A score at a time, as the history serves it. */
export interface TrendSample {
  takenAt: string;
  score: number;
}

/** Where everything of a trend chart goes, in the frame's coordinates. */
export interface TrendLayout {
  /** SVG path of the score line. */
  line: string;
  /** SVG path of the area under the line, down to 0. */
  area: string;
  points: Array<{ x: number; y: number; time: number; score: number }>;
  xTicks: Array<{ x: number; label: string }>;
  yTicks: Array<{ y: number; value: number }>;
}

const SCORE_TICKS = [0, 25, 50, 75, 100];

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * Lays a score history out on a 0–100 axis against time, from the first
 * sample to the last. Samples must be oldest first, as the backend sends them.
 */
export function layoutTrend(
  samples: TrendSample[],
  frame: TrendFrame,
  options: { maxTimeTicks?: number; locale?: string } = {},
): TrendLayout {
  const { margin } = frame;
  const plotWidth = frame.width - margin.left - margin.right;
  const plotHeight = frame.height - margin.top - margin.bottom;
  const times = samples.map(s => Date.parse(s.takenAt));
  const start = times.length > 0 ? Math.min(...times) : 0;
  const end = times.length > 0 ? Math.max(...times) : 0;
  // A single sample (or several at once) sits in the middle of the axis.
  const span = end - start;

  const xOf = (time: number) =>
    round(
      margin.left +
        (span > 0 ? ((time - start) / span) * plotWidth : plotWidth / 2),
    );
  const yOf = (score: number) =>
    round(
      margin.top + (1 - Math.min(100, Math.max(0, score)) / 100) * plotHeight,
    );

  const points = samples.map((s, i) => ({
    x: xOf(times[i]),
    y: yOf(s.score),
    time: times[i],
    score: s.score,
  }));
  const line = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`)
    .join(' ');
  const baseline = yOf(0);
  const area =
    points.length > 0
      ? `${line} L${points[points.length - 1].x},${baseline} L${
          points[0].x
        },${baseline} Z`
      : '';

  const { step, ticks } = timeTicks(start, end, options.maxTimeTicks ?? 6);
  const withYear =
    ticks.length > 0 &&
    new Date(ticks[0]).getFullYear() !==
      new Date(ticks[ticks.length - 1]).getFullYear();
  const xTicks = ticks.map(t => ({
    x: xOf(t),
    label: formatTimeTick(t, step, { withYear, locale: options.locale }),
  }));
  const yTicks = SCORE_TICKS.map(value => ({ y: yOf(value), value }));

  return { line, area, points, xTicks, yTicks };
}
