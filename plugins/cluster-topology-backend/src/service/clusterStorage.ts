import type { ClusterStorageSummary } from '@cloud-native-platform/plugin-cluster-topology-common';
import type { CephCluster } from '@cloud-native-platform/plugin-cloud-native-common';
import type { ClusterObjectStore } from '@cloud-native-platform/plugin-cloud-native-node';

/** Ceph's failing health checks as one sentence, or Rook's own message. */
function cephMessage(
  status: NonNullable<CephCluster['status']>,
): string | undefined {
  const checks = Object.entries(status.ceph?.details ?? {})
    .map(([check, detail]) =>
      detail?.message ? `${check}: ${detail.message}` : check,
    )
    .sort();
  if (checks.length > 0) return checks.join('; ');
  return status.message || undefined;
}

/**
 * The storage of a cluster for its summary card: claims by phase, and the
 * health of Rook's CephClusters and the mirroring of its CephBlockPools.
 * Undefined for a cluster with neither claims nor Rook-Ceph objects.
 */
export function clusterStorage(
  store: ClusterObjectStore,
): ClusterStorageSummary | undefined {
  const claims = { bound: 0, pending: 0, lost: 0 };
  for (const claim of store.list('PersistentVolumeClaim')) {
    const phase = claim.status?.phase;
    if (phase === 'Bound') claims.bound++;
    else if (phase === 'Lost') claims.lost++;
    // A claim not yet reported on waits like a Pending one.
    else claims.pending++;
  }
  const cephClusters = store.list('CephCluster');
  const blockPools = store.list('CephBlockPool');
  const hasClaims = claims.bound + claims.pending + claims.lost > 0;
  if (!hasClaims && cephClusters.length === 0 && blockPools.length === 0) {
    return undefined;
  }
  const byName = (a: { name: string }, b: { name: string }) =>
    a.name.localeCompare(b.name);
  const summary: ClusterStorageSummary = { claims };
  if (cephClusters.length > 0 || blockPools.length > 0) {
    summary.ceph = {
      clusters: cephClusters
        .map(ceph => ({
          name: ceph.metadata.name,
          health: ceph.status?.ceph?.health ?? 'HEALTH_UNKNOWN',
          message: ceph.status ? cephMessage(ceph.status) : undefined,
        }))
        .sort(byName),
      blockPools: blockPools
        .map(pool => {
          const mirror = pool.status?.mirroringStatus?.summary;
          return {
            name: pool.metadata.name,
            mirroring: {
              enabled: pool.spec?.mirroring?.enabled === true,
              mode: pool.spec?.mirroring?.mode,
              health: mirror?.health,
              daemonHealth: mirror?.daemon_health,
            },
          };
        })
        .sort(byName),
    };
  }
  return summary;
}
