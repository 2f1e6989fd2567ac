import {
  PersistentVolume,
  PersistentVolumeClaim,
  TopologyEdge,
  TopologyHealth,
  TopologyNode,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { ClusterObjectStore } from '../state/ClusterObjectStore';
import { graphIds } from './graphIds';

/**
 * Health of a PersistentVolumeClaim from its phase: a claim no volume
 * satisfies yet (Pending) keeps its pods from starting, and a claim whose
 * volume is gone (Lost) has lost its data.
 */
export function claimHealth(phase: string | undefined): TopologyHealth {
  switch (phase) {
    case 'Bound':
      return 'healthy';
    case 'Pending':
      return 'degraded';
    case 'Lost':
      return 'failing';
    default:
      return 'unknown';
  }
}

/**
 * Health of a PersistentVolume from its phase. A Released volume still holds
 * the data of a deleted claim and serves nobody.
 */
export function persistentVolumeHealth(
  phase: string | undefined,
): TopologyHealth {
  switch (phase) {
    case 'Bound':
    case 'Available':
      return 'healthy';
    case 'Released':
      return 'idle';
    case 'Pending':
      return 'degraded';
    case 'Failed':
      return 'failing';
    default:
      return 'unknown';
  }
}

function claimDetail(claim: PersistentVolumeClaim): string {
  const size =
    claim.status?.capacity?.storage ?? claim.spec?.resources?.requests?.storage;
  return [claim.status?.phase ?? 'Unknown', size, claim.spec?.storageClassName]
    .filter(Boolean)
    .join(' · ');
}

function volumeDetail(volume: PersistentVolume): string {
  return [
    volume.status?.phase ?? 'Unknown',
    volume.spec?.capacity?.storage,
    volume.spec?.csi?.driver,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The PersistentVolume a claim is bound to, by the claim's or the volume's reference. */
function volumeOf(
  store: ClusterObjectStore,
  claim: PersistentVolumeClaim,
): PersistentVolume | undefined {
  const name = claim.spec?.volumeName;
  if (name) return store.get('PersistentVolume', undefined, name);
  return store
    .list('PersistentVolume')
    .find(
      pv =>
        pv.spec?.claimRef?.namespace === claim.metadata.namespace &&
        pv.spec?.claimRef?.name === claim.metadata.name,
    );
}

/**
 * The storage of a cluster (or of some of its namespaces) on the map:
 * PersistentVolumeClaims in their namespace, the PersistentVolumes bound to
 * them and the StorageClasses they come from at cluster level. In a
 * namespace view only the volumes and classes its claims use are drawn.
 */
export function storageNodes(
  cluster: string,
  store: ClusterObjectStore,
  namespaces: readonly string[],
  wholeCluster: boolean,
): TopologyNode[] {
  const clusterId = graphIds.cluster(cluster);
  const nodes: TopologyNode[] = [];
  const volumes = new Map<string, PersistentVolume>();
  const classes = new Set<string>();
  for (const namespace of namespaces) {
    for (const claim of store.list('PersistentVolumeClaim', { namespace })) {
      nodes.push({
        id: graphIds.claim(cluster, claim),
        kind: 'volume',
        name: claim.metadata.name,
        cluster,
        namespace,
        status: claimHealth(claim.status?.phase),
        parent: graphIds.namespace(cluster, namespace),
        objectKind: 'PersistentVolumeClaim',
        labels: claim.metadata.labels,
        detail: claimDetail(claim),
      });
      const volume = volumeOf(store, claim);
      if (volume) volumes.set(volume.metadata.name, volume);
      if (claim.spec?.storageClassName)
        classes.add(claim.spec.storageClassName);
    }
  }
  if (wholeCluster) {
    for (const volume of store.list('PersistentVolume')) {
      volumes.set(volume.metadata.name, volume);
    }
    for (const storageClass of store.list('StorageClass')) {
      classes.add(storageClass.metadata.name);
    }
  }
  for (const volume of volumes.values()) {
    nodes.push({
      id: graphIds.persistentVolume(cluster, volume.metadata.name),
      kind: 'volume',
      name: volume.metadata.name,
      cluster,
      status: persistentVolumeHealth(volume.status?.phase),
      parent: clusterId,
      objectKind: 'PersistentVolume',
      labels: volume.metadata.labels,
      detail: volumeDetail(volume),
    });
    if (volume.spec?.storageClassName)
      classes.add(volume.spec.storageClassName);
  }
  for (const name of classes) {
    const storageClass = store.get('StorageClass', undefined, name);
    // A class a claim names but the cluster lacks is why the claim is stuck.
    nodes.push({
      id: graphIds.storageClass(cluster, name),
      kind: 'volume',
      name,
      cluster,
      status: storageClass ? 'healthy' : 'failing',
      parent: clusterId,
      objectKind: 'StorageClass',
      labels: storageClass?.metadata.labels,
      detail: storageClass ? storageClass.provisioner : 'not found',
    });
  }
  return nodes;
}

/**
 * Edges of the storage drawn by {@link storageNodes}: pod → claim from the
 * pod's volumes (from its workload while the pods are collapsed), claim →
 * volume, and volume → class (claim → class while no volume is bound).
 * Only edges whose ends are in `ids`.
 */
export function storageEdges(
  cluster: string,
  store: ClusterObjectStore,
  ids: ReadonlySet<string>,
  namespaces: readonly string[],
): TopologyEdge[] {
  const edges = new Map<string, TopologyEdge>();
  const add = (source: string, target: string, kind: TopologyEdge['kind']) => {
    if (!ids.has(source) || !ids.has(target)) return;
    const id = `${kind}:${source}->${target}`;
    if (!edges.has(id)) edges.set(id, { id, source, target, kind });
  };
  for (const namespace of namespaces) {
    for (const pod of store.list('Pod', { namespace })) {
      const claimNames = (pod.spec?.volumes ?? [])
        .map(v => v.persistentVolumeClaim?.claimName)
        .filter((n): n is string => typeof n === 'string');
      if (claimNames.length === 0) continue;
      let source = graphIds.pod(cluster, pod);
      if (!ids.has(source)) {
        source = graphIds.workload(cluster, store.topLevelOwner(pod));
      }
      for (const name of claimNames) {
        add(
          source,
          graphIds.claim(cluster, { metadata: { name, namespace } }),
          'mounts',
        );
      }
    }
    for (const claim of store.list('PersistentVolumeClaim', { namespace })) {
      const claimId = graphIds.claim(cluster, claim);
      const volume = volumeOf(store, claim);
      if (volume) {
        add(
          claimId,
          graphIds.persistentVolume(cluster, volume.metadata.name),
          'binds',
        );
      } else if (claim.spec?.storageClassName) {
        add(
          claimId,
          graphIds.storageClass(cluster, claim.spec.storageClassName),
          'provisioned-by',
        );
      }
    }
  }
  for (const volume of store.list('PersistentVolume')) {
    if (!volume.spec?.storageClassName) continue;
    add(
      graphIds.persistentVolume(cluster, volume.metadata.name),
      graphIds.storageClass(cluster, volume.spec.storageClassName),
      'provisioned-by',
    );
  }
  return [...edges.values()];
}
