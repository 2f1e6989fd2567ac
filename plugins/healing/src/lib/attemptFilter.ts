import type {
  HealingActionType,
  HealingAttemptKind,
  HealingAttemptStatus,
  HealingMode,
} from '@cloud-native-platform/plugin-healing-common';
import type { HealingAttemptQuery } from '../api';

/** Statuses in the order of an attempt's life, as filters offer them. */
export const ATTEMPT_STATUSES: HealingAttemptStatus[] = [
  'unmatched',
  'observed',
  'planned',
  'pending-approval',
  'approved',
  'rejected',
  'expired',
  'refused',
  'applied',
  'succeeded',
  'failed',
  'inconclusive',
  'healed',
];

/** Modes from the most cautious to the boldest. */
export const HEALING_MODES: HealingMode[] = [
  'observe',
  'dry-run',
  'approval',
  'enforce',
];

/** Every action the engine knows. */
export const HEALING_ACTIONS: HealingActionType[] = [
  'restart',
  'scale',
  'traffic-shift',
  'rollback',
  'evict',
  'rollout-abort',
  'rollout-undo',
];

/** Engine attempts and the platform's own healing. */
export const ATTEMPT_KINDS: HealingAttemptKind[] = ['remediation', 'platform'];

/** The filters of the history, as they appear in the page's URL. */
export type AttemptFilter = Pick<
  HealingAttemptQuery,
  'cluster' | 'namespace' | 'entityRef' | 'action' | 'status' | 'mode' | 'kind'
>;

/** URL keys of the filters, in the order they are shown. */
export const FILTER_KEYS: Array<keyof AttemptFilter> = [
  'cluster',
  'namespace',
  'entityRef',
  'action',
  'status',
  'mode',
  'kind',
];

const ALLOWED: Partial<Record<keyof AttemptFilter, readonly string[]>> = {
  action: HEALING_ACTIONS,
  status: ATTEMPT_STATUSES,
  mode: HEALING_MODES,
  kind: ATTEMPT_KINDS,
};

/**
 * The filters a URL names. Unknown values of the enumerated filters are
 * dropped rather than sent, so a stale link shows everything, not nothing.
 */
export function parseAttemptFilter(params: URLSearchParams): AttemptFilter {
  const filter: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value && (!ALLOWED[key] || ALLOWED[key]!.includes(value))) {
      filter[key] = value;
    }
  }
  // Namespaces are named per cluster; the backend refuses one alone.
  if (!filter.cluster) {
    delete filter.namespace;
  }
  return filter as AttemptFilter;
}

/** The URL params of a filter change applied to the current ones. */
export function applyFilterChange(
  params: URLSearchParams,
  change: Partial<AttemptFilter>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  if ('cluster' in change && !change.cluster) {
    next.delete('namespace');
  }
  for (const key of FILTER_KEYS) {
    if (key in change) {
      const value = change[key];
      if (value) {
        next.set(key, value);
      } else {
        next.delete(key);
      }
    }
  }
  return next;
}
