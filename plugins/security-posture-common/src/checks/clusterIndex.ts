import {
  isKind,
  podTemplateOf,
  type AuthorizationPolicy,
  type HorizontalPodAutoscaler,
  type Namespace,
  type NetworkPolicy,
  type PeerAuthentication,
  type Pod,
  type PodDisruptionBudget,
  type PodSpec,
  type ServiceAccount,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { KubeObject, asArray } from '../kube';
import { LabelSelector, SelectorIndex, isEmptySelector } from './labelSelector';
import { PodSidecars, hasInjectionLabel, proxyRole } from './meshMembership';
import { RoleCatalog } from './rbacResolution';

/** Istio's root namespace: its selector-less policies apply mesh-wide. */
export const MESH_ROOT_NAMESPACE = 'istio-system';

/** The policies of one kind in one namespace. */
export interface ScopedPolicies<T extends KubeObject = KubeObject> {
  /** Policies that select every pod of the namespace. */
  namespaceWide: T[];
  /** Policies that select pods by label. */
  selected: SelectorIndex<T>;
}

/** A reference to an object of the cluster, as reports and owners name it. */
export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
}

/**
 * The objects of one `runChecks` call (one cluster) that checks need beside
 * the object they evaluate, indexed once per call.
 */
export interface ClusterIndex {
  namespaces: Map<string, Namespace>;
  /** Namespaces with workloads in the mesh, by injection label or sidecar. */
  meshNamespaces: Set<string>;
  peerAuthentications: Map<string, ScopedPolicies<PeerAuthentication>>;
  /** Only the policies that decide access: AUDIT and targetRefs ones are left out. */
  authorizationPolicies: Map<string, ScopedPolicies<AuthorizationPolicy>>;
  networkPolicies: Map<string, ScopedPolicies<NetworkPolicy>>;
  /** PodDisruptionBudgets by namespace; one without a selector selects nothing. */
  podDisruptionBudgets: Map<string, ScopedPolicies<PodDisruptionBudget>>;
  /** HorizontalPodAutoscalers by the `kind/namespace/name` they scale. */
  autoscalers: Map<string, HorizontalPodAutoscaler>;
  /** ServiceAccounts by `namespace/name`. */
  serviceAccounts: Map<string, ServiceAccount>;
  /** The controller of an owned object: `kind/namespace/name` to its owner. */
  owners: Map<string, ObjectRef>;
  /** The Roles and ClusterRoles, for what a binding grants. */
  rbac: RoleCatalog;
  /**
   * Sidecars of the pods among the objects, by the top controller they run
   * for (`kind/namespace/name`, see {@link workloadKey}).
   */
  podSidecars: Map<string, PodSidecars>;
  /**
   * Whether the objects show a running mesh: istiod in the root namespace, a
   * namespace labelled for injection, or a pod or template with a sidecar.
   */
  meshRuns: boolean;
}

// The kinds `workloadOf` evaluates through their owner.
const OWNED_COPIES = new Set([
  'Pod',
  'ReplicaSet',
  'ReplicationController',
  'Job',
]);

/** The key of an object in the index's maps by reference. */
export function refKey(ref: ObjectRef): string {
  return `${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
}

/** The key {@link ClusterIndex.podSidecars} files a workload under. */
export function workloadKey(object: KubeObject): string {
  return refKey({
    kind: object.kind,
    namespace: object.metadata.namespace,
    name: object.metadata.name,
  });
}

// istiod's Deployment and pods, as istioctl and the Helm charts label them.
function isIstiod(object: KubeObject): boolean {
  const labels = object.metadata.labels ?? {};
  return (
    object.metadata.namespace === MESH_ROOT_NAMESPACE &&
    (object.kind === 'Deployment' || object.kind === 'Pod') &&
    (labels.app === 'istiod' ||
      labels['app.kubernetes.io/name'] === 'istiod' ||
      /^istiod(-|$)/.test(object.metadata.name))
  );
}

function templateSpec(object: KubeObject): PodSpec | undefined {
  return podTemplateOf(object)?.spec;
}

function group(apiVersion: string | undefined): string {
  const slash = apiVersion?.indexOf('/') ?? -1;
  return slash < 0 ? '' : apiVersion!.slice(0, slash);
}

function scoped<T extends KubeObject>(
  map: Map<string, ScopedPolicies<T>>,
  namespace: string,
): ScopedPolicies<T> {
  let policies = map.get(namespace);
  if (!policies) {
    policies = { namespaceWide: [], selected: new SelectorIndex() };
    map.set(namespace, policies);
  }
  return policies;
}

function addPolicy<T extends KubeObject>(
  map: Map<string, ScopedPolicies<T>>,
  object: T,
  selector: LabelSelector | undefined,
): void {
  const policies = scoped(map, object.metadata.namespace!);
  if (isEmptySelector(selector)) {
    policies.namespaceWide.push(object);
  } else {
    policies.selected.add(selector!, object);
  }
}

/** Indexes the objects of one cluster for the checks that need context. */
export function buildClusterIndex(
  objects: readonly KubeObject[],
): ClusterIndex {
  const index: ClusterIndex = {
    namespaces: new Map(),
    meshNamespaces: new Set(),
    peerAuthentications: new Map(),
    authorizationPolicies: new Map(),
    networkPolicies: new Map(),
    podDisruptionBudgets: new Map(),
    autoscalers: new Map(),
    serviceAccounts: new Map(),
    owners: new Map(),
    rbac: new RoleCatalog(objects),
    podSidecars: new Map(),
    meshRuns: false,
  };
  const pods: Pod[] = [];
  for (const object of objects) {
    const metadata = object?.metadata;
    if (!metadata?.name) {
      continue;
    }
    const namespace = metadata.namespace;
    const owners = metadata.ownerReferences;
    if (owners && owners.length > 0) {
      const owner = owners.find(ref => ref?.controller) ?? owners[0];
      if (owner?.kind && owner.name) {
        index.owners.set(
          refKey({ kind: object.kind, namespace, name: metadata.name }),
          {
            kind: owner.kind,
            namespace,
            name: owner.name,
          },
        );
      }
    }
    if (isKind(object, 'Namespace')) {
      index.namespaces.set(metadata.name, object);
      if (hasInjectionLabel(metadata.labels)) {
        index.meshNamespaces.add(metadata.name);
      }
      continue;
    }
    if (!namespace) {
      continue;
    }
    const apiGroup = group(object.apiVersion);
    if (isIstiod(object) || proxyRole(templateSpec(object)) === 'sidecar') {
      index.meshRuns = true;
    }
    if (isKind(object, 'Pod')) {
      pods.push(object);
    }
    if (isKind(object, 'Pod') && proxyRole(object.spec) === 'sidecar') {
      index.meshNamespaces.add(namespace);
    } else if (apiGroup === 'security.istio.io') {
      if (isKind(object, 'PeerAuthentication')) {
        addPolicy(index.peerAuthentications, object, object.spec?.selector);
      } else if (isKind(object, 'AuthorizationPolicy')) {
        const spec = object.spec ?? {};
        if (
          spec.action !== 'AUDIT' &&
          !spec.targetRef &&
          asArray(spec.targetRefs).length === 0
        ) {
          addPolicy(index.authorizationPolicies, object, spec.selector);
        }
      }
    } else if (
      apiGroup === 'networking.k8s.io' &&
      isKind(object, 'NetworkPolicy')
    ) {
      // A missing podSelector is invalid; the API server would default it to
      // {} and so does this.
      addPolicy(index.networkPolicies, object, object.spec?.podSelector);
    } else if (apiGroup === 'policy' && isKind(object, 'PodDisruptionBudget')) {
      // policy/v1: an empty selector selects every pod of the namespace, a
      // missing one none.
      if (object.spec?.selector && typeof object.spec.selector === 'object') {
        addPolicy(index.podDisruptionBudgets, object, object.spec.selector);
      }
    } else if (
      apiGroup === 'autoscaling' &&
      isKind(object, 'HorizontalPodAutoscaler')
    ) {
      const target = object.spec?.scaleTargetRef;
      if (target?.kind && target.name) {
        index.autoscalers.set(
          refKey({ kind: target.kind, namespace, name: target.name }),
          object,
        );
      }
    } else if (isKind(object, 'ServiceAccount') && apiGroup === '') {
      index.serviceAccounts.set(`${namespace}/${metadata.name}`, object);
    }
  }
  // Owners are all known only now, so pods are filed under their top
  // controller after the first pass.
  for (const pod of pods) {
    const ref: ObjectRef = {
      kind: 'Pod',
      namespace: pod.metadata.namespace,
      name: pod.metadata.name,
    };
    const top = controllerOf(index, ref);
    if (top === ref) {
      continue;
    }
    const key = refKey(top);
    const counts = index.podSidecars.get(key) ?? {
      withSidecar: 0,
      withoutSidecar: 0,
    };
    if (proxyRole(pod.spec)) {
      counts.withSidecar += 1;
    } else {
      counts.withoutSidecar += 1;
    }
    index.podSidecars.set(key, counts);
  }
  index.meshRuns ||= index.meshNamespaces.size > 0;
  return index;
}

/**
 * The object that controls the referenced one, following owners up to the
 * top (Pod → ReplicaSet → Deployment), so that findings from reports land on
 * the workload the other checks report on. Owners that are not among the
 * call's objects end the chain.
 */
export function controllerOf(index: ClusterIndex, ref: ObjectRef): ObjectRef {
  let current = ref;
  // Only the kinds the engine reports through their owner are followed: a
  // StatefulSet an operator owns is still checked, and reported, as itself.
  // Bounded, so that a cycle of malformed owner references cannot hang.
  for (let depth = 0; depth < 8 && OWNED_COPIES.has(current.kind); depth++) {
    const owner = index.owners.get(refKey(current));
    if (!owner) {
      break;
    }
    current = owner;
  }
  return current;
}

/** Age order (oldest first, then name): Istio applies the oldest of rivals. */
export function oldestFirst<T extends KubeObject>(policies: readonly T[]): T[] {
  const created = (p: KubeObject) => String(p.metadata.creationTimestamp ?? '');
  return [...policies].sort(
    (a, b) =>
      created(a).localeCompare(created(b)) ||
      a.metadata.name.localeCompare(b.metadata.name),
  );
}
