import {
  LabelRequirement,
  TopologyEdge,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { ClusterObjectStore } from '../state/ClusterObjectStore';
import { KubeObject } from '../state/KubeObject';
import { graphIds } from './graphIds';

function selectorOf(
  labels: Record<string, string> | undefined,
): LabelRequirement[] {
  return Object.entries(labels ?? {}).map(([key, value]) => ({
    key,
    operator: 'In' as const,
    values: [value],
  }));
}

/** Workload ids whose pods match a selector, in one namespace. */
function workloadsSelected(
  cluster: string,
  store: ClusterObjectStore,
  namespace: string | undefined,
  selector: LabelRequirement[],
): Map<string, KubeObject[]> {
  const byWorkload = new Map<string, KubeObject[]>();
  if (selector.length === 0) return byWorkload;
  for (const pod of store.list('Pod', { namespace, labelSelector: selector })) {
    const workload = store.topLevelOwner(pod);
    const id = graphIds.workload(cluster, workload);
    byWorkload.set(id, [...(byWorkload.get(id) ?? []), pod]);
  }
  return byWorkload;
}

/** Resolves a VirtualService destination host to a Service of the cluster. */
function serviceForHost(
  store: ClusterObjectStore,
  host: string,
  namespace: string | undefined,
): KubeObject | undefined {
  const [name, hostNamespace] = host.split('.');
  return store.get('Service', hostNamespace ?? namespace, name);
}

/**
 * Static edges of a cluster: Service → workload from selectors, route
 * weights from VirtualServices (through DestinationRule subsets), and
 * pod → node for pods on the map. Only edges whose ends are in `ids`.
 *
 * @public
 */
export function staticEdges(
  cluster: string,
  store: ClusterObjectStore,
  ids: ReadonlySet<string>,
  namespace?: string,
): TopologyEdge[] {
  const edges = new Map<string, TopologyEdge>();
  const add = (edge: Omit<TopologyEdge, 'id'>) => {
    if (!ids.has(edge.source) || !ids.has(edge.target)) return;
    const id = `${edge.kind}:${edge.source}->${edge.target}`;
    const existing = edges.get(id);
    if (existing && edge.weight !== undefined) {
      existing.weight = (existing.weight ?? 0) + edge.weight;
    } else if (!existing) {
      edges.set(id, { id, ...edge });
    }
  };

  for (const service of store.list('Service', { namespace })) {
    const serviceId = graphIds.service(cluster, service);
    const selector = selectorOf(service.spec?.selector);
    for (const workloadId of workloadsSelected(
      cluster,
      store,
      service.metadata.namespace,
      selector,
    ).keys()) {
      add({ source: serviceId, target: workloadId, kind: 'selects' });
    }
  }

  for (const vs of store.list('VirtualService', { namespace })) {
    const vsNamespace = vs.metadata.namespace;
    for (const route of vs.spec?.http ?? []) {
      for (const destination of route.route ?? []) {
        const host = destination.destination?.host;
        if (typeof host !== 'string') continue;
        const service = serviceForHost(store, host, vsNamespace);
        if (!service) continue;
        let selector = selectorOf(service.spec?.selector);
        const subsetName = destination.destination?.subset;
        if (subsetName) {
          const subset = store
            .list('DestinationRule', { namespace: service.metadata.namespace })
            .filter(
              dr => dr.spec?.host?.split('.')[0] === service.metadata.name,
            )
            .flatMap(dr => dr.spec?.subsets ?? [])
            .find((s: any) => s.name === subsetName);
          selector = [...selector, ...selectorOf(subset?.labels)];
        }
        // A lone destination takes all the traffic; otherwise Istio needs weights.
        let weight: number | undefined = destination.weight;
        if (typeof weight !== 'number') {
          weight = (route.route?.length ?? 1) === 1 ? 100 : undefined;
        }
        for (const workloadId of workloadsSelected(
          cluster,
          store,
          service.metadata.namespace,
          selector,
        ).keys()) {
          add({
            source: graphIds.service(cluster, service),
            target: workloadId,
            kind: 'routes',
            weight,
          });
        }
      }
    }
  }

  for (const pod of store.list('Pod', { namespace })) {
    const podId = graphIds.pod(cluster, pod);
    const nodeName = pod.spec?.nodeName;
    if (nodeName && ids.has(podId)) {
      add({
        source: podId,
        target: graphIds.node(cluster, nodeName),
        kind: 'runs-on',
      });
    }
  }
  return [...edges.values()];
}
