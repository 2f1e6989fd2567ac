import { ClusterDefinition } from '../clusters/ClusterDefinition';
import { PrometheusHealth } from '../prometheus/PrometheusClient';

/**
 * How far a cluster's cache is from the cluster.
 *
 * @public
 */
export type ClusterSyncState = 'syncing' | 'ready' | 'degraded';

/**
 * Sync state of one kind in one cluster.
 *
 * @public
 */
export interface KindStatus {
  kind: string;
  /** absent: the cluster does not serve this optional kind (no CRD). */
  state: 'syncing' | 'ready' | 'absent' | 'error';
  count: number;
  error?: string;
}

/**
 * What the pages show about a cluster.
 *
 * @public
 */
export interface ClusterStatus {
  name: string;
  role: ClusterDefinition['role'];
  region?: string;
  labels: Record<string, string>;
  source: ClusterDefinition['source']['type'];
  state: ClusterSyncState;
  /** Why the cluster is degraded, in one paragraph. */
  error?: string;
  /** When every kind last finished syncing, ISO 8601. */
  lastSyncAt?: string;
  kinds: KindStatus[];
  /** Problems that do not stop the rest from loading, such as a bad manifest file. */
  problems: string[];
  /** Outcome of the last query to the cluster's Prometheus, when one is configured. */
  prometheus?: PrometheusHealth;
}

/**
 * Collects what a source reports about its cluster and turns it into a
 * {@link ClusterStatus}.
 *
 * @public
 */
export class ClusterStatusTracker {
  private readonly kindStates = new Map<string, Omit<KindStatus, 'count'>>();
  private clusterError: string | undefined;
  private problems: string[] = [];
  private lastSyncAt: Date | undefined;

  constructor(
    private readonly cluster: ClusterDefinition,
    private readonly countOf: (kind: string) => number,
  ) {}

  kindSyncing(kind: string) {
    const previous = this.kindStates.get(kind);
    // A kind that was ready stays ready while it re-lists: its data is there.
    if (previous?.state !== 'ready') {
      this.kindStates.set(kind, { kind, state: 'syncing' });
    }
  }

  kindReady(kind: string) {
    this.kindStates.set(kind, { kind, state: 'ready' });
    this.afterChange();
  }

  kindAbsent(kind: string) {
    this.kindStates.set(kind, { kind, state: 'absent' });
    this.afterChange();
  }

  kindFailed(kind: string, error: string) {
    this.kindStates.set(kind, { kind, state: 'error', error });
  }

  /** Every kind has been read once, even when the cluster holds none (an empty manifests directory). */
  markSynced() {
    this.lastSyncAt = new Date();
  }

  /** The whole cluster failed, for example the API server is unreachable. */
  clusterFailed(error: string) {
    this.clusterError = error;
  }

  clusterRecovered() {
    this.clusterError = undefined;
  }

  /** Replaces the list of non-fatal problems, such as manifest files that do not parse. */
  setProblems(problems: string[]) {
    this.problems = [...problems];
  }

  snapshot(): ClusterStatus {
    const kinds = [...this.kindStates.values()]
      .map(k => ({ ...k, count: this.countOf(k.kind) }))
      .sort((a, b) => a.kind.localeCompare(b.kind));
    const failedKinds = kinds.filter(k => k.state === 'error');
    const errors = [
      ...(this.clusterError ? [this.clusterError] : []),
      ...failedKinds.map(k => `${k.kind}: ${k.error}`),
      ...this.problems,
    ];
    let state: ClusterSyncState;
    if (errors.length > 0) state = 'degraded';
    else if (!this.lastSyncAt || kinds.some(k => k.state === 'syncing')) {
      state = 'syncing';
    } else state = 'ready';
    return {
      name: this.cluster.name,
      role: this.cluster.role,
      region: this.cluster.region,
      labels: this.cluster.labels,
      source: this.cluster.source.type,
      state,
      error: errors.length > 0 ? errors.join('; ') : undefined,
      lastSyncAt: this.lastSyncAt?.toISOString(),
      kinds,
      problems: [...this.problems],
    };
  }

  private afterChange() {
    const states = [...this.kindStates.values()];
    if (
      states.length > 0 &&
      states.every(k => k.state === 'ready' || k.state === 'absent')
    ) {
      this.lastSyncAt = new Date();
    }
  }
}
