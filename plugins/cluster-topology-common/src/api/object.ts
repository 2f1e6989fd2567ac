/**
 * One object of a cluster, as `GET /api/cluster-topology/object` names it.
 * `namespace` is left out for cluster-scoped kinds such as Node.
 *
 * @public
 */
export interface ClusterObjectQuery {
  cluster: string;
  /** Kubernetes kind, e.g. `Deployment`, `Pod`, `Service`, `Node`; never `Secret`. */
  kind: string;
  namespace?: string;
  name: string;
}

/**
 * An event of an object or of what it owns, reduced for a compact list.
 *
 * @public
 */
export interface ClusterObjectEvent {
  /** `Normal` or `Warning`. */
  type?: string;
  reason?: string;
  message?: string;
  count: number;
  /** When it last happened: `lastTimestamp`, else `eventTime`, else `firstTimestamp`. */
  lastTimestamp?: string;
  /** The object the event is about: the requested one, or a ReplicaSet or pod it owns. */
  involvedObject: { kind: string; name: string };
}

/**
 * A stored Kubernetes object as the backend serves it: without managed
 * fields, Secret data or credential-like values.
 *
 * @public
 */
export interface ClusterObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/**
 * The answer of `GET /api/cluster-topology/object`: one object with its
 * recent events, newest first, and its YAML, every credential redacted.
 *
 * @public
 */
export interface ClusterObjectDetails {
  object: ClusterObject;
  events: ClusterObjectEvent[];
  /** The top-level workload that owns the object, when it is not the object itself. */
  owner?: { kind: string; name: string };
  yaml: string;
}
