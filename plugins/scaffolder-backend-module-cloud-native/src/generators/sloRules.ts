/**
 * Service level objectives turned into Prometheus rules: one recording rule
 * per objective and window for the error ratio, and the multi-window,
 * multi-burn-rate alerts of the Google SRE workbook ("Alerting on SLOs").
 */

/** One objective: the share of good events over the 30-day SLO period. */
export interface Objective {
  /** `availability` or `latency`; a label of every rule. */
  slo: 'availability' | 'latency';
  /** Target in percent, such as 99.9. */
  target: number;
  /** PromQL of the bad-event ratio over a window, `[$window]` left to fill. */
  errorRatio(window: string): string;
}

/** One pair of windows: alert when both burn the budget `factor` times too fast. */
export interface BurnWindow {
  long: string;
  short: string;
  factor: number;
  severity: 'page' | 'ticket';
}

/**
 * The workbook's windows: 2% of a 30-day budget in an hour (14.4×) or 5% in
 * six hours (6×) pages; 10% in a day (3×) or the whole budget over three days
 * (1×) opens a ticket. The short window (1/12 of the long one) stops the
 * alert soon after the burning stops.
 */
export const BURN_WINDOWS: readonly BurnWindow[] = [
  { long: '1h', short: '5m', factor: 14.4, severity: 'page' },
  { long: '6h', short: '30m', factor: 6, severity: 'page' },
  { long: '1d', short: '2h', factor: 3, severity: 'ticket' },
  { long: '3d', short: '6h', factor: 1, severity: 'ticket' },
];

/** The SLO period the budget is counted over. */
export const SLO_PERIOD = '30d';

/** Every window a ratio is recorded for, shortest first. */
export const RECORDED_WINDOWS: readonly string[] = [
  '5m',
  '30m',
  '1h',
  '2h',
  '6h',
  '1d',
  '3d',
  SLO_PERIOD,
];

/**
 * The error budget of a target: 99.9 gives 0.001. Rounded, since
 * `(100 - 99.9) / 100` is 0.0009999999999999432 in binary floating point.
 */
export function errorBudget(target: number): number {
  return Number(((100 - target) / 100).toFixed(12));
}

/** Name of the recording rule of the error ratio over a window. */
export function ratioRecord(window: string): string {
  return `slo:sli_error:ratio_rate${window}`;
}

/** A rule of a PrometheusRule group. */
export interface Rule {
  record?: string;
  alert?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

function selector(labels: Record<string, string>): string {
  return `{${Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .join(',')}}`;
}

/** Recording rules: the error ratio of the objective over every window. */
export function recordingRules(service: string, objective: Objective): Rule[] {
  const labels = { service, slo: objective.slo };
  return [
    ...RECORDED_WINDOWS.map(window => ({
      record: ratioRecord(window),
      expr: objective.errorRatio(window),
      labels,
    })),
    {
      record: 'slo:objective:ratio',
      expr: `vector(${objective.target / 100})`,
      labels,
    },
    {
      record: 'slo:error_budget_remaining:ratio',
      expr: `1 - (${ratioRecord(SLO_PERIOD)}${selector(labels)} / ${errorBudget(
        objective.target,
      )})`,
      labels,
    },
  ];
}

/** Alerting rules: one per severity, each an OR of its window pairs. */
export function burnRateAlerts(
  service: string,
  alertPrefix: string,
  objective: Objective,
  runbookUrl?: string,
): Rule[] {
  const labels = { service, slo: objective.slo };
  const budget = errorBudget(objective.target);
  const condition = (w: BurnWindow) =>
    `(${ratioRecord(w.long)}${selector(labels)} > (${
      w.factor
    } * ${budget}))\n` +
    `and\n` +
    `(${ratioRecord(w.short)}${selector(labels)} > (${w.factor} * ${budget}))`;
  return (['page', 'ticket'] as const).map(severity => {
    const windows = BURN_WINDOWS.filter(w => w.severity === severity);
    return {
      alert: `${alertPrefix}${capitalise(objective.slo)}BudgetBurn${capitalise(
        severity,
      )}`,
      expr: windows.map(w => `(\n${condition(w)}\n)`).join('\nor\n'),
      labels: { ...labels, severity },
      annotations: {
        summary: `${service} is burning its ${objective.slo} error budget ${
          severity === 'page' ? 'fast' : 'steadily'
        }`,
        description: `${service} ${objective.slo} SLO ${
          objective.target
        }% over ${SLO_PERIOD}: the error ratio exceeds ${windows
          .map(w => `${w.factor}x the budget over ${w.long} and ${w.short}`)
          .join(', or ')}.`,
        ...(runbookUrl && { runbook_url: runbookUrl }),
      },
    };
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
