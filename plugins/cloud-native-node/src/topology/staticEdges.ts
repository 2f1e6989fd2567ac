import {
  LabelRequirement,
  Service,
  TopologyEdge,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { ClusterObjectStore } from '../state/ClusterObjectStore';
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

/**
 * Workload ids whose pods match a selector, in one namespace. Pods of one
 * ReplicaSet share their owner walk, so it is done once per controller.
 */
function workloadsSelected(
  cluster: string,
  store: ClusterObjectStore,
  namespace: string | undefined,
  selector: LabelRequirement[],
  ownerCache: Map<string, string>,
): Set<string> {
  const workloads = new Set<string>();
  if (selector.length === 0) return workloads;
  for (const pod of store.list('Pod', { namespace, labelSelector: selector })) {
    const controller = pod.metadata.ownerReferences?.[0]?.uid;
    let id = controller ? ownerCache.get(controller) : undefined;
    if (!id) {
      id = graphIds.workload(cluster, store.topLevelOwner(pod));
      if (controller) ownerCache.set(controller, id);
    }
    workloads.add(id);
  }
  return workloads;
}

/** Resolves a VirtualService destination host to a Service of the cluster. */
function serviceForHost(
  store: ClusterObjectStore,
  host: string,
  namespace: string | undefined,
): Service | undefined {
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
  namespaces?: readonly string[],
): TopologyEdge[] {
  const ownerCache = new Map<string, string>();
  // undefined lists every namespace at once.
  const scopes: ReadonlyArray<string | undefined> = namespaces ?? [undefined];
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

  const services = scopes.flatMap(namespace =>
    store.list('Service', { namespace }),
  );
  for (const service of services) {
    const serviceId = graphIds.service(cluster, service);
    if (!ids.has(serviceId)) continue;
    const selector = selectorOf(service.spec?.selector);
    for (const workloadId of workloadsSelected(
      cluster,
      store,
      service.metadata.namespace,
      selector,
      ownerCache,
    )) {
      add({ source: serviceId, target: workloadId, kind: 'selects' });
    }
  }

  const virtualServices = scopes.flatMap(namespace =>
    store.list('VirtualService', { namespace }),
  );
  for (const vs of virtualServices) {
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
            .find(s => s.name === subsetName);
          selector = [...selector, ...selectorOf(subset?.labels)];
        }
        // A lone destination takes all the traffic; otherwise Istio needs weights.
        let weight: number | undefined = destination.weight;
        if (typeof weight !== 'number') {
          weight = (route.route?.length ?? 1) === 1 ? 100 : undefined;
        }
        if (!ids.has(graphIds.service(cluster, service))) continue;
        for (const workloadId of workloadsSelected(
          cluster,
          store,
          service.metadata.namespace,
          selector,
          ownerCache,
        )) {
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

  // Ingress rules send traffic to Services: every backend of every path,
  // and the default backend.
  const ingresses = scopes.flatMap(namespace =>
    store.list('Ingress', { namespace }),
  );
  for (const ingress of ingresses) {
    const ingressId = graphIds.ingress(cluster, ingress);
    const backends = [
      ingress.spec?.defaultBackend,
      ...(ingress.spec?.rules ?? []).flatMap(rule =>
        (rule.http?.paths ?? []).map(path => path.backend),
      ),
    ];
    for (const backend of backends) {
      const serviceName = backend?.service?.name;
      if (typeof serviceName !== 'string') continue;
      add({
        source: ingressId,
        target: graphIds.service(cluster, {
          metadata: {
            name: serviceName,
            namespace: ingress.metadata.namespace,
          },
        }),
        kind: 'routes',
      });
    }
  }

  // Pods are on the map only when their workload is expanded.
  for (const id of ids) {
    if (!id.startsWith('pod:')) continue;
    const [, podNamespace, podName] = id.slice('pod:'.length).split('/');
    const nodeName = store.get('Pod', podNamespace, podName)?.spec?.nodeName;
    if (nodeName) {
      add({
        source: id,
        target: graphIds.node(cluster, nodeName),
        kind: 'runs-on',
      });
    }
  }
  return [...edges.values()];
}
