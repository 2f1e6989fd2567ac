import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { securityPostureReadPermission } from '@cloud-native-platform/plugin-security-posture-common';
import {
  ClusterHandle,
  ClusterStateService,
} from '@cloud-native-platform/plugin-cloud-native-node';

/** The clusters a caller may read the posture of, and those it may not. */
export interface ClusterAccess {
  permitted: ClusterHandle[];
  denied: string[];
}

/** Asks the permission framework about every cluster in one batch. */
export async function clusterAccess(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  clusters: ClusterHandle[],
): Promise<ClusterAccess> {
  if (clusters.length === 0) return { permitted: [], denied: [] };
  const decisions = await permissions.authorize(
    clusters.map(c => ({
      permission: securityPostureReadPermission,
      resourceRef: c.definition.name,
    })),
    { credentials },
  );
  const access: ClusterAccess = { permitted: [], denied: [] };
  clusters.forEach((cluster, index) => {
    if (decisions[index]?.result === AuthorizeResult.ALLOW) {
      access.permitted.push(cluster);
    } else {
      access.denied.push(cluster.definition.name);
    }
  });
  return access;
}

/** Throws unless the caller may read every one of the clusters. */
export async function requireClusters(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  clusters: ClusterHandle[],
): Promise<void> {
  const { denied } = await clusterAccess(permissions, credentials, clusters);
  if (denied.length > 0) {
    throw new NotAllowedError(
      `not permitted to read the security posture of cluster${
        denied.length > 1 ? 's' : ''
      } ${denied.join(', ')}`,
    );
  }
}

/** The named cluster, or NotFoundError listing the configured ones. */
export function clusterNamed(
  clusterState: ClusterStateService,
  name: string,
): ClusterHandle {
  const cluster = clusterState.cluster(name);
  if (!cluster) {
    throw new NotFoundError(
      `no cluster named ${name}; clusters are ${clusterState
        .clusters()
        .map(c => c.definition.name)
        .join(', ')}`,
    );
  }
  return cluster;
}
