/*
 * How a catalog entity maps to Kubernetes workloads, in every cluster:
 *
 * - the clusters searched are those named in `cloud-native-platform.io/clusters`,
 *   or every configured cluster when the annotation is absent;
 * - a workload belongs to the entity when its labels, or those of its pods,
 *   match `backstage.io/kubernetes-label-selector`, or else carry the label
 *   `backstage.io/kubernetes-id` with the value of that annotation;
 * - `backstage.io/kubernetes-namespace` limits the search to one namespace;
 * - `cloud-native-platform.io/workloads` adds workloads by kind and name,
 *   for those that carry no such label (a KubeVirt VirtualMachine, say);
 * - pods roll up into the workload that owns them: pod → ReplicaSet →
 *   Deployment or Rollout, pod → StatefulSet or DaemonSet, Job → CronJob,
 *   virt-launcher pod → VirtualMachineInstance → VirtualMachine.
 */

/** Prefix of every annotation this suite defines. @public */
export const ANNOTATION_PREFIX = 'cloud-native-platform.io/';

/**
 * Upstream: the value of the `backstage.io/kubernetes-id` label on the
 * component's workloads. Example: `trading-engine`.
 *
 * @public
 */
export const ANNOTATION_KUBERNETES_ID = 'backstage.io/kubernetes-id';

/**
 * Upstream: a label selector that finds the component's workloads.
 * Example: `app.kubernetes.io/name=trading-engine,tier=core`.
 *
 * @public
 */
export const ANNOTATION_KUBERNETES_LABEL_SELECTOR =
  'backstage.io/kubernetes-label-selector';

/**
 * Upstream: the namespace the component's workloads run in.
 * Example: `trading`.
 *
 * @public
 */
export const ANNOTATION_KUBERNETES_NAMESPACE =
  'backstage.io/kubernetes-namespace';

/**
 * Comma-separated names of the clusters, as declared under
 * `cloudNativePlatform.clusters`, that the component runs in. Without it the
 * component is looked for in every cluster. Example: `prod-east-a,prod-east-b,dr-west`.
 *
 * @public
 */
export const ANNOTATION_CLUSTERS = `${ANNOTATION_PREFIX}clusters`;

/**
 * Comma-separated workloads of the component as `Kind/name` or
 * `namespace/Kind/name`, for workloads that carry no `backstage.io/kubernetes-id`
 * label. Example: `trading/StatefulSet/ledger-db`.
 *
 * @public
 */
export const ANNOTATION_WORKLOADS = `${ANNOTATION_PREFIX}workloads`;

/**
 * The Istio service host of the component, used to match mesh traffic.
 * Example: `trading-engine.trading.svc.cluster.local`.
 *
 * @public
 */
export const ANNOTATION_MESH_HOST = `${ANNOTATION_PREFIX}mesh-host`;

/**
 * Availability objective in percent over 30 days. Example: `99.95`.
 *
 * @public
 */
export const ANNOTATION_SLO_AVAILABILITY = `${ANNOTATION_PREFIX}slo-availability`;

/**
 * p99 latency objective in milliseconds. Example: `95`.
 *
 * @public
 */
export const ANNOTATION_SLO_LATENCY_P99 = `${ANNOTATION_PREFIX}slo-latency-p99-ms`;

/**
 * The service level objectives of a component whose clusters carry no
 * Sloth, Pyrra or generated SLO rules: a JSON array of
 * `{ name?, kind?, objective, window?, errorQuery?, totalQuery?, thresholdMs?, histogram?, matchers?, histogramUnit?, alerts? }`,
 * queries as per-second rates with a `$window` placeholder. Example:
 * `[{"kind":"availability","objective":99.9,"errorQuery":"sum(rate(http_requests_total{job=\"api\",code=~\"5..\"}[$window]))","totalQuery":"sum(rate(http_requests_total{job=\"api\"}[$window]))"}]`.
 *
 * @public
 */
export const ANNOTATION_SLO = `${ANNOTATION_PREFIX}slo`;

/**
 * Recovery time objective as a duration (`ms`, `s`, `m`, `h`). Example: `15s`.
 *
 * @public
 */
export const ANNOTATION_RTO = `${ANNOTATION_PREFIX}rto`;

/**
 * Recovery point objective as a duration; `0s` means no data loss.
 * Example: `0s`.
 *
 * @public
 */
export const ANNOTATION_RPO = `${ANNOTATION_PREFIX}rpo`;

/**
 * PromQL returning the entity's replication lag in seconds, one series per
 * replica; it replaces the built-in PostgreSQL and MirrorMaker queries when
 * DR readiness measures the RPO. Example:
 * `max(time() - ceph_rbd_mirror_snapshot_image_local_timestamp{pool="replicapool"})`.
 *
 * @public
 */
export const ANNOTATION_REPLICATION_LAG_QUERY = `${ANNOTATION_PREFIX}replication-lag-query`;

/**
 * How the healing engine treats the component: `enforce` acts, `dry-run`
 * records what it would do, `disabled` ignores its alerts. Example: `dry-run`.
 *
 * @public
 */
export const ANNOTATION_HEALING_MODE = `${ANNOTATION_PREFIX}healing-mode`;

/**
 * Security posture exceptions as a JSON array of
 * `{ check, reason, owner, expires }`, `expires` an ISO date.
 * Example: `[{"check":"pss-run-as-non-root","reason":"vendor image","owner":"group:default/trading","expires":"2027-03-31"}]`.
 *
 * @public
 */
export const ANNOTATION_POSTURE_EXCEPTIONS = `${ANNOTATION_PREFIX}posture-exceptions`;

/**
 * The annotation that names a disaster-recovery cluster a production
 * component fails over to. Example: `dr-west`.
 *
 * @public
 */
export const ANNOTATION_DR_CLUSTER = `${ANNOTATION_PREFIX}dr-cluster`;

/**
 * Set by the suite on the catalog entity of each configured cluster: its
 * sync state, `syncing`, `ready` or `degraded`. Example: `ready`.
 *
 * @public
 */
export const ANNOTATION_CLUSTER_STATUS = `${ANNOTATION_PREFIX}cluster-status`;

/**
 * Label the suite sets on the catalog entity of each cluster: its role.
 *
 * @public
 */
export const LABEL_CLUSTER_ROLE = `${ANNOTATION_PREFIX}cluster-role`;

/**
 * Label the suite sets on the catalog entity of each cluster: its region.
 *
 * @public
 */
export const LABEL_CLUSTER_REGION = `${ANNOTATION_PREFIX}cluster-region`;
