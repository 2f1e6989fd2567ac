import { ClusterIndex, MESH_ROOT_NAMESPACE } from './clusterIndex';
import { Labels } from './labelSelector';

/**
 * Whether an AuthorizationPolicy that decides access (not AUDIT, not
 * targetRefs) applies to pods with these labels: a namespace-wide or
 * selecting one in their namespace, or one of the root namespace, whose
 * policies apply in every namespace.
 */
export function hasAuthorizationPolicy(
  index: ClusterIndex,
  namespace: string,
  labels: Labels,
): boolean {
  const local = index.authorizationPolicies.get(namespace);
  const root = index.authorizationPolicies.get(MESH_ROOT_NAMESPACE);
  return Boolean(
    (local?.namespaceWide.length ?? 0) > 0 ||
      local?.selected.matchesAny(labels) ||
      (root?.namespaceWide.length ?? 0) > 0 ||
      root?.selected.matchesAny(labels),
  );
}
