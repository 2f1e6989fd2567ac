import {
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { HEALING_ATTEMPT_RESOURCE_TYPE } from '@cloud-native-platform/plugin-healing-common';
import { z } from 'zod';

/**
 * A healing attempt as the permission framework sees it: where its action
 * applies.
 *
 * @public
 */
export interface HealingAttemptResource {
  id: string;
  cluster: string;
  /** Absent for cluster-scoped targets. */
  namespace?: string;
  /** The cluster's role, such as production; absent for an unknown cluster. */
  clusterRole?: string;
}

/**
 * A condition translated for querying: the clusters, namespaces and cluster
 * roles it allows (each absent when it does not restrict).
 *
 * @public
 */
export interface HealingAttemptQuery {
  clusters?: string[];
  namespaces?: string[];
  clusterRoles?: string[];
}

/**
 * Reference of the resource type of `healing.attempt.approve`; its resource
 * refs are attempt ids.
 *
 * @public
 */
export const healingAttemptResourceRef = createPermissionResourceRef<
  HealingAttemptResource,
  HealingAttemptQuery
>().with({
  pluginId: 'healing',
  resourceType: HEALING_ATTEMPT_RESOURCE_TYPE,
});

const nameList = (what: string) =>
  z
    .array(z.string().min(1).max(253))
    .max(500)
    .describe(`The ${what} an attempt may act on`);

const clustersParams = z.object({ clusters: nameList('clusters') });
const namespacesParams = z.object({ namespaces: nameList('namespaces') });
const rolesParams = z.object({ roles: nameList('cluster roles') });

/**
 * Allows attempts acting on the named clusters only.
 *
 * @public
 */
export const IS_CLUSTER = createPermissionRule({
  name: 'IS_CLUSTER',
  description: 'Allow healing attempts on the named clusters only',
  resourceRef: healingAttemptResourceRef,
  paramsSchema: clustersParams,
  apply: (resource, { clusters }) => clusters.includes(resource.cluster),
  toQuery: ({ clusters }) => ({ clusters }),
});

/**
 * Allows attempts acting in the named namespaces only, in any cluster
 * (combine with IS_CLUSTER in an allOf to name both).
 *
 * @public
 */
export const IS_NAMESPACE = createPermissionRule({
  name: 'IS_NAMESPACE',
  description: 'Allow healing attempts in the named namespaces only',
  resourceRef: healingAttemptResourceRef,
  paramsSchema: namespacesParams,
  apply: (resource, { namespaces }) =>
    resource.namespace !== undefined && namespaces.includes(resource.namespace),
  toQuery: ({ namespaces }) => ({ namespaces }),
});

/**
 * Allows attempts on clusters of the given roles only, such as staging.
 *
 * @public
 */
export const HAS_CLUSTER_ROLE = createPermissionRule({
  name: 'HAS_CLUSTER_ROLE',
  description:
    'Allow healing attempts on clusters of the given roles only (production, disaster-recovery, staging, test, development)',
  resourceRef: healingAttemptResourceRef,
  paramsSchema: rolesParams,
  apply: (resource, { roles }) =>
    resource.clusterRole !== undefined && roles.includes(resource.clusterRole),
  toQuery: ({ roles }) => ({ clusterRoles: roles }),
});

/**
 * Every rule of the healing attempt resource type.
 *
 * @public
 */
export const healingAttemptRules = [IS_CLUSTER, IS_NAMESPACE, HAS_CLUSTER_ROLE];
