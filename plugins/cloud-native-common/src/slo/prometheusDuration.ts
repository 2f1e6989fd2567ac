import { sumDurationParts } from '../duration';

const UNIT_SECONDS: Record<string, number> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3_600,
  d: 86_400,
  w: 604_800,
  y: 31_536_000,
};

/**
 * Parses a Prometheus duration such as `5m`, `30d`, `4w` or `1h30m` into
 * seconds; returns undefined when the text is not one (or is zero).
 *
 * @public
 */
export function parsePrometheusDuration(text: string): number | undefined {
  const total = sumDurationParts(text, UNIT_SECONDS, /(\d+)(ms|s|m|h|d|w|y)/gy);
  return total !== undefined && total > 0 ? total : undefined;
}
