// CONTRACT STUB: signatures fixed; implementation pending.
import { PostureException, PostureExceptionSource, ReportFinding } from './api';
import { CheckDefinition, Finding } from './types';

/**
 * The finding an exception leaves behind once its `expires` has passed.
 *
 * @public
 */
export const EXPIRED_EXCEPTION_CHECK: CheckDefinition = {
  id: 'posture-exception-expired',
  title: 'Posture exception expired',
  severity: 'low',
  category: 'workload-hardening',
  description:
    'An accepted risk has passed its expiry date and needs a new decision.',
  remediation:
    'Fix the findings it covered, or renew the exception with a new reason and expiry.',
  references: {},
};

/**
 * Reads the JSON array of the `cloud-native-platform.io/posture-exceptions`
 * annotation; entries that are not valid are returned as `errors` naming the
 * entry and the field, the valid ones as `exceptions`.
 *
 * @public
 */
export function parseExceptionsAnnotation(
  _value: string,
  _source: PostureExceptionSource,
): { exceptions: PostureException[]; errors: string[] } {
  throw new Error('not implemented');
}

/**
 * Marks the findings that a current exception accepts as `excepted`, and adds
 * one `posture-exception-expired` finding per expired exception that matched
 * a finding (those findings count again).
 *
 * @public
 */
export function applyExceptions(
  _findings: readonly Finding[],
  _exceptions: readonly PostureException[],
  _now: Date,
): ReportFinding[] {
  throw new Error('not implemented');
}
