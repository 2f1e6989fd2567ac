import type { Pod } from '@cloud-native-platform/plugin-cloud-native-common';
import { ClusterIndex, OwnedTarget } from './ClusterIndex';
import {
  KubeEventLike,
  conditionOf,
  describeObject,
  eventEnd,
  eventStart,
  isPodReady,
  timeOf,
} from './kube';
import {
  EpisodeContext,
  PlatformEpisode,
  duration,
  earliest,
  iso,
  latest,
} from './PlatformEpisode';

const EVICTION_REASONS = new Set([
  'Evicted',
  'TaintManagerEviction',
  'Preempted',
]);

/**
 * Evicted pods: one episode per pod, healed once its controller has a
 * newer pod ready, preferably on another node.
 */
export function evictionEpisodes({
  index,
  now,
}: EpisodeContext): PlatformEpisode[] {
  const byPod = new Map<
    string,
    { namespace?: string; name: string; events: KubeEventLike[] }
  >();
  const add = (
    namespace: string | undefined,
    name: string,
    e?: KubeEventLike,
  ) => {
    const key = `${namespace ?? ''}/${name}`;
    const entry = byPod.get(key) ?? { namespace, name, events: [] };
    if (e) entry.events.push(e);
    byPod.set(key, entry);
  };
  for (const e of index.events) {
    if (
      e?.involvedObject?.kind === 'Pod' &&
      EVICTION_REASONS.has(e.reason ?? '')
    ) {
      add(e.involvedObject.namespace, e.involvedObject.name!, e);
    }
  }
  for (const pod of index.ofKind('Pod')) {
    if (pod.status?.reason === 'Evicted')
      add(pod.metadata.namespace, pod.metadata.name);
  }

  const out: PlatformEpisode[] = [];
  for (const { namespace, name, events } of byPod.values()) {
    const pod = index.find('Pod', namespace, name);
    const startedAt =
      earliest(...events.map(eventStart)) ??
      latest(
        ...(pod?.status?.conditions ?? []).map(c =>
          timeOf(c?.lastTransitionTime),
        ),
      );
    if (startedAt === undefined) continue;
    const first = events[0];
    const node: string | undefined = pod?.spec?.nodeName ?? first?.source?.host;
    const target = index.ownerOfPodNamed(namespace, name);
    const by =
      first?.source?.component ?? first?.reportingComponent ?? 'kubelet';
    const why = first?.message ?? pod?.status?.message ?? 'evicted';
    const { replacement, pending } = replacementOf(
      index,
      target,
      name,
      node,
      startedAt,
    );
    const healed = replacement !== undefined;
    const resolvedAt = replacement
      ? timeOf(conditionOf(replacement, 'Ready')?.lastTransitionTime) ??
        timeOf(replacement.metadata.creationTimestamp)
      : undefined;
    const podRef = describeObject({ kind: 'pod', namespace, name });
    let reason: string | undefined;
    let verification: string;
    if (replacement) {
      verification = `${target.kind} controller replaced it with pod ${
        replacement.metadata.name
      }, ready on ${replacement.spec?.nodeName ?? 'a node'}`;
    } else if (target.kind === 'Pod') {
      reason = `pod ${name} had no controller to replace it`;
      verification = reason;
    } else {
      reason = pending.length
        ? `${pending.length} replacement ${
            pending.length === 1 ? 'pod' : 'pods'
          } Pending after ${duration(now - startedAt)}: ${pendingMessage(
            pending[0],
          )}`
        : `no ready replacement for pod ${name} after ${duration(
            now - startedAt,
          )}`;
      verification = reason;
    }
    out.push({
      identity: [
        'evict',
        pod?.metadata.uid ?? first?.involvedObject.uid ?? podRef,
        iso(startedAt),
      ],
      target,
      action: 'evict',
      healed,
      startedAt,
      resolvedAt:
        resolvedAt !== undefined && resolvedAt >= startedAt
          ? resolvedAt
          : undefined,
      lastSeenAt:
        latest(startedAt, resolvedAt, ...events.map(eventEnd)) ?? startedAt,
      reason,
      steps: [
        {
          name: 'action',
          at: iso(startedAt),
          status: 'ok',
          summary: `${by} evicted pod ${name}${
            node ? ` from node ${node}` : ''
          } (${why})`,
          data: { pod: podRef, node, reason: first?.reason ?? 'Evicted' },
        },
        {
          name: 'verification',
          at: iso(resolvedAt ?? now),
          status: healed ? 'ok' : 'failed',
          summary: verification,
        },
      ],
    });
  }
  return out;
}

/**
 * A ready pod of the same workload created since the eviction; one on
 * another node is preferred, since the old node may be what failed.
 */
export function replacementOf(
  index: ClusterIndex,
  target: OwnedTarget,
  podName: string,
  node: string | undefined,
  since: number,
): { replacement?: Pod; pending: Pod[] } {
  if (target.kind === 'Pod') return { pending: [] };
  const newer = index
    .podsOf(target)
    .filter(p => p.metadata.name !== podName)
    .filter(p => (timeOf(p.metadata.creationTimestamp) ?? -Infinity) >= since);
  const ready = newer.filter(
    p => isPodReady(p) && p.status?.reason !== 'Evicted',
  );
  const replacement =
    ready.find(p => !node || p.spec?.nodeName !== node) ?? ready[0];
  return { replacement, pending: newer.filter(isUnschedulable) };
}

/** True for a pod the scheduler could not place. */
export function isUnschedulable(pod: Pod): boolean {
  const scheduled = conditionOf(pod, 'PodScheduled');
  return pod.status?.phase === 'Pending' && scheduled?.status === 'False';
}

/** The scheduler's explanation, as on the pod's PodScheduled condition. */
export function pendingMessage(pod: Pod): string {
  const scheduled = conditionOf(pod, 'PodScheduled');
  // The preemption half repeats the first for a user reading the history.
  const message = scheduled?.message?.replace(/\s*preemption:.*$/s, '');
  return message || scheduled?.reason || 'not scheduled';
}
