import { ClusterHandle } from '@cloud-native-platform/plugin-cloud-native-node';
import {
  FeatureMetric,
  FeatureRequest,
} from '@cloud-native-platform/plugin-healing-common';

/**
 * PromQL of each feature, for Istio's standard metrics and cAdvisor with
 * kube-state-metrics; `$ns` and `$workload` are replaced.
 */
const QUERIES: Record<FeatureMetric, string> = {
  error_rate:
    'sum(rate(istio_requests_total{reporter="destination",destination_workload_namespace="$ns",destination_workload="$workload",response_code=~"5.."}[1m])) / clamp_min(sum(rate(istio_requests_total{reporter="destination",destination_workload_namespace="$ns",destination_workload="$workload"}[1m])), 1e-9)',
  lat_99:
    'histogram_quantile(0.99, sum by (le) (rate(istio_request_duration_milliseconds_bucket{reporter="destination",destination_workload_namespace="$ns",destination_workload="$workload"}[1m])))',
  cpu: 'sum(rate(container_cpu_usage_seconds_total{namespace="$ns",pod=~"$workload-.*",container!=""}[1m])) / clamp_min(sum(kube_pod_container_resource_limits{namespace="$ns",pod=~"$workload-.*",resource="cpu"}), 1e-9)',
  mem: 'sum(container_memory_working_set_bytes{namespace="$ns",pod=~"$workload-.*",container!=""}) / clamp_min(sum(kube_pod_container_resource_limits{namespace="$ns",pod=~"$workload-.*",resource="memory"}), 1e-9)',
};

/** Label values go into PromQL strings: quotes and backslashes are escaped. */
function escape(value: string): string {
  return value.replace(/[\\"]/g, c => `\\${c}`);
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
    const query = QUERIES[request.metric]
      .replace(/\$ns/g, escape(request.namespace ?? ''))
      .replace(/\$workload/g, escape(request.service));
    const result = await prometheus.queryRange(
      query,
      request.start,
      request.end,
      request.stepSeconds,
    );
    return result[0]?.values.map(([, v]) => v);
  };
}
