import type {
  HealingAttempt,
  HealingAttemptStatus,
} from '@cloud-native-platform/plugin-healing-common';
import { ATTEMPT_STATUSES } from './attemptFilter';

/** Attempts per status, in the order of an attempt's life, zeros left out. */
export function countByStatus(
  attempts: readonly HealingAttempt[],
): Array<{ status: HealingAttemptStatus; count: number }> {
  const counts = new Map<HealingAttemptStatus, number>();
  for (const a of attempts) {
    counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  }
  return ATTEMPT_STATUSES.filter(s => counts.has(s)).map(status => ({
    status,
    count: counts.get(status)!,
  }));
}
