import { KubeObject } from '../kube';
import { Check, CheckContext, Hit } from './check';
import { rbacBindingChecks } from './rbacBindings';
import {
  adminEquivalentRules,
  describeAdminGrant,
  execGrants,
} from './rbacGrants';
import { ResolvedRule, isKubernetesDefault, rbacKind } from './rbacResolution';

const ROLE_KINDS = new Set(['Role', 'ClusterRole']);

const NSA_RBAC = 'Authentication and authorization: role-based access control';

// Kubernetes creates and reconciles its default roles itself (cluster-admin
// is a wildcard by definition); findings on them could not be acted on.
function judgedRules(
  object: KubeObject,
  context: CheckContext,
): ResolvedRule[] | undefined {
  const kind = rbacKind(object);
  if (
    !kind ||
    !ROLE_KINDS.has(kind) ||
    isKubernetesDefault(object) ||
    object.metadata.name === 'cluster-admin'
  ) {
    return undefined;
  }
  return context.index.rbac.rulesOf(object);
}

function isOwn(rule: ResolvedRule, object: KubeObject): boolean {
  return (
    rule.role.kind === object.kind && rule.role.name === object.metadata.name
  );
}

/** `rule 2`, or `rule 1 of ClusterRole part` for a rule an aggregated part holds. */
function ruleLabel(rule: ResolvedRule, object: KubeObject): string {
  if (isOwn(rule, object)) {
    return `rule ${rule.index}`;
  }
  return `rule ${rule.index} of ClusterRole ${rule.role.name}${
    rule.role.builtIn ? ' (built in)' : ''
  }`;
}

function list(values: string[]): string {
  return values.map(value => (value === '' ? '""' : value)).join(', ');
}

/** RBAC checks on Roles and ClusterRoles, then on their bindings. */
export const rbacChecks: Check[] = [
  {
    definition: {
      id: 'rbac-admin-wildcard',
      title: 'Role grants everything',
      severity: 'critical',
      category: 'rbac',
      description:
        'Rules with * apiGroups and resources and * verbs (or every everyday verb between them), its own or those of the ClusterRoles it aggregates, make a ClusterRole cluster-admin under another name and a Role the owner of its namespace.',
      remediation:
        'List the API groups, resources and verbs the subjects need; bind the built-in admin or edit roles where they fit.',
      references: {
        nsa: NSA_RBAC,
        cis: '5.1.3',
        mitre: 'T1078',
        kubescape: 'C-0035',
      },
    },
    object(object, context) {
      const rules = judgedRules(object, context);
      const admin = rules && adminEquivalentRules(rules);
      if (!admin) {
        return [];
      }
      const labels = admin.map(rule => ruleLabel(rule, object));
      return [
        {
          message: `${labels.join(', ')} ${
            labels.length > 1 ? 'together grant' : 'grants'
          } ${describeAdminGrant(admin)}`,
        },
      ];
    },
  },
  {
    definition: {
      id: 'rbac-wildcard',
      title: 'Wildcard in a role rule',
      severity: 'medium',
      category: 'rbac',
      description:
        'A wildcard grants access to resources and verbs that do not exist yet, including custom resources installed later.',
      remediation:
        'Replace * with the explicit API groups, resources and verbs.',
      references: { nsa: NSA_RBAC, cis: '5.1.3', kubescape: 'C-0187' },
    },
    object(object, context) {
      const rules = judgedRules(object, context);
      if (!rules) {
        return [];
      }
      // Rules that make the role admin-equivalent are reported once, as that.
      const admin = new Set(adminEquivalentRules(rules) ?? []);
      const hits: Hit[] = [];
      for (const rule of rules) {
        if (admin.has(rule) || !isOwn(rule, object)) {
          continue;
        }
        const fields = (['apiGroups', 'resources', 'verbs'] as const).filter(
          field => rule[field].includes('*'),
        );
        if (fields.length > 0) {
          hits.push({
            message: `rule ${rule.index} uses * in ${fields.join(
              ', ',
            )} (apiGroups ${list(rule.apiGroups)}; resources ${list(
              rule.resources,
            )}; verbs ${list(rule.verbs)})`,
          });
        }
      }
      return hits;
    },
  },
  {
    definition: {
      id: 'rbac-pod-exec',
      title: 'Exec or attach into pods',
      severity: 'high',
      category: 'rbac',
      description:
        "Create or get on pods/exec or pods/attach (a websocket exec is a get), its own or through the ClusterRoles it aggregates, runs commands inside any pod the role reaches, with the pod's secrets and service account.",
      remediation:
        'Grant exec only to break-glass roles, bound for a limited time, and audit its use.',
      // The CIS Benchmark has no control for exec (5.1.x covers secrets,
      // wildcards, pod creation and escalation verbs), so none is named.
      references: {
        nsa: NSA_RBAC,
        mitre: 'T1609',
        kubescape: 'C-0002',
        polaris: ['clusterrolePodExecAttach', 'rolePodExecAttach'],
      },
    },
    object(object, context) {
      const rules = judgedRules(object, context);
      // An admin-equivalent role is reported as that, exec included.
      if (!rules || adminEquivalentRules(rules)) {
        return [];
      }
      const byRule = new Map<ResolvedRule, { verbs: string[]; on: string[] }>();
      for (const grant of execGrants(rules)) {
        const entry = byRule.get(grant.rule) ?? { verbs: grant.verbs, on: [] };
        entry.on.push(grant.resource);
        byRule.set(grant.rule, entry);
      }
      return [...byRule].map(([rule, { verbs, on }]) => ({
        message: `${ruleLabel(rule, object)} grants ${verbs.join(
          ', ',
        )} on ${on.join(', ')}`,
      }));
    },
  },
  ...rbacBindingChecks,
];
