import type { HealingAttempt } from '@cloud-native-platform/plugin-healing-common';

/** How far before and after the alert's start the logs are read. */
export const ALERT_LOG_MARGIN_MS = 5 * 60_000;

/**
 * The time window of the logs around an attempt's alert: five minutes
 * either side of the alert's start, or of the attempt's creation when no
 * alert was recorded, as RFC 3339 times.
 */
export function alertLogWindow(attempt: HealingAttempt): {
  start: string;
  end: string;
} {
  const at = Date.parse(attempt.alert?.startsAt ?? attempt.createdAt);
  return {
    start: new Date(at - ALERT_LOG_MARGIN_MS).toISOString(),
    end: new Date(at + ALERT_LOG_MARGIN_MS).toISOString(),
  };
}
