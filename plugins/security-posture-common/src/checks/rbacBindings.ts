import { KubeObject } from '../kube';
import { Check, CheckContext } from './check';
import {
  ExecGrant,
  adminEquivalentRules,
  describeAdminGrant,
  execGrants,
} from './rbacGrants';
import {
  ResolvedRole,
  ResolvedRule,
  RoleResolution,
  describeSubject,
  isKubernetesDefault,
  rbacKind,
  subjectsOf,
} from './rbacResolution';

const BINDING_KINDS = new Set(['RoleBinding', 'ClusterRoleBinding']);
const NSA_RBAC = 'Authentication and authorization: role-based access control';

/** A binding the checks judge, with what its roleRef resolves to. */
interface JudgedBinding {
  /** `ClusterRoleBinding ci` or `RoleBinding shop/dev`. */
  name: string;
  /** The subjects, in words: `User alice, ServiceAccount shop/ci`. */
  subjects: string;
  /** ` across the cluster` or ` in namespace shop`. */
  scope: string;
  resolution: RoleResolution;
}

// Bindings Kubernetes reconciles itself are left out, and so are bindings
// that grant nobody anything (no subjects, or only system:masters).
function judgedBinding(
  object: KubeObject,
  context: CheckContext,
): JudgedBinding | undefined {
  const kind = rbacKind(object);
  if (!kind || !BINDING_KINDS.has(kind) || isKubernetesDefault(object)) {
    return undefined;
  }
  const subjects = subjectsOf(object);
  if (subjects.length === 0) {
    return undefined;
  }
  const { name, namespace } = object.metadata;
  const clusterWide = kind === 'ClusterRoleBinding';
  return {
    name: `${kind} ${clusterWide || !namespace ? '' : `${namespace}/`}${name}`,
    subjects: subjects.map(describeSubject).join(', '),
    scope: clusterWide ? ' across the cluster' : ` in namespace ${namespace}`,
    resolution: context.index.rbac.resolveBinding(object),
  };
}

/** `ClusterRole edit (built in)`, `ClusterRole ops (aggregating a, b)`. */
function via(role: ResolvedRole, rules: readonly ResolvedRule[]): string {
  const notes: string[] = [];
  if (role.builtIn) {
    notes.push('built in');
  }
  const parts = [
    ...new Set(
      rules
        .filter(
          rule => rule.role.kind !== role.kind || rule.role.name !== role.name,
        )
        .map(rule => rule.role.name),
    ),
  ];
  if (parts.length > 0) {
    notes.push(`aggregating ${parts.join(', ')}`);
  }
  const name = `${role.kind} ${role.namespace ? `${role.namespace}/` : ''}${
    role.name
  }`;
  return notes.length > 0 ? `${name} (${notes.join('; ')})` : name;
}

/** `create, get on pods/exec, pods/attach`, or per subresource when they differ. */
function describeExec(grants: readonly ExecGrant[]): string {
  const verbsOf = new Map<string, Set<string>>();
  for (const grant of grants) {
    const verbs = verbsOf.get(grant.resource) ?? new Set();
    grant.verbs.forEach(verb => verbs.add(verb));
    verbsOf.set(grant.resource, verbs);
  }
  const byVerbs = new Map<string, string[]>();
  for (const [resource, verbs] of verbsOf) {
    const text = verbs.has('*')
      ? '*'
      : ['create', 'get'].filter(verb => verbs.has(verb)).join(', ');
    byVerbs.set(text, [...(byVerbs.get(text) ?? []), resource]);
  }
  return [...byVerbs]
    .map(([verbs, resources]) => `${verbs} on ${resources.join(', ')}`)
    .join('; ');
}

function resolvedRole(binding: JudgedBinding): ResolvedRole | undefined {
  return binding.resolution.status === 'resolved'
    ? binding.resolution.role
    : undefined;
}

/**
 * RBAC checks on RoleBindings and ClusterRoleBindings, judged by what their
 * role grants once resolved: a Role of the binding's namespace, a
 * ClusterRole of the objects with the ClusterRoles it aggregates, or one of
 * Kubernetes' built-in ClusterRoles.
 */
export const rbacBindingChecks: Check[] = [
  {
    definition: {
      id: 'cluster-admin-binding',
      title: 'Binding to cluster-admin or an equivalent role',
      severity: 'critical',
      category: 'rbac',
      description:
        'A binding to cluster-admin, or to any Role or ClusterRole that adds up to * verbs on * resources in * apiGroups (custom or aggregated), gives its users, groups and service accounts full control: of the whole cluster through a ClusterRoleBinding, of the namespace, its RBAC included, through a RoleBinding. Whoever holds a service account token or joins a group gets it too.',
      remediation:
        'Bind a role with only the permissions needed; keep cluster-admin for break-glass users, bound for a limited time.',
      references: {
        nsa: NSA_RBAC,
        cis: '5.1.1',
        mitre: 'T1078',
        kubescape: 'C-0185',
        polaris: [
          'clusterrolebindingClusterAdmin',
          'rolebindingClusterAdminClusterRole',
          'rolebindingClusterAdminRole',
        ],
      },
    },
    object(object, context) {
      const binding = judgedBinding(object, context);
      const role = binding && resolvedRole(binding);
      const admin = role && adminEquivalentRules(role.rules);
      if (!binding || !role || !admin) {
        return [];
      }
      return [
        {
          message: `${binding.name} gives ${
            binding.subjects
          } ${describeAdminGrant(admin)} via ${via(role, admin)}${
            binding.scope
          }`,
        },
      ];
    },
  },
  {
    definition: {
      id: 'rbac-pod-exec-binding',
      title: 'Binding that lets subjects exec or attach into pods',
      severity: 'high',
      category: 'rbac',
      description:
        "A binding whose role grants create or get on pods/exec or pods/attach (the built-in admin and edit roles do) lets its users, groups and service accounts run commands in every pod it reaches, with the pod's secrets and service account token.",
      remediation:
        'Bind a role without pods/exec and pods/attach (view, or a custom one); grant exec through a separate, time-limited binding for break-glass access, and audit its use.',
      // The CIS Benchmark has no control for exec, so none is named.
      references: {
        nsa: NSA_RBAC,
        mitre: 'T1609',
        kubescape: 'C-0002',
        polaris: [
          'clusterrolebindingPodExecAttach',
          'rolebindingClusterRolePodExecAttach',
          'rolebindingRolePodExecAttach',
        ],
      },
    },
    object(object, context) {
      const binding = judgedBinding(object, context);
      const role = binding && resolvedRole(binding);
      // A binding to an admin-equivalent role is reported as that only.
      if (!binding || !role || adminEquivalentRules(role.rules)) {
        return [];
      }
      const grants = execGrants(role.rules);
      if (grants.length === 0) {
        return [];
      }
      return [
        {
          message: `${binding.name} gives ${binding.subjects} ${describeExec(
            grants,
          )} via ${via(
            role,
            grants.map(grant => grant.rule),
          )}${binding.scope}`,
        },
      ];
    },
  },
  {
    definition: {
      id: 'rbac-binding-role-missing',
      title: 'Binding to a role that is not there',
      severity: 'info',
      category: 'rbac',
      description:
        'The role a binding refers to is neither among the objects nor one of the built-in ClusterRoles (cluster-admin, admin, edit, view), so what it grants cannot be judged. In a cluster such a binding grants nothing until someone creates a role of that name, and then grants whatever that role holds.',
      remediation:
        'Delete the binding if the role is gone for good; otherwise include the role in the manifests, or create it, so that what it grants can be checked.',
      references: { nsa: NSA_RBAC },
    },
    object(object, context) {
      const binding = judgedBinding(object, context);
      if (!binding || binding.resolution.status !== 'missing') {
        return [];
      }
      const { kind, name, reason } = binding.resolution;
      let target = `a role of kind "${kind}"`;
      if (kind === 'ClusterRole') {
        target = `ClusterRole ${name}`;
      } else if (kind === 'Role') {
        const namespace = object.metadata.namespace;
        target = `Role ${namespace ? `${namespace}/` : ''}${name}`;
      }
      return [
        {
          message: `${binding.name} refers to ${target}, ${
            reason ?? 'which is not among the objects'
          }: what it gives ${binding.subjects} cannot be judged`,
        },
      ];
    },
  },
];
