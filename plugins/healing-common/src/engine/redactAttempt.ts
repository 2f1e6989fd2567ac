import {
  redactStrings,
  redactText,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { HealingAttempt } from '../api';

/**
 * A copy of an attempt with every credential in it redacted: its reason,
 * step summaries and data (which quote errors of clusters and Prometheus),
 * its alert's labels and annotations, and its change's description and
 * diff, also a diff stored whole before diffs were reduced and redacted.
 * Applied before an attempt is stored and again when it is served.
 *
 * @public
 */
export function redactAttempt<T extends HealingAttempt>(attempt: T): T {
  return redactStrings(attempt);
}

/**
 * An error's message, redacted, for a step summary or a reason.
 *
 * @public
 */
export function redactedMessage(error: unknown): string {
  return redactText(error instanceof Error ? error.message : String(error));
}
