import {
  isKind,
  isOneOfKinds,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { KubeObject, asArray } from '../kube';
import { BUILT_IN_CLUSTER_ROLES } from './builtInClusterRoles';
import { LabelSelector, selectorMatches } from './labelSelector';

/** One rule of a Role or ClusterRole, with the role that wrote it. */
export interface ResolvedRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames: string[];
  /** The role whose `rules` hold this one: the bound role or an aggregated part. */
  role: RoleName;
  /** 1-based position among that role's rules. */
  index: number;
}

/** A Role (with its namespace) or a ClusterRole, by name. */
export interface RoleName {
  kind: 'Role' | 'ClusterRole';
  namespace?: string;
  name: string;
  /** From Kubernetes' bootstrap policy, not among the objects. */
  builtIn?: boolean;
}

/** A role with every rule it grants, its aggregated parts' included. */
export interface ResolvedRole extends RoleName {
  rules: ResolvedRule[];
}

/** What a binding's `roleRef` resolves to among the objects of the call. */
export type RoleResolution =
  | { status: 'resolved'; role: ResolvedRole }
  /** A `system:` ClusterRole: in every cluster, but its rules are not known here. */
  | { status: 'system'; name: string }
  | { status: 'missing'; kind: string; name: string; reason?: string };

/** A subject of a binding, as the API server reads it. */
export interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/**
 * The kind of an object of the RBAC API group (Role, ClusterRole,
 * RoleBinding, ClusterRoleBinding); undefined for other groups, whose kinds
 * may share the names.
 */
export function rbacKind(object: KubeObject): string | undefined {
  const apiVersion = String(object?.apiVersion ?? '');
  return apiVersion.startsWith(`${RBAC_GROUP}/`) ? object.kind : undefined;
}

function stringList(value: unknown): string[] {
  return asArray(value).map(String);
}

function key(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

/**
 * Whether Kubernetes creates and reconciles the object itself (its default
 * roles and bindings): findings on those could not be acted on.
 */
export function isKubernetesDefault(object: KubeObject): boolean {
  const { name, labels } = object.metadata;
  return (
    labels?.['kubernetes.io/bootstrapping'] === 'rbac-defaults' ||
    name.startsWith('system:')
  );
}

/**
 * The Roles and ClusterRoles of one call, with Kubernetes' user-facing
 * ClusterRoles (cluster-admin, admin, edit, view) standing in for those not
 * among the objects, resolved the way the API server authorizes: a
 * ClusterRole with an `aggregationRule` holds the rules of every ClusterRole
 * its selectors match, transitively.
 */
export class RoleCatalog {
  private readonly roles = new Map<string, KubeObject>();
  private readonly clusterRoles = new Map<string, KubeObject>();
  private readonly builtIn = new Set<KubeObject>();
  private readonly resolved = new Map<string, ResolvedRole>();

  constructor(objects: readonly KubeObject[]) {
    for (const object of objects) {
      const name = object?.metadata?.name;
      const kind = rbacKind(object);
      if (!name) {
        continue;
      }
      if (kind === 'ClusterRole') {
        this.clusterRoles.set(name, object);
      } else if (kind === 'Role' && object.metadata.namespace) {
        this.roles.set(key(object.metadata.namespace, name), object);
      }
    }
    for (const role of BUILT_IN_CLUSTER_ROLES) {
      if (!this.clusterRoles.has(role.metadata.name)) {
        this.clusterRoles.set(role.metadata.name, role);
        this.builtIn.add(role);
      }
    }
  }

  /** The rules a Role or ClusterRole of the objects grants, aggregated ones included. */
  rulesOf(object: KubeObject): ResolvedRule[] {
    if (object.kind === 'Role') {
      return ownRules(object, this.nameOf(object));
    }
    return this.aggregate(object).rules;
  }

  /** What a RoleBinding's or ClusterRoleBinding's `roleRef` grants. */
  resolveBinding(binding: KubeObject): RoleResolution {
    const ref: { kind?: string; name?: string } =
      (isOneOfKinds(binding, ['RoleBinding', 'ClusterRoleBinding'])
        ? binding.roleRef
        : undefined) ?? {};
    const kind = String(ref.kind ?? '');
    const name = String(ref.name ?? '');
    if (kind === 'ClusterRole') {
      const role = this.clusterRoles.get(name);
      if (role) {
        return { status: 'resolved', role: this.aggregate(role) };
      }
      if (name.startsWith('system:')) {
        return { status: 'system', name };
      }
      return { status: 'missing', kind, name };
    }
    if (kind === 'Role') {
      if (binding.kind === 'ClusterRoleBinding') {
        return {
          status: 'missing',
          kind,
          name,
          reason: 'which a ClusterRoleBinding cannot refer to',
        };
      }
      const namespace = binding.metadata.namespace;
      const role = this.roles.get(key(namespace, name));
      if (role) {
        return {
          status: 'resolved',
          role: {
            ...this.nameOf(role),
            rules: ownRules(role, this.nameOf(role)),
          },
        };
      }
      return { status: 'missing', kind, name };
    }
    return {
      status: 'missing',
      kind,
      name,
      reason: 'which is neither a Role nor a ClusterRole',
    };
  }

  private nameOf(object: KubeObject): RoleName {
    const { name, namespace } = object.metadata;
    if (object.kind === 'Role') {
      return { kind: 'Role', namespace, name };
    }
    return {
      kind: 'ClusterRole',
      name,
      ...(this.builtIn.has(object) && { builtIn: true }),
    };
  }

  // Breadth first over the aggregation graph, each ClusterRole once, so that
  // a cycle of aggregated roles (allowed by the API) ends.
  private aggregate(root: KubeObject): ResolvedRole {
    const cached = this.resolved.get(root.metadata.name);
    if (cached && this.clusterRoles.get(root.metadata.name) === root) {
      return cached;
    }
    const seen = new Set<KubeObject>([root]);
    const queue = [root];
    const rules: ResolvedRule[] = [];
    // In a cluster the aggregation controller has already copied the parts'
    // rules into the aggregated role: each is kept once, as the role's own.
    const written = new Set<string>();
    while (queue.length > 0) {
      const role = queue.shift()!;
      for (const rule of ownRules(role, this.nameOf(role))) {
        const text = JSON.stringify([
          rule.apiGroups,
          rule.resources,
          rule.verbs,
          rule.resourceNames,
        ]);
        if (!written.has(text)) {
          written.add(text);
          rules.push(rule);
        }
      }
      const parts: KubeObject[] = [];
      for (const selector of selectorsOf(role)) {
        for (const candidate of this.clusterRoles.values()) {
          if (
            !seen.has(candidate) &&
            selectorMatches(selector, candidate.metadata.labels ?? {})
          ) {
            seen.add(candidate);
            parts.push(candidate);
          }
        }
      }
      parts.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
      queue.push(...parts);
    }
    const resolved = { ...this.nameOf(root), rules };
    if (this.clusterRoles.get(root.metadata.name) === root) {
      this.resolved.set(root.metadata.name, resolved);
    }
    return resolved;
  }
}

// A null selector selects nothing (unlike an empty one, which selects every
// ClusterRole): that is how the aggregation controller reads them.
function selectorsOf(role: KubeObject): LabelSelector[] {
  if (!isKind(role, 'ClusterRole')) {
    return [];
  }
  return asArray(role.aggregationRule?.clusterRoleSelectors).filter(
    selector => selector !== null && typeof selector === 'object',
  );
}

function ownRules(object: KubeObject, role: RoleName): ResolvedRule[] {
  if (!isOneOfKinds(object, ['Role', 'ClusterRole'])) {
    return [];
  }
  return asArray(object.rules).map((rule, index) => ({
    apiGroups: stringList(rule?.apiGroups),
    resources: stringList(rule?.resources),
    verbs: stringList(rule?.verbs),
    resourceNames: stringList(rule?.resourceNames),
    role,
    index: index + 1,
  }));
}

/**
 * The subjects a binding grants its role to, the ServiceAccounts of a
 * RoleBinding defaulting to its namespace. `system:masters` is left out: its
 * members bypass authorization, so no binding adds to what they can do.
 */
export function subjectsOf(binding: KubeObject): Subject[] {
  const subjects: Subject[] = [];
  if (!isOneOfKinds(binding, ['RoleBinding', 'ClusterRoleBinding'])) {
    return subjects;
  }
  for (const subject of asArray(binding.subjects)) {
    if (!subject?.kind || !subject.name) {
      continue;
    }
    const { kind, name } = subject;
    if (kind === 'Group' && name === 'system:masters') {
      continue;
    }
    if (kind === 'ServiceAccount') {
      const namespace = subject.namespace ?? binding.metadata.namespace;
      subjects.push({ kind, name, ...(namespace && { namespace }) });
    } else {
      subjects.push({ kind: String(kind), name: String(name) });
    }
  }
  return subjects;
}

/** `User alice`, `Group devs`, `ServiceAccount shop/ci`. */
export function describeSubject(subject: Subject): string {
  const namespace = subject.namespace ? `${subject.namespace}/` : '';
  return `${subject.kind} ${namespace}${subject.name}`;
}
