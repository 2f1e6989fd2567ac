import {
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { SECURITY_POSTURE_CLUSTER_RESOURCE_TYPE } from '@cloud-native-platform/plugin-security-posture-common';
import { z } from 'zod';

/**
 * A cluster as the permission framework sees it: what a policy decides on.
 *
 * @public
 */
export interface PostureClusterResource {
  name: string;
  role: string;
}

/**
 * A condition translated for querying: the cluster names it allows.
 *
 * @public
 */
export interface PostureClusterQuery {
  clusters: string[];
}

/**
 * Reference of the resource type whose permission is
 * `security-posture.report.read`; its resource refs are cluster names.
 *
 * @public
 */
export const postureClusterResourceRef = createPermissionResourceRef<
  PostureClusterResource,
  PostureClusterQuery
>().with({
  pluginId: 'security-posture',
  resourceType: SECURITY_POSTURE_CLUSTER_RESOURCE_TYPE,
});

/**
 * Parameters of {@link IS_CLUSTER}: the clusters whose posture it allows.
 *
 * @public
 */
export type IsClusterParams = { clusters: string[] };

const clustersParamsSchema = z.object({
  clusters: z
    .array(z.string())
    .describe('Names of the clusters, as in cloudNativePlatform.clusters'),
});

/**
 * Allows the security posture of the named clusters only.
 *
 * @public
 */
export const IS_CLUSTER = createPermissionRule<
  typeof postureClusterResourceRef,
  IsClusterParams
>({
  name: 'IS_CLUSTER',
  description: 'Allow the security posture of the named clusters only',
  resourceRef: postureClusterResourceRef,
  paramsSchema: clustersParamsSchema,
  apply: (resource, { clusters }) => clusters.includes(resource.name),
  toQuery: ({ clusters }) => ({ clusters }),
});

/**
 * Every rule of the security posture cluster resource type.
 *
 * @public
 */
export const securityPostureRules = { isCluster: IS_CLUSTER };
