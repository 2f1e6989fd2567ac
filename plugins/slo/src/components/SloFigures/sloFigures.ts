import type {
  SloBurnRates,
  SloBurnWindow,
  SloStatus,
} from '@cloud-native-platform/plugin-slo-common';
import {
  StatusColorName,
  statusColors,
} from '@cloud-native-platform/plugin-cloud-native-react';

// A no-break space keeps a figure and its unit on one line.
const NBSP = '\u00a0';

/** Shown with a refusal: the permission the backend checks. */
export const SLO_FORBIDDEN_HINT =
  'Ask the platform team for the slo.read permission.';

/** The burn-rate windows, shortest first, as the tables show them. */
export const BURN_WINDOWS: readonly SloBurnWindow[] = ['5m', '1h', '6h', '3d'];

/** `99.99 %` for 0.9999: as many decimals as the objective has, at most 3. */
export function formatObjective(objective: number): string {
  return `${Number((objective * 100).toFixed(3))}${NBSP}%`;
}

/** `42.3 %` for 0.423 and `-12.5 %` for an overspent budget; `–` without data. */
export function formatBudget(remaining: number | null): string {
  return remaining === null
    ? '–'
    : `${Number((remaining * 100).toFixed(1))}${NBSP}%`;
}

/** A share of requests (0–1) in percent with up to 3 significant digits: `0.0123 %`. */
export function formatRatio(ratio: number | null): string {
  if (ratio === null) return '–';
  const percent = ratio * 100;
  return `${percent === 0 ? 0 : Number(percent.toPrecision(3))}${NBSP}%`;
}

/** `15.2×`, `0.42×`; `–` where the window had no events. */
export function formatBurnRate(rate: number | null): string {
  if (rate === null) return '–';
  return `${rate.toFixed(rate >= 10 ? 1 : 2)}×`;
}

/** `82 ms`, `1.25 s`; `–` without data. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '–';
  return seconds < 1
    ? `${Number((seconds * 1000).toPrecision(3))}${NBSP}ms`
    : `${Number(seconds.toPrecision(3))}${NBSP}s`;
}

/** `p99` for 0.99, `p99.9` for 0.999. */
export function formatQuantile(quantile: number): string {
  return `p${Number((quantile * 100).toFixed(2))}`;
}

/**
 * How alarming a burn rate is, by the multi-window burn-rate alerts of the
 * SRE workbook for a 30-day budget: 14.4 spends 2 % of it in an hour (the
 * fast page), 6 spends 5 % in six hours (the slow page), and above 1 the
 * budget runs out before the window ends (the ticket).
 */
export type BurnLevel = 'fast' | 'slow' | 'over';

/** Each level's lower bound and what it means, most alarming first. */
export const BURN_THRESHOLDS: ReadonlyArray<{
  level: BurnLevel;
  min: number;
  meaning: string;
}> = [
  { level: 'fast', min: 14.4, meaning: 'fast burn, at or above 14.4' },
  { level: 'slow', min: 6, meaning: 'slow burn, at or above 6' },
  {
    level: 'over',
    min: 1,
    meaning: 'spending faster than the budget, at or above 1',
  },
];

/** The level of a burn rate, undefined below 1 or without data. */
export function burnLevel(
  rate: number | null,
): (typeof BURN_THRESHOLDS)[number] | undefined {
  return rate === null ? undefined : BURN_THRESHOLDS.find(t => rate >= t.min);
}

/** The fastest burn of an SLO over any window, with that window. */
export function worstBurn(
  burnRates: SloBurnRates,
): { window: SloBurnWindow; rate: number } | undefined {
  let worst: { window: SloBurnWindow; rate: number } | undefined;
  for (const window of BURN_WINDOWS) {
    const rate = burnRates[window];
    if (rate !== null && (!worst || rate > worst.rate)) {
      worst = { window, rate };
    }
  }
  return worst;
}

const STATUS_LOOK: Record<
  SloStatus,
  { label: string; color: StatusColorName }
> = {
  ok: { label: 'ok', color: 'healthy' },
  burning: { label: 'burning', color: 'degraded' },
  exhausted: { label: 'exhausted', color: 'failing' },
  'no-data': { label: 'no data', color: 'unknown' },
};

/** How a status reads and its colour. */
export function statusLook(status: SloStatus): {
  label: string;
  color: string;
} {
  const look = STATUS_LOOK[status];
  return { label: look.label, color: statusColors[look.color] };
}

/** Statuses from the most to the least alarming. */
export const STATUS_ORDER: readonly SloStatus[] = [
  'exhausted',
  'burning',
  'no-data',
  'ok',
];
