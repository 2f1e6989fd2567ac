import { ChartBox, ChartDomain, niceCeiling } from './chartGeometry';

/**
 * Room kept around a chart's plot for its axis labels.
 *
 * @public
 */
export interface ChartMargin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

const DEFAULT_MARGIN: ChartMargin = { top: 8, right: 8, bottom: 20, left: 40 };

/** The box of a chart from its optional size and margin. */
export function chartBox(options: {
  width?: number;
  height?: number;
  margin?: Partial<ChartMargin>;
}): ChartBox {
  const margin = { ...DEFAULT_MARGIN, ...options.margin };
  return {
    width: options.width ?? 480,
    height: options.height ?? 140,
    ...margin,
  };
}

/** The given domain, or 0 to a round number above the largest value. */
export function domainOf(
  values: readonly number[],
  domain: ChartDomain | undefined,
): ChartDomain {
  return domain ?? [0, niceCeiling(Math.max(0, ...values))];
}

/** The given ticks, or the bottom, middle and top of the domain. */
export function ticksOf(
  domain: ChartDomain,
  ticks: readonly number[] | undefined,
): readonly number[] {
  return ticks ?? [domain[0], (domain[0] + domain[1]) / 2, domain[1]];
}

/** A time given as milliseconds or as an ISO string, in milliseconds. */
export function timeOf(time: number | string | undefined): number {
  if (typeof time === 'number') return time;
  return time === undefined ? Number.NaN : Date.parse(time);
}
