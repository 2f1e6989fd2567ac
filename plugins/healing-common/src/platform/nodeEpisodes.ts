import {
  KubeEventLike,
  conditionOf,
  eventEnd,
  eventStart,
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

/**
 * Nodes that went NotReady: healed when the node is Ready again, or when
 * its workload pods were evicted and none is left bound to it.
 */
export function nodeEpisodes({
  index,
  now,
}: EpisodeContext): PlatformEpisode[] {
  const names = new Set<string>();
  for (const e of index.events) {
    if (
      e?.involvedObject?.kind === 'Node' &&
      e.involvedObject.name &&
      e.reason === 'NodeNotReady'
    ) {
      names.add(e.involvedObject.name);
    }
  }
  for (const node of index.ofKind('Node')) {
    const ready = conditionOf(node, 'Ready');
    if (ready && ready.status !== 'True') names.add(node.metadata.name);
  }

  const out: PlatformEpisode[] = [];
  for (const name of [...names].sort()) {
    const node = index.find('Node', undefined, name);
    const events = index.eventsAbout('Node', undefined, name);
    const notReady = events.filter(e => e.reason === 'NodeNotReady');
    const ready = conditionOf(node, 'Ready');
    const isReady = ready?.status === 'True';
    const transition = timeOf(ready?.lastTransitionTime);
    const startedAt =
      earliest(...notReady.map(eventStart)) ??
      (isReady ? undefined : transition);
    if (startedAt === undefined) continue;

    const pods = index
      .ofKind('Pod')
      .filter(
        p =>
          p.spec?.nodeName === name &&
          p.status?.phase !== 'Succeeded' &&
          p.status?.phase !== 'Failed',
      );
    // DaemonSet pods belong to their node and are never rescheduled.
    const pinned = pods.filter(p => index.ownerOf(p).kind === 'DaemonSet');
    const stuck = pods.filter(p => !pinned.includes(p));
    const evictions = index.events.filter(
      e =>
        e?.involvedObject?.kind === 'Pod' &&
        e.reason === 'TaintManagerEviction' &&
        (eventStart(e) ?? -Infinity) >= startedAt,
    );
    const markedPods = index.events.filter(
      e =>
        e?.involvedObject?.kind === 'Pod' &&
        e.reason === 'NodeNotReady' &&
        index.find('Pod', e.involvedObject.namespace, e.involvedObject.name)
          ?.spec?.nodeName === name,
    );
    const recoveredAt =
      isReady && transition !== undefined && transition >= startedAt
        ? transition
        : undefined;
    const rescheduled = !isReady && evictions.length > 0 && stuck.length === 0;
    const healed = isReady || rescheduled;
    const resolvedAt =
      recoveredAt ??
      (rescheduled ? latest(...evictions.map(eventEnd)) : undefined);

    const cause = ready?.message ?? notReady[0]?.message ?? 'NotReady';
    const taints: string[] = (node?.spec?.taints ?? [])
      .map(t => `${t.key}:${t.effect}`)
      .filter(t => t.startsWith('node.kubernetes.io/'));
    let verification: string;
    let reason: string | undefined;
    if (isReady) {
      verification = `node ${name} is Ready again`;
    } else if (rescheduled) {
      verification = `${evictions.length} ${
        evictions.length === 1 ? 'pod' : 'pods'
      } evicted from node ${name}; none left bound to it`;
    } else {
      const parts = [
        `node ${name} still NotReady after ${duration(now - startedAt)}`,
      ];
      if (stuck.length)
        parts.push(
          `${stuck.length} workload ${
            stuck.length === 1 ? 'pod' : 'pods'
          } still bound to it (${names3(stuck.map(p => p.metadata.name))})`,
        );
      if (pinned.length)
        parts.push(
          `${pinned.length} DaemonSet ${
            pinned.length === 1 ? 'pod' : 'pods'
          } stay on it (${names3(pinned.map(p => p.metadata.name))})`,
        );
      reason = parts.join('; ');
      verification = reason;
    }
    out.push({
      identity: [
        'node-not-ready',
        node?.metadata.uid ?? notReady[0]?.involvedObject.uid ?? name,
        iso(startedAt),
      ],
      target: { kind: 'Node', name, object: node },
      action: 'evict',
      healed,
      startedAt,
      resolvedAt,
      lastSeenAt:
        latest(
          startedAt,
          resolvedAt,
          ...events.map(eventEnd),
          ...markedPods.map(eventEnd),
        ) ?? startedAt,
      reason,
      steps: [
        {
          name: 'action',
          at: iso(startedAt),
          status: 'ok',
          summary: `node-controller marked node ${name} NotReady (${cause})${
            taints.length ? `, tainted ${taints.join(', ')}` : ''
          }${
            markedPods.length
              ? ` and ${markedPods.length} ${
                  markedPods.length === 1 ? 'pod' : 'pods'
                } not ready`
              : ''
          }`,
          data: {
            node: name,
            taints,
            podsMarkedNotReady: markedPods.map(e => podRef(e)),
            evictedPods: evictions.map(e => podRef(e)),
          },
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

function podRef(e: KubeEventLike): string {
  return `${e.involvedObject.namespace ?? ''}/${e.involvedObject.name}`;
}

function names3(names: string[]): string {
  return names.length > 3
    ? `${names.slice(0, 3).join(', ')}, …`
    : names.join(', ');
}
