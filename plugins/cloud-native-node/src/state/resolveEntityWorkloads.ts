import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_CLUSTERS,
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
  ANNOTATION_KUBERNETES_NAMESPACE,
  ANNOTATION_WORKLOADS,
  LabelRequirement,
  parseLabelSelector,
  Pod,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { ClusterHandle } from './ClusterStateService';
import { ClusterObjectStore } from './ClusterObjectStore';
import { KubeObject } from './KubeObject';
import { WORKLOAD_KINDS } from './kinds';

/**
 * A workload of an entity in one cluster, with its pods.
 *
 * @public
 */
export interface EntityWorkload {
  cluster: string;
  workload: KubeObject;
  pods: Pod[];
}

/**
 * An entity's workloads across the fleet; clusters that could not answer
 * are listed with their error instead of failing the whole answer.
 *
 * @public
 */
export interface EntityWorkloads {
  workloads: EntityWorkload[];
  /** Clusters searched. */
  clusters: string[];
  errors: Array<{ cluster: string; error: string }>;
}

/**
 * How an entity's annotations select workloads.
 *
 * @public
 */
export interface EntityWorkloadSelector {
  clusters?: string[];
  namespace?: string;
  labelSelector?: LabelRequirement[];
  /** Explicit workloads: `Kind/name` or `namespace/Kind/name`. */
  workloads: Array<{ namespace?: string; kind: string; name: string }>;
}

/**
 * Reads the upstream Kubernetes annotations and ours into a selector;
 * returns undefined when the entity maps to no workloads at all.
 *
 * @public
 */
export function entityWorkloadSelector(
  entity: Entity,
): EntityWorkloadSelector | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const id = annotations[ANNOTATION_KUBERNETES_ID];
  const selectorText = annotations[ANNOTATION_KUBERNETES_LABEL_SELECTOR];
  const workloadsText = annotations[ANNOTATION_WORKLOADS];
  let labelSelector: LabelRequirement[] | undefined;
  if (selectorText) {
    labelSelector = parseLabelSelector(selectorText);
  } else if (id) {
    labelSelector = [
      { key: ANNOTATION_KUBERNETES_ID, operator: 'In', values: [id] },
    ];
  }
  const workloads = (workloadsText ?? '')
    .split(',')
    .map(part => part.trim())
    .filter(Boolean)
    .map(part => {
      const segments = part.split('/');
      return segments.length === 3
        ? { namespace: segments[0], kind: segments[1], name: segments[2] }
        : { kind: segments[0], name: segments[1] };
    });
  if (!labelSelector && workloads.length === 0) return undefined;
  const clusters = annotations[ANNOTATION_CLUSTERS]?.split(',')
    .map(c => c.trim())
    .filter(Boolean);
  return {
    clusters,
    namespace: annotations[ANNOTATION_KUBERNETES_NAMESPACE],
    labelSelector,
    workloads,
  };
}

function findInCluster(
  store: ClusterObjectStore,
  selector: EntityWorkloadSelector,
): KubeObject[] {
  const found = new Map<string, KubeObject>();
  const add = (object: KubeObject) =>
    found.set(
      `${object.kind}/${object.metadata.namespace ?? ''}/${
        object.metadata.name
      }`,
      object,
    );
  if (selector.labelSelector) {
    const options = {
      namespace: selector.namespace,
      labelSelector: selector.labelSelector,
    };
    for (const kind of WORKLOAD_KINDS) {
      for (const object of store.list(kind, options)) {
        const top = store.topLevelOwner(object);
        add(top);
      }
    }
    // Pods whose template carries the label although the workload does not.
    for (const pod of store.list('Pod', options)) add(store.topLevelOwner(pod));
  }
  for (const ref of selector.workloads) {
    const namespace = ref.namespace ?? selector.namespace;
    const object = namespace
      ? store.get(ref.kind, namespace, ref.name)
      : store.list(ref.kind).find(o => o.metadata.name === ref.name);
    if (object) add(object);
  }
  return [...found.values()];
}

/**
 * Finds an entity's workloads in every cluster it may run in, from memory.
 *
 * @public
 */
export function resolveEntityWorkloads(
  entity: Entity,
  clusters: ClusterHandle[],
): EntityWorkloads {
  const selector = entityWorkloadSelector(entity);
  const searched = clusters.filter(
    c => !selector?.clusters || selector.clusters.includes(c.definition.name),
  );
  const result: EntityWorkloads = {
    workloads: [],
    clusters: searched.map(c => c.definition.name),
    errors: [],
  };
  if (!selector) return result;
  for (const cluster of searched) {
    const status = cluster.status();
    if (status.state === 'degraded' && status.error) {
      result.errors.push({
        cluster: cluster.definition.name,
        error: status.error,
      });
    }
    for (const workload of findInCluster(cluster.store, selector)) {
      result.workloads.push({
        cluster: cluster.definition.name,
        workload,
        pods: cluster.store.podsOf(workload),
      });
    }
  }
  return result;
}
