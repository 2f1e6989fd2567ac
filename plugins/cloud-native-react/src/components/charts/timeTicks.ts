import type { ChartXTick } from './ChartAxes';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Tick spacings an axis may use: whole hours, then whole days. */
const HOUR_STEPS = [1, 2, 3, 6, 12];
const DAY_STEPS = [1, 2, 3, 7, 14, 30, 60, 90];

/**
 * A spacing of time ticks, in the unit they are aligned to.
 *
 * @public
 */
export interface TimeTickStep {
  unit: 'hour' | 'day';
  count: number;
}

/**
 * The smallest step that keeps a span within `maxTicks` ticks.
 *
 * @public
 */
export function timeTickStep(spanMs: number, maxTicks: number): TimeTickStep {
  const limit = Math.max(1, maxTicks);
  for (const count of HOUR_STEPS) {
    if (spanMs / (count * HOUR_MS) <= limit) return { unit: 'hour', count };
  }
  for (const count of DAY_STEPS) {
    if (spanMs / (count * DAY_MS) <= limit) return { unit: 'day', count };
  }
  return { unit: 'day', count: Math.ceil(spanMs / DAY_MS / limit) };
}

/**
 * Times between `startMs` and `endMs` (both included) that fall on whole
 * local hours or local midnights, at most about `maxTicks` of them, so an
 * axis reads "10:00, 12:00" or "26 Nov, 27 Nov" rather than odd minutes.
 *
 * @public
 */
export function timeTicks(
  startMs: number,
  endMs: number,
  maxTicks: number,
): { step: TimeTickStep; ticks: number[] } {
  const step = timeTickStep(Math.max(0, endMs - startMs), maxTicks);
  const tick = new Date(startMs);
  if (step.unit === 'hour') {
    tick.setMinutes(0, 0, 0);
    while (tick.getTime() < startMs || tick.getHours() % step.count !== 0) {
      tick.setHours(tick.getHours() + 1);
    }
  } else {
    tick.setHours(0, 0, 0, 0);
    if (tick.getTime() < startMs) tick.setDate(tick.getDate() + 1);
  }
  const ticks: number[] = [];
  while (tick.getTime() <= endMs) {
    ticks.push(tick.getTime());
    if (step.unit === 'hour') {
      tick.setHours(tick.getHours() + step.count);
    } else {
      tick.setDate(tick.getDate() + step.count);
    }
  }
  return { step, ticks };
}

/**
 * The label of a tick: the date, with the time of day when ticks are hours
 * apart, and the year when the axis spans more than one.
 *
 * @public
 */
export function formatTimeTick(
  timeMs: number,
  step: TimeTickStep,
  options: { withYear?: boolean; locale?: string } = {},
): string {
  return new Intl.DateTimeFormat(options.locale, {
    day: 'numeric',
    month: 'short',
    ...(options.withYear ? { year: 'numeric' } : {}),
    ...(step.unit === 'hour' ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(new Date(timeMs));
}

/**
 * Labelled x-axis ticks for points taken at `times` (milliseconds): whole
 * hours or days between the first and the last, with the year in the
 * labels when the axis spans more than one.
 *
 * @public
 */
export function timeAxisTicks(
  times: readonly number[],
  maxTicks: number,
  options: { locale?: string } = {},
): ChartXTick[] {
  const known = times.filter(t => Number.isFinite(t));
  if (known.length === 0) return [];
  const { step, ticks } = timeTicks(
    Math.min(...known),
    Math.max(...known),
    maxTicks,
  );
  const withYear =
    ticks.length > 0 &&
    new Date(ticks[0]).getFullYear() !==
      new Date(ticks[ticks.length - 1]).getFullYear();
  return ticks.map(at => ({
    at,
    label: formatTimeTick(at, step, { withYear, locale: options.locale }),
  }));
}
