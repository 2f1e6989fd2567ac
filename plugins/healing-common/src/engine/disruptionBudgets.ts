import type { Pod } from '@cloud-native-platform/plugin-cloud-native-common';
import { selectorMatches } from './labelSelector';
import { ClusterObjectsView, ClusterObject } from './objects';

/**
 * A PodDisruptionBudget reduced to what the safety rails need: how many of
 * its pods may go away now.
 *
 * @public
 */
export interface DisruptionBudgetState {
  name: string;
  /** Pods that may be disrupted now (never negative). */
  allowed: number;
}

/**
 * Whether a pod counts as healthy for a budget: Running and Ready.
 *
 * @public
 */
export function isPodReady(pod: Pod): boolean {
  if (pod.status?.phase !== 'Running') return false;
  const ready = (pod.status?.conditions ?? []).find(c => c?.type === 'Ready');
  return ready?.status === 'True';
}

function resolveCount(value: unknown, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  const match = /^(\d+)%$/.exec(String(value ?? ''));
  if (!match) return Number(value) || 0;
  const exact = (Number(match[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/**
 * The budgets of the PDBs that select any of `pods`, computed from the
 * pods themselves as the disruption controller does (healthy minus the
 * desired healthy count), and never above the controller's own
 * `status.disruptionsAllowed` when the object carries one.
 *
 * @public
 */
export function disruptionBudgetsFor(
  view: ClusterObjectsView,
  pods: readonly ClusterObject[],
): DisruptionBudgetState[] {
  const namespace = pods[0]?.metadata.namespace;
  if (namespace === undefined) return [];
  const out: DisruptionBudgetState[] = [];
  for (const pdb of view.list('PodDisruptionBudget', { namespace })) {
    const selector = pdb.spec?.selector;
    if (!pods.some(p => selectorMatches(selector, p.metadata.labels))) continue;
    const covered = view
      .list('Pod', { namespace })
      .filter(p => selectorMatches(selector, p.metadata.labels));
    const expected = covered.length;
    const healthy = covered.filter(isPodReady).length;
    let desiredHealthy: number;
    if (pdb.spec?.minAvailable !== undefined) {
      desiredHealthy = resolveCount(pdb.spec.minAvailable, expected, true);
    } else if (pdb.spec?.maxUnavailable !== undefined) {
      desiredHealthy =
        expected - resolveCount(pdb.spec.maxUnavailable, expected, true);
    } else {
      continue;
    }
    let allowed = Math.max(0, healthy - desiredHealthy);
    const reported = pdb.status?.disruptionsAllowed;
    if (typeof reported === 'number') allowed = Math.min(allowed, reported);
    out.push({ name: pdb.metadata.name, allowed });
  }
  return out;
}
