import type {
  HealingAttempt,
  HealingTarget,
} from '@cloud-native-platform/plugin-healing-common';

/** A duration in seconds as `94 s`, `6 min 48 s` or `2 h 5 min`. */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) {
    return '—';
  }
  const total = Math.round(seconds);
  if (total < 60) {
    return `${total} s`;
  }
  if (total < 3600) {
    const s = total % 60;
    return s ? `${Math.floor(total / 60)} min ${s} s` : `${total / 60} min`;
  }
  const min = Math.floor((total % 3600) / 60);
  return min
    ? `${Math.floor(total / 3600)} h ${min} min`
    : `${Math.floor(total / 3600)} h`;
}

/** A ratio 0–1 as a whole percentage, or a dash when unknown. */
export function formatPercent(ratio: number | undefined): string {
  return ratio === undefined || !Number.isFinite(ratio)
    ? '—'
    : `${Math.round(ratio * 100)} %`;
}

/** A calibrated confidence with two decimals, as policies state thresholds. */
export function formatConfidence(confidence: number | undefined): string {
  return confidence === undefined ? '—' : confidence.toFixed(2);
}

/** Date and time in the user's locale, to the second. */
export function formatDateTime(iso: string | undefined): string {
  if (!iso) {
    return '—';
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
}

/** A bucket's day, short. */
export function formatDay(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

/** `Deployment trading/risk-service`, or `Node prod-east-a-node-3`. */
export function describeTarget(target: HealingTarget): string {
  return `${target.kind} ${target.namespace ? `${target.namespace}/` : ''}${
    target.name
  }`;
}

/** What an attempt did or would do, in a few words, for lists and dialogs. */
export function describeAttempt(attempt: HealingAttempt): string {
  return `${attempt.action ?? 'no action'} of ${describeTarget(
    attempt.target,
  )} in ${attempt.cluster}`;
}
