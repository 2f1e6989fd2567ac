import type { DrStatus } from '../../api';
import { healthColors } from '../../lib/health';

/** The checks a DR copy must pass (keys of `checks`), in table order. */
export type DrCheck = 'image' | 'replicas' | 'capacity' | 'health';

export const drChecks: DrCheck[] = ['image', 'replicas', 'capacity', 'health'];

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
