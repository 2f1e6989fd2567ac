/**
 * The query of `GET /api/cluster-topology/logs`, which answers a pod's log
 * lines as text, or as server-sent events with `follow`. Reading them needs
 * `cluster-topology.logs.read` for the cluster.
 *
 * @public
 */
export interface PodLogsQuery {
  cluster: string;
  namespace: string;
  pod: string;
  /** The container; the pod's only or default container unless given. */
  container?: string;
  /** The logs of the container's previous run, after a restart. */
  previous?: boolean;
  /** Only lines of the last so many seconds. */
  sinceSeconds?: number;
  /** Only the last so many lines. */
  tailLines?: number;
  /** Keep the answer open and stream new lines as they come. */
  follow?: boolean;
  /** Only lines from this RFC 3339 timestamp on. */
  start?: string;
  /** Only lines before this RFC 3339 timestamp; after `start` when both are given. */
  end?: string;
  /**
   * Where the lines come from: the cluster's Kubernetes API or its Loki.
   * Unless given, Loki for a manifests cluster or a query with `start`
   * when the cluster declares one, else Kubernetes.
   */
  source?: 'kubernetes' | 'loki';
}
