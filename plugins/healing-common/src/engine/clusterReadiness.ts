/**
 * How far the cluster state the engine reads is from the cluster, as the
 * cluster state service reports it (its `ClusterStatus`, reduced).
 *
 * @public
 */
export interface ClusterReadiness {
  /** `ready` once every kind has been read and nothing failed. */
  state: 'syncing' | 'ready' | 'degraded';
  /** Why the cluster is degraded. */
  error?: string;
  /** Sync state per kind; a kind the cluster holds no object of may be missing. */
  kinds: ReadonlyArray<{ kind: string; state: string; error?: string }>;
}

/** Kind states in which the cache holds what the cluster holds. */
const IN_SYNC = new Set(['ready', 'absent']);

/**
 * Why the engine may not act on `cluster` now, or undefined when it may:
 * the cluster must be `ready` and each of `kinds` read (ready, or absent
 * because the cluster does not serve it). A plan made from a cache that
 * lags or failed could remove pods a PodDisruptionBudget protects, or
 * restart a workload that is already gone, so the engine stays still.
 *
 * @public
 */
export function clusterNotReadyReason(
  cluster: string,
  readiness: ClusterReadiness | undefined,
  kinds: readonly string[],
): string | undefined {
  if (!readiness) return `the state of cluster ${cluster} is unknown`;
  if (readiness.state === 'degraded') {
    return `cluster ${cluster} is degraded${
      readiness.error ? `: ${readiness.error}` : ''
    }`;
  }
  if (readiness.state !== 'ready') {
    return `cluster ${cluster} is still syncing`;
  }
  for (const kind of new Set(kinds)) {
    const status = readiness.kinds.find(k => k.kind === kind);
    if (status && !IN_SYNC.has(status.state)) {
      return `${kind} objects of cluster ${cluster} are not in sync (${
        status.state
      }${status.error ? `: ${status.error}` : ''})`;
    }
  }
  return undefined;
}
