import type {
  ContainerStatus,
  Pod,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { HealingStep } from '../api';
import {
  KubeEventLike,
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
  earliest,
  iso,
  latest,
} from './PlatformEpisode';

// Events that belong to a container's restart story; plain `Killing` is
// also what a rollout does, so only the liveness kind counts.
function isRestartEvent(e: KubeEventLike): boolean {
  if (e.reason === 'BackOff' || e.reason === 'OOMKilling') return true;
  // Failed readiness only takes a pod out of its Service; liveness restarts.
  if (e.reason === 'Unhealthy') return /^Liveness/.test(e.message ?? '');
  return e.reason === 'Killing' && /will be restarted/.test(e.message ?? '');
}

function containerOfEvent(e: KubeEventLike): string | undefined {
  return /spec\.containers\{([^}]+)\}/.exec(
    e.involvedObject.fieldPath ?? '',
  )?.[1];
}

/**
 * Container restarts by the kubelet: one episode per restarted container,
 * healed once the container runs and is ready again.
 */
export function restartEpisodes({
  index,
  now,
}: EpisodeContext): PlatformEpisode[] {
  const out: PlatformEpisode[] = [];
  for (const pod of index.ofKind('Pod')) {
    const statuses: ContainerStatus[] = Array.isArray(
      pod.status?.containerStatuses,
    )
      ? pod.status.containerStatuses
      : [];
    const restarted = statuses.filter(
      s =>
        s?.name &&
        ((s.restartCount ?? 0) > 0 ||
          s.state?.waiting?.reason === 'CrashLoopBackOff'),
    );
    const { namespace, name } = pod.metadata;
    const events = index
      .eventsAbout('Pod', namespace, name)
      .filter(isRestartEvent);
    for (const status of restarted) {
      const own = events.filter(e => {
        const container = containerOfEvent(e);
        // Kernel OOM reports name the process, not the container.
        return container ? container === status.name : restarted.length === 1;
      });
      const episode = restartEpisode(pod, status, own, now);
      if (episode) out.push({ ...episode, target: index.ownerOf(pod) });
    }
  }
  return out;
}

function restartEpisode(
  pod: Pod,
  status: ContainerStatus,
  events: KubeEventLike[],
  now: number,
): Omit<PlatformEpisode, 'target'> | undefined {
  const container: string = status.name;
  const last = status.lastState?.terminated;
  const waiting = status.state?.waiting;
  const running = status.state?.running;
  // Events expire (an hour by default); the last termination is the next
  // best clue to when the trouble began.
  const startedAt =
    earliest(...events.map(eventStart)) ??
    timeOf(last?.finishedAt) ??
    timeOf(pod.status?.startTime);
  if (startedAt === undefined) return undefined;

  const oom =
    last?.reason === 'OOMKilled' || events.some(e => e.reason === 'OOMKilling');
  const causes = [
    waiting?.reason === 'CrashLoopBackOff' ? 'CrashLoopBackOff' : undefined,
    oom ? 'OOMKilled' : undefined,
  ].filter(Boolean);
  if (causes.length === 0) causes.push(last?.reason ?? 'restarted');
  const restarts: number = status.restartCount ?? 0;
  const podName = describeObject({ kind: 'pod', ...pod.metadata });
  const node = pod.spec?.nodeName;

  const healed = Boolean(running) && status.ready === true;
  const runningSince = timeOf(running?.startedAt);
  const readySince = timeOf(conditionOf(pod, 'Ready')?.lastTransitionTime);
  const resolvedAt = healed
    ? latest(
        runningSince,
        readySince !== undefined && readySince > (runningSince ?? 0)
          ? readySince
          : undefined,
      )
    : undefined;

  const exit =
    last?.exitCode !== undefined
      ? `last exit code ${last.exitCode}${
          last.reason ? ` (${last.reason})` : ''
        }`
      : undefined;
  let reason: string | undefined;
  let verification: string;
  if (healed) {
    verification = `container ${container} running and ready again${
      runningSince !== undefined ? ` since ${iso(runningSince)}` : ''
    }`;
  } else {
    const state =
      waiting?.reason ?? (running ? 'running but not ready' : 'not running');
    reason = `container ${container} still ${
      waiting ? `in ${state}` : state
    } after ${duration(now - startedAt)}${exit ? `, ${exit}` : ''}`;
    verification = reason;
  }

  const steps: HealingStep[] = [
    {
      name: 'action',
      at: iso(startedAt),
      status: 'ok',
      summary: `kubelet restarted container ${container} ${restarts} ${
        restarts === 1 ? 'time' : 'times'
      } (${causes.join(', ')})`,
      data: {
        pod: podName,
        node,
        restartCount: restarts,
        lastExitCode: last?.exitCode,
        lastReason: last?.reason,
        events: events.map(e => ({
          reason: e.reason,
          count: e.count ?? 1,
          message: e.message,
        })),
      },
    },
    {
      name: 'verification',
      at: iso(resolvedAt ?? now),
      status: healed ? 'ok' : 'failed',
      summary: verification,
    },
  ];
  return {
    identity: [
      'restart',
      pod.metadata.uid ?? podName,
      container,
      iso(startedAt),
    ],
    action: 'restart',
    healed,
    startedAt,
    resolvedAt,
    lastSeenAt:
      latest(
        startedAt,
        resolvedAt,
        timeOf(last?.finishedAt),
        ...events.map(eventEnd),
      ) ?? startedAt,
    reason,
    steps,
  };
}
