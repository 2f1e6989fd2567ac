import { HealingAttempt, HealingTarget } from '../api';
import { ClusterIndex } from './ClusterIndex';
import { evictionEpisodes } from './evictionEpisodes';
import { KubeEventLike, KubeObjectLike } from './kube';
import { nodeEpisodes } from './nodeEpisodes';
import { EpisodeContext, PlatformEpisode, iso } from './PlatformEpisode';
import { restartEpisodes } from './restartEpisodes';
import { rollbackEpisodes } from './rollbackEpisodes';
import { scaleEpisodes } from './scaleEpisodes';

/**
 * What {@link platformAttempts} reads: one cluster's state and events.
 *
 * @public
 */
export interface PlatformAttemptsInput {
  cluster: string;
  /** Pods, ReplicaSets, workloads, HPAs, nodes, Rollouts… of the cluster. */
  objects: KubeObjectLike[];
  events: KubeEventLike[];
  /** The time of the snapshot; used for how long a failure has lasted. */
  now: Date;
  /** The catalog entity of a workload (or node), where one is known. */
  entityRefOf?(workload: KubeObjectLike, cluster: string): string | undefined;
}

/**
 * The healing Kubernetes did by itself in one cluster (container restarts,
 * evictions and rescheduling, HPA rescales, NotReady nodes, rollbacks), as
 * `platform` attempts, newest first. Ids derive from the cluster, the
 * object's uid, what happened and when it began, so extracting the same
 * episode again yields the same id.
 *
 * @public
 */
export function platformAttempts(
  input: PlatformAttemptsInput,
): HealingAttempt[] {
  const now = input.now.getTime();
  const context: EpisodeContext = {
    index: new ClusterIndex(input.objects ?? [], input.events ?? []),
    now,
  };
  const episodes = [
    ...restartEpisodes(context),
    ...evictionEpisodes(context),
    ...nodeEpisodes(context),
    ...scaleEpisodes(context),
    ...rollbackEpisodes(context),
  ];
  const byId = new Map<string, HealingAttempt>();
  for (const episode of episodes) {
    const attempt = toAttempt(input, episode);
    byId.set(attempt.id, attempt);
  }
  return [...byId.values()].sort(
    (a, b) =>
      b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id),
  );
}

function toAttempt(
  input: PlatformAttemptsInput,
  episode: PlatformEpisode,
): HealingAttempt {
  const { cluster } = input;
  const t = episode.target;
  const target: HealingTarget = {
    cluster,
    ...(t.namespace ? { namespace: t.namespace } : {}),
    kind: t.kind,
    name: t.name,
  };
  const entityRef = t.object
    ? input.entityRefOf?.(t.object, cluster)
    : undefined;
  if (entityRef) target.entityRef = entityRef;
  const attempt: HealingAttempt = {
    id: platformAttemptId(cluster, episode.identity),
    kind: 'platform',
    cluster,
    target,
    action: episode.action,
    mode: 'enforce',
    status: episode.healed ? 'healed' : 'failed',
    createdAt: iso(episode.startedAt),
    updatedAt: iso(episode.lastSeenAt),
    steps: episode.steps,
  };
  if (episode.reason) attempt.reason = episode.reason;
  if (episode.healed && episode.resolvedAt !== undefined) {
    attempt.resolvedAt = iso(episode.resolvedAt);
    attempt.mttrSeconds = Math.round(
      (episode.resolvedAt - episode.startedAt) / 1000,
    );
  }
  return attempt;
}

/**
 * The id of a platform attempt: `platform-` and 16 hex digits of two
 * FNV-1a hashes of the cluster and the episode's identity.
 *
 * @public
 */
export function platformAttemptId(cluster: string, identity: string[]): string {
  const text = [cluster, ...identity].join('\u0000');
  return `platform-${fnv1a(text, 0x811c9dc5)}${fnv1a(
    text,
    0x01000193 ^ 0x5bd1e995,
  )}`;
}

function fnv1a(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
