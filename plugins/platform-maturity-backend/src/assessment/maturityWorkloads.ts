import type { KubeObject } from '@cloud-native-platform/plugin-cloud-native-common';
import {
  ClusterHandle,
  EntityWorkloads,
} from '@cloud-native-platform/plugin-cloud-native-node';
import { MaturityWorkload, WorkloadObject } from './types';

/** Kinds the maturity signals read around a workload. */
const RELATED_KINDS = [
  'Namespace',
  'Service',
  'VirtualService',
  'DestinationRule',
  'PeerAuthentication',
  'ServiceMonitor',
  'PodMonitor',
  'PrometheusRule',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
];
const MESH_ROOT_NAMESPACE = 'istio-system';

/**
 * Attaches to each resolved workload the objects of its namespace (and the
 * mesh root namespace) that maturity and DR readiness read.
 *
 * @public
 */
export function toMaturityWorkloads(
  resolved: EntityWorkloads,
  clusters: ClusterHandle[],
): MaturityWorkload[] {
  const byName = new Map(clusters.map(c => [c.definition.name, c]));
  const cache = new Map<string, KubeObject[]>();
  return resolved.workloads.map(({ cluster, workload, pods }) => {
    const handle = byName.get(cluster)!;
    const namespace = workload.metadata.namespace ?? '';
    const key = `${cluster}/${namespace}`;
    let related = cache.get(key);
    if (!related) {
      related = [];
      for (const kind of RELATED_KINDS) {
        if (kind === 'Namespace') {
          const object = handle.store.get('Namespace', undefined, namespace);
          if (object) related.push(object);
          continue;
        }
        related.push(...handle.store.list(kind, { namespace }));
        if (
          namespace !== MESH_ROOT_NAMESPACE &&
          kind === 'PeerAuthentication'
        ) {
          related.push(
            ...handle.store.list(kind, { namespace: MESH_ROOT_NAMESPACE }),
          );
        }
      }
      cache.set(key, related);
    }
    return {
      cluster,
      clusterRole: handle.definition.role,
      // Workload kinds share the spec fields WorkloadObject types.
      workload: workload as WorkloadObject,
      pods,
      related,
    };
  });
}
