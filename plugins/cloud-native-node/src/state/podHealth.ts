import type {
  ContainerStatus,
  Pod,
} from '@cloud-native-platform/plugin-cloud-native-common';

/**
 * What a person needs to know about a pod at a glance.
 *
 * @public
 */
export type PodHealth =
  | 'ready'
  | 'restarting'
  | 'crash-looping'
  | 'pending'
  | 'failed'
  | 'succeeded'
  | 'not-ready';

/**
 * Pods of a workload counted by health.
 *
 * @public
 */
export interface PodHealthSummary {
  total: number;
  ready: number;
  restarting: number;
  crashLooping: number;
  pending: number;
  failed: number;
  /** Restarts of every container, summed. */
  restarts: number;
}

const NO_STATUSES: ContainerStatus[] = [];

/**
 * Calls `visit` for every init and app container status; stops when it
 * returns true. Plain loops, since this runs for every pod on every view.
 */
function someContainerStatus(
  pod: Pod,
  visit: (status: ContainerStatus) => boolean | void,
): boolean {
  for (const status of pod.status?.initContainerStatuses ?? NO_STATUSES) {
    if (visit(status)) return true;
  }
  for (const status of pod.status?.containerStatuses ?? NO_STATUSES) {
    if (visit(status)) return true;
  }
  return false;
}

/**
 * The health of one pod: crash-looping wins over restarting, which wins
 * over ready, so a pod that is up but keeps dying is not shown green.
 *
 * @public
 */
export function podHealth(pod: Pod): PodHealth {
  const phase = pod.status?.phase;
  if (phase === 'Failed') return 'failed';
  if (phase === 'Succeeded') return 'succeeded';
  let restarted = false;
  const crashLooping = someContainerStatus(pod, status => {
    if ((status.restartCount ?? 0) > 0) restarted = true;
    return status.state?.waiting?.reason === 'CrashLoopBackOff';
  });
  if (crashLooping) return 'crash-looping';
  if (phase === 'Pending' || !phase) return 'pending';
  const ready = (pod.status?.conditions ?? []).some(
    c => c.type === 'Ready' && c.status === 'True',
  );
  if (!ready) return 'not-ready';
  return restarted ? 'restarting' : 'ready';
}

/**
 * Counts pods by health.
 *
 * @public
 */
export function summarizePods(pods: Pod[]): PodHealthSummary {
  const summary: PodHealthSummary = {
    total: pods.length,
    ready: 0,
    restarting: 0,
    crashLooping: 0,
    pending: 0,
    failed: 0,
    restarts: 0,
  };
  for (const pod of pods) {
    const health = podHealth(pod);
    if (health === 'ready' || health === 'restarting') summary.ready++;
    if (health === 'restarting') summary.restarting++;
    if (health === 'crash-looping') summary.crashLooping++;
    if (health === 'pending') summary.pending++;
    if (health === 'failed') summary.failed++;
    someContainerStatus(pod, status => {
      summary.restarts += status.restartCount ?? 0;
    });
  }
  return summary;
}

/**
 * One word for a workload: healthy when every pod is ready, failing when
 * none is or some crash-loop, degraded in between.
 *
 * @public
 */
export function workloadHealth(
  summary: PodHealthSummary,
): 'healthy' | 'degraded' | 'failing' | 'idle' {
  if (summary.total === 0) return 'idle';
  if (
    summary.ready === 0 ||
    (summary.crashLooping > 0 && summary.ready < summary.total / 2)
  ) {
    return 'failing';
  }
  if (summary.ready < summary.total || summary.crashLooping > 0)
    return 'degraded';
  return 'healthy';
}
