import {
  desiredReplicas,
  isScalable,
  type Pod,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { OwnedTarget } from './ClusterIndex';
import {
  KubeObjectLike,
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

const REVISION = 'deployment.kubernetes.io/revision';
// Kubernetes records here the revisions a ReplicaSet had before it was
// brought back, which is what a rollback to an older template leaves.
const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';

/**
 * Rollbacks: an Argo Rollout that aborted its update, or a Deployment whose
 * current ReplicaSet is an older template brought back. Healed once the
 * workload has all its replicas available again.
 */
export function rollbackEpisodes(context: EpisodeContext): PlatformEpisode[] {
  return [...rolloutAborts(context), ...deploymentRollbacks(context)];
}

function rolloutAborts({ index, now }: EpisodeContext): PlatformEpisode[] {
  const out: PlatformEpisode[] = [];
  for (const rollout of index.ofKind('Rollout')) {
    const { namespace, name } = rollout.metadata;
    const events = index
      .eventsAbout('Rollout', namespace, name)
      .filter(e => e.reason === 'RolloutAborted');
    const aborted =
      rollout.status?.abort === true ||
      (rollout.status?.conditions ?? []).some(
        c => c?.reason === 'RolloutAborted',
      );
    if (!aborted && events.length === 0) continue;
    const startedAt =
      timeOf(rollout.status?.abortedAt) ?? earliest(...events.map(eventStart));
    if (startedAt === undefined) continue;
    const message: string =
      events[0]?.message ?? rollout.status?.message ?? 'Rollout aborted';
    const stable: string | undefined = rollout.status?.stableRS;
    const target = index.ownerOf(rollout);
    const episode = verify(
      index.podsOf(target),
      rollout,
      target,
      startedAt,
      now,
    );
    out.push({
      ...episode,
      identity: [
        'rollback',
        rollout.metadata.uid ?? `${namespace}/${name}`,
        iso(startedAt),
      ],
      target,
      action: 'rollback',
      startedAt,
      lastSeenAt:
        latest(startedAt, episode.resolvedAt, ...events.map(eventEnd)) ??
        startedAt,
      steps: [
        {
          name: 'action',
          at: iso(startedAt),
          status: 'ok',
          summary: `Argo Rollouts aborted the update of ${describeObject(
            target,
          )} (${message})${
            stable
              ? `; traffic back on the stable ReplicaSet ${name}-${stable}`
              : ''
          }`,
          data: { stableRS: stable, phase: rollout.status?.phase },
        },
        episode.verification,
      ],
    });
  }
  return out;
}

function deploymentRollbacks({
  index,
  now,
}: EpisodeContext): PlatformEpisode[] {
  const out: PlatformEpisode[] = [];
  for (const deployment of index.ofKind('Deployment')) {
    const { namespace, name } = deployment.metadata;
    const revision = deployment.metadata.annotations?.[REVISION];
    const sets = index
      .ofKind('ReplicaSet')
      .filter(rs => rs.metadata.namespace === namespace)
      .filter(rs => index.ownerOf(rs).object === deployment);
    const current = sets.find(
      rs => revision && rs.metadata.annotations?.[REVISION] === revision,
    );
    const history = current?.metadata.annotations?.[REVISION_HISTORY];
    const events = index.eventsAbout('Deployment', namespace, name);
    const rollbackEvents = events.filter(
      e => e.reason === 'DeploymentRollback',
    );
    if (!history && rollbackEvents.length === 0) continue;
    const scaledUp = current
      ? events.filter(
          e =>
            e.reason === 'ScalingReplicaSet' &&
            e.message?.includes(
              `Scaled up replica set ${current.metadata.name} `,
            ),
        )
      : [];
    const startedAt =
      earliest(
        ...rollbackEvents.map(eventStart),
        ...scaledUp.map(eventStart),
      ) ?? timeOf(conditionOf(deployment, 'Progressing')?.lastUpdateTime);
    if (startedAt === undefined) continue;
    const previous = history?.split(',').map(Number).filter(Number.isFinite);
    const back = previous?.length ? Math.max(...previous) : undefined;
    const target = index.ownerOf(deployment);
    const pods = current
      ? index
          .podsOf(target)
          .filter(p =>
            p.metadata.ownerReferences?.some(
              r => r.name === current.metadata.name,
            ),
          )
      : index.podsOf(target);
    const episode = verify(pods, deployment, target, startedAt, now);
    const what =
      rollbackEvents[0]?.message ??
      `brought back the template of revision ${back ?? '?'} as revision ${
        revision ?? '?'
      }${current ? ` (ReplicaSet ${current.metadata.name})` : ''}`;
    out.push({
      ...episode,
      // A revision number is never reused, so it names the rollback even
      // after its events have expired.
      identity: [
        'rollback',
        deployment.metadata.uid ?? `${namespace}/${name}`,
        `revision ${revision ?? iso(startedAt)}`,
      ],
      target,
      action: 'rollback',
      startedAt,
      lastSeenAt:
        latest(
          startedAt,
          episode.resolvedAt,
          ...[...rollbackEvents, ...scaledUp].map(eventEnd),
        ) ?? startedAt,
      steps: [
        {
          name: 'action',
          at: iso(startedAt),
          status: 'ok',
          summary: `deployment-controller rolled back ${describeObject(
            target,
          )}: ${what}`,
          data: {
            revision,
            previousRevisions: previous,
            replicaSet: current?.metadata.name,
          },
        },
        episode.verification,
      ],
    });
  }
  return out;
}

function verify(
  pods: Pod[],
  workload: KubeObjectLike,
  target: OwnedTarget,
  startedAt: number,
  now: number,
) {
  const status = isScalable(workload) ? workload.status : undefined;
  const wanted: number = desiredReplicas(workload) ?? 1;
  const available: number =
    status?.availableReplicas ?? status?.readyReplicas ?? 0;
  const healed = available >= wanted;
  const readyTimes = pods
    .filter(isPodReady)
    .map(p => timeOf(conditionOf(p, 'Ready')?.lastTransitionTime))
    .filter((t): t is number => t !== undefined && t >= startedAt);
  const resolvedAt = healed ? latest(...readyTimes) : undefined;
  const summary = healed
    ? `${describeObject(target)} has ${available}/${wanted} replicas available`
    : `${describeObject(
        target,
      )} has ${available}/${wanted} replicas available after ${duration(
        now - startedAt,
      )}`;
  return {
    healed,
    resolvedAt,
    reason: healed ? undefined : summary,
    verification: {
      name: 'verification' as const,
      at: iso(resolvedAt ?? now),
      status: healed ? ('ok' as const) : ('failed' as const),
      summary,
    },
  };
}
