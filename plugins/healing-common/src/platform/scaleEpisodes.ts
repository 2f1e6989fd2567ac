import {
  isScalable,
  type HorizontalPodAutoscaler,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { HealingStep } from '../api';
import { OwnedTarget } from './ClusterIndex';
import { isUnschedulable, pendingMessage } from './evictionEpisodes';
import {
  KubeObjectLike,
  conditionOf,
  describeObject,
  eventEnd,
  eventStart,
  timeOf,
} from './kube';
import {
  EpisodeContext,
  PlatformEpisode,
  duration,
  iso,
  latest,
} from './PlatformEpisode';

// How long after a rescale the workload controller's own scaling events
// still belong to it.
const FOLLOW_UP_MS = 10 * 60_000;

/**
 * HPA rescales: one episode per SuccessfulRescale event, healed when the
 * scaled workload has as many ready replicas as the HPA now wants.
 */
export function scaleEpisodes({
  index,
  now,
}: EpisodeContext): PlatformEpisode[] {
  const out: PlatformEpisode[] = [];
  for (const e of index.events) {
    if (
      e?.involvedObject?.kind !== 'HorizontalPodAutoscaler' ||
      e.reason !== 'SuccessfulRescale'
    )
      continue;
    const startedAt = eventStart(e);
    if (startedAt === undefined) continue;
    const { namespace, name } = e.involvedObject;
    if (!name) continue;
    const hpa = index.find('HorizontalPodAutoscaler', namespace, name);
    const ref = hpa?.spec?.scaleTargetRef;
    const workload = ref
      ? index.find(ref.kind, namespace, ref.name)
      : undefined;
    const target = scaleTarget(workload, ref, hpa, namespace, name);
    const message = e.message ?? '';
    const size = Number(/New size: (\d+)/.exec(message)?.[1]);
    const why = /reason: (.*)$/.exec(message)?.[1];
    const wanted: number | undefined =
      hpa?.status?.desiredReplicas ??
      (Number.isFinite(size) ? size : undefined);

    const followUps = index
      .eventsAbout(target.kind, namespace, target.name)
      .filter(f => f.reason === 'ScalingReplicaSet')
      .filter(f => {
        const at = eventStart(f) ?? -Infinity;
        return at >= startedAt - 5_000 && at <= startedAt + FOLLOW_UP_MS;
      });
    const pods = index.podsOf(target);
    const pending = pods.filter(isUnschedulable);
    const ready: number | undefined =
      (isScalable(workload) ? workload.status?.readyReplicas : undefined) ??
      (workload ? 0 : undefined);
    const healed =
      ready !== undefined && wanted !== undefined && ready >= wanted;
    const readyTimes = pods
      .map(p =>
        timeOf(
          conditionOf(p, 'Ready')?.status === 'True'
            ? conditionOf(p, 'Ready')?.lastTransitionTime
            : undefined,
        ),
      )
      .filter((t): t is number => t !== undefined && t >= startedAt);
    const resolvedAt = healed
      ? latest(...readyTimes) ?? latest(...followUps.map(eventEnd))
      : undefined;

    const workloadName = describeObject(target);
    let reason: string | undefined;
    let verification: string;
    if (healed) {
      verification = `${workloadName} has ${ready}/${wanted} replicas ready`;
    } else if (ready === undefined || wanted === undefined) {
      reason = `${workloadName} is not in the cluster state, so the rescale cannot be checked`;
      verification = reason;
    } else {
      reason = `${workloadName} has ${ready}/${wanted} replicas ready after ${duration(
        now - startedAt,
      )}`;
      if (pending.length) {
        reason += `; ${pending.length} ${
          pending.length === 1 ? 'pod' : 'pods'
        } Pending: ${pendingMessage(pending[0])}`;
      }
      verification = reason;
    }
    const steps: HealingStep[] = [
      {
        name: 'action',
        at: iso(startedAt),
        status: 'ok',
        summary: `horizontal-pod-autoscaler rescaled ${workloadName} to ${
          Number.isFinite(size) ? size : '?'
        } replicas${why ? ` (${why})` : ''}`,
        data: {
          autoscaler: describeObject({
            kind: 'HorizontalPodAutoscaler',
            namespace,
            name,
          }),
          newSize: Number.isFinite(size) ? size : undefined,
          minReplicas: hpa?.spec?.minReplicas,
          maxReplicas: hpa?.spec?.maxReplicas,
          controller: followUps.map(f => f.message),
        },
      },
      ...followUps.map(
        (f): HealingStep => ({
          name: 'action',
          at: iso(eventStart(f) ?? startedAt),
          status: 'ok',
          summary: `${f.source?.component ?? 'controller'}: ${
            f.message ?? f.reason
          }`,
        }),
      ),
      {
        name: 'verification',
        at: iso(resolvedAt ?? now),
        status: healed ? 'ok' : 'failed',
        summary: verification,
        data: {
          readyReplicas: ready,
          desiredReplicas: wanted,
          pendingPods: pending.map(p => p.metadata.name),
        },
      },
    ];
    out.push({
      identity: [
        'scale',
        hpa?.metadata.uid ?? e.involvedObject.uid ?? `${namespace}/${name}`,
        iso(startedAt),
      ],
      target,
      action: 'scale',
      healed,
      startedAt,
      resolvedAt,
      lastSeenAt:
        latest(
          startedAt,
          resolvedAt,
          eventEnd(e),
          ...followUps.map(eventEnd),
        ) ?? startedAt,
      reason,
      steps,
    });
  }
  return out;
}

// What the HPA scales; the HPA itself when its target is unknown.
function scaleTarget(
  workload: KubeObjectLike | undefined,
  ref: { kind: string; name: string } | undefined,
  hpa: HorizontalPodAutoscaler | undefined,
  namespace: string | undefined,
  name: string,
): OwnedTarget {
  if (workload) {
    return {
      kind: workload.kind,
      name: workload.metadata.name,
      namespace,
      object: workload,
    };
  }
  if (ref) return { kind: ref.kind, name: ref.name, namespace };
  return { kind: 'HorizontalPodAutoscaler', name, namespace, object: hpa };
}
