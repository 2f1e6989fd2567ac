import type {
  HealingAttempt,
  HealingMode,
  HealingStep,
} from '@cloud-native-platform/plugin-healing-common';

/** A leaf of a step's data, as shown in a key–value list. */
export interface DataEntry {
  key: string;
  value: string | number | boolean | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A step's free-form data as dotted keys and printable leaves, so that any
 * figures the backend records can be shown, even ones this view does not know.
 */
export function flattenData(data: unknown, prefix = ''): DataEntry[] {
  if (Array.isArray(data)) {
    if (data.every(v => !isRecord(v) && !Array.isArray(v))) {
      return [{ key: prefix || 'value', value: data.join(', ') }];
    }
    return data.flatMap((v, i) =>
      flattenData(v, prefix ? `${prefix}.${i}` : String(i)),
    );
  }
  if (isRecord(data)) {
    return Object.entries(data).flatMap(([k, v]) =>
      flattenData(v, prefix ? `${prefix}.${k}` : k),
    );
  }
  if (data === undefined) {
    return [];
  }
  if (
    data === null ||
    typeof data === 'string' ||
    typeof data === 'number' ||
    typeof data === 'boolean'
  ) {
    return [{ key: prefix || 'value', value: data }];
  }
  return [{ key: prefix || 'value', value: String(data) }];
}

function numberEntries(value: unknown): Array<[string, number]> | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  const entries = Object.entries(value);
  return entries.length > 0 && entries.every(([, v]) => typeof v === 'number')
    ? (entries as Array<[string, number]>)
    : undefined;
}

/** Feature values of a `features` step: `data.features`, or `data` itself. */
export function stepFeatures(
  step: HealingStep,
): Array<[string, number]> | undefined {
  return isRecord(step.data)
    ? numberEntries(step.data.features) ?? numberEntries(step.data)
    : undefined;
}

/** Anomaly scores of a `detection` step, by detector. */
export function stepScores(
  step: HealingStep,
): Array<[string, number]> | undefined {
  return isRecord(step.data) ? numberEntries(step.data.scores) : undefined;
}

/** What decided an attempt and on what figures. */
export interface DecisionSummary {
  policy?: string;
  mode: HealingMode;
  threshold?: number;
  confidence?: number;
  /** The safety rail that refused the attempt, when one did. */
  rail?: string;
}

const numberOr = (value: unknown) =>
  typeof value === 'number' ? value : undefined;
const stringOr = (value: unknown) =>
  typeof value === 'string' && value !== '' ? value : undefined;

/**
 * The decision of an attempt: the attempt's own fields, completed by the
 * figures its `decision` step recorded (the threshold lives only there).
 */
export function decisionOf(attempt: HealingAttempt): DecisionSummary {
  const step = attempt.steps.find(s => s.name === 'decision');
  const data = isRecord(step?.data) ? step!.data : {};
  return {
    policy: attempt.policy ?? stringOr(data.policy),
    mode: attempt.mode,
    threshold: numberOr(data.threshold),
    confidence: attempt.confidence ?? numberOr(data.confidence),
    rail: stringOr(data.rail),
  };
}
