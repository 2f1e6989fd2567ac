import type { DrStatus, DrWorkloadReadiness } from '../../api';
import { healthColors } from '../../lib/health';

/** The checks a DR copy must pass, in the order the table shows them. */
export type DrCheck = 'image' | 'replicas' | 'capacity' | 'health';

export const drChecks: DrCheck[] = ['image', 'replicas', 'capacity', 'health'];

// The backend reports failed checks only as sentences; these patterns follow
// the wording of cloud-native-node's assessDrReadiness.
const patterns: Record<DrCheck, RegExp> = {
  image: /^container |points at different digests/,
  replicas: /replica\(s\) where/,
  capacity: /lacks CPU to scale up/,
  health: /^the copy in /,
};

/** The findings of one workload that belong to a check. */
export function findingsOf(
  workload: DrWorkloadReadiness,
  check: DrCheck,
): string[] {
  return workload.findings.filter(f => patterns[check].test(f));
}

export const drStatusColors: Record<DrStatus, string> = {
  ready: healthColors.healthy,
  'at-risk': healthColors.degraded,
  'not-ready': healthColors.failing,
  'not-applicable': healthColors.idle,
};

export const drStatusText: Record<DrStatus, string> = {
  ready: 'Every production workload can fail over.',
  'at-risk':
    'A DR copy exists for every production workload, but some would not carry the load as it is.',
  'not-ready': 'At least one production workload has no copy in a DR cluster.',
  'not-applicable': 'This entity runs no workload in a production cluster.',
};
