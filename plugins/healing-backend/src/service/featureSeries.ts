import { ClusterHandle } from '@cloud-native-platform/plugin-cloud-native-node';
import {
  FeatureMetric,
  FeatureRequest,
} from '@cloud-native-platform/plugin-healing-common';

const ISTIO_DESTINATION =
  'reporter="destination",destination_workload_namespace="$ns",destination_workload="$workload"';

/**
 * 1 per running pod of the workload, from kube-state-metrics' owner
 * references: the pods of its ReplicaSets (Deployment, Argo Rollout) or its
 * own (StatefulSet, DaemonSet). A pod-name prefix would also take in the
 * pods of `$workload-archiver` or `$workload-db-0`; and only running pods
 * count, since kube-state-metrics keeps reporting the limits of evicted and
 * completed pods, which use nothing.
 */
const RUNNING_PODS = [
  'max by (namespace, pod) (',
  '(label_replace(kube_pod_owner{namespace="$ns",owner_kind="ReplicaSet"}, "replicaset", "$1", "owner_name", "(.+)")',
  ' * on (namespace, replicaset) group_left () max by (namespace, replicaset) (kube_replicaset_owner{namespace="$ns",owner_name="$workload"}))',
  ' or kube_pod_owner{namespace="$ns",owner_kind=~"StatefulSet|DaemonSet",owner_name="$workload"}',
  ') * on (namespace, pod) max by (namespace, pod) (kube_pod_status_phase{namespace="$ns",phase="Running"} == 1)',
].join('');

/** Sum over the workload's running pods of a per-pod expression. */
function overRunningPods(perPod: string): string {
  return `sum(${perPod} * on (namespace, pod) (${RUNNING_PODS}))`;
}

/** Use of a resource as a fraction of the limits, over the running pods. */
function ofLimits(usedPerPod: string, resource: 'cpu' | 'memory'): string {
  const limits = `sum by (namespace, pod) (kube_pod_container_resource_limits{namespace="$ns",resource="${resource}"})`;
  return `${overRunningPods(usedPerPod)} / clamp_min(${overRunningPods(
    limits,
  )}, 1e-9)`;
}

/**
 * Containers only: not the pod's own cgroup (container="", the sum of its
 * containers) nor, on dockershim nodes, the pause container ("POD").
 */
const CONTAINERS = 'namespace="$ns",container!="",container!="POD"';

/**
 * PromQL of each feature, for Istio's standard metrics and cAdvisor with
 * kube-state-metrics; `$ns` and `$workload` are replaced.
 */
const QUERIES: Record<FeatureMetric, string> = {
  // Istio creates the series of a 5xx code with its first such response:
  // until then the numerator is 0, not missing.
  error_rate: `(sum(rate(istio_requests_total{${ISTIO_DESTINATION},response_code=~"5.."}[1m])) or vector(0)) / clamp_min(sum(rate(istio_requests_total{${ISTIO_DESTINATION}}[1m])), 1e-9)`,
  lat_99: `histogram_quantile(0.99, sum by (le) (rate(istio_request_duration_milliseconds_bucket{${ISTIO_DESTINATION}}[1m])))`,
  cpu: ofLimits(
    `sum by (namespace, pod) (rate(container_cpu_usage_seconds_total{${CONTAINERS}}[1m]))`,
    'cpu',
  ),
  mem: ofLimits(
    `sum by (namespace, pod) (container_memory_working_set_bytes{${CONTAINERS}})`,
    'memory',
  ),
};

/** Label values go into PromQL strings: quotes and backslashes are escaped. */
function escape(value: string): string {
  return value.replace(/[\\"]/g, c => `\\${c}`);
}

/**
 * One value per step from start to end, NaN where Prometheus had no sample
 * (a missed scrape, no traffic): a range result leaves such steps out, and
 * the pipeline reads series by position (the detection window is the last
 * points; gaps take the last finite value) and expects every series of a
 * range to be of one length.
 */
function alignToSteps(
  values: Array<[number, number]>,
  request: FeatureRequest,
): number[] {
  const start = request.start.getTime() / 1000;
  const steps =
    Math.floor(
      (request.end.getTime() - request.start.getTime()) /
        1000 /
        request.stepSeconds,
    ) + 1;
  const aligned = new Array<number>(Math.max(steps, 0)).fill(NaN);
  for (const [t, v] of values) {
    const i = Math.round((t - start) / request.stepSeconds);
    if (i >= 0 && i < aligned.length) aligned[i] = v;
  }
  return aligned;
}

/**
 * The pipeline's feature source for one cluster, or undefined when the
 * cluster has no Prometheus (the features step is then recorded as skipped).
 *
 * @public
 */
export function featureSeriesOf(cluster: ClusterHandle | undefined) {
  const prometheus = cluster?.prometheus;
  if (!prometheus) return undefined;
  return async (request: FeatureRequest): Promise<number[] | undefined> => {
    const namespace = escape(request.namespace ?? '');
    const workload = escape(request.service);
    // Functions, so a `$` in a value is not read as a replacement pattern.
    const query = QUERIES[request.metric]
      .replace(/\$ns/g, () => namespace)
      .replace(/\$workload/g, () => workload);
    const result = await prometheus.queryRange(
      query,
      request.start,
      request.end,
      request.stepSeconds,
    );
    if (!result[0]) return undefined;
    return alignToSteps(result[0].values, request);
  };
}
