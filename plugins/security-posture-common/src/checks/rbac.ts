import { KubeObject, asArray } from '../kube';
import { Check, Hit } from './check';

const ROLE_KINDS = new Set(['Role', 'ClusterRole']);
const BINDING_KINDS = new Set(['RoleBinding', 'ClusterRoleBinding']);
const EXEC_RESOURCES = new Set(['pods/exec', 'pods/attach', 'pods/*']);

// Kubernetes creates and reconciles its default roles itself (cluster-admin
// is a wildcard by definition); findings on them could not be acted on.
function isBuiltIn(object: KubeObject): boolean {
  const { name, labels } = object.metadata;
  return (
    labels?.['kubernetes.io/bootstrapping'] === 'rbac-defaults' ||
    name === 'cluster-admin' ||
    name.startsWith('system:')
  );
}

interface Rule {
  index: number;
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

function rulesOf(object: KubeObject): Rule[] {
  if (!ROLE_KINDS.has(object.kind) || isBuiltIn(object)) {
    return [];
  }
  return asArray(object.rules).map((rule, index) => ({
    index: index + 1,
    apiGroups: asArray(rule?.apiGroups).map(String),
    resources: asArray(rule?.resources).map(String),
    verbs: asArray(rule?.verbs).map(String),
  }));
}

function list(values: string[]): string {
  return values.map(value => (value === '' ? '""' : value)).join(', ');
}

function isAdminRule(rule: Rule): boolean {
  return (
    rule.apiGroups.includes('*') &&
    rule.resources.includes('*') &&
    rule.verbs.includes('*')
  );
}

/** RBAC checks on Roles, ClusterRoles and their bindings. */
export const rbacChecks: Check[] = [
  {
    definition: {
      id: 'rbac-admin-wildcard',
      title: 'Role grants everything',
      severity: 'critical',
      category: 'rbac',
      description:
        'A rule with * apiGroups, resources and verbs is cluster-admin under another name (for a ClusterRole) or namespace owner (for a Role).',
      remediation:
        'List the API groups, resources and verbs the subjects need; bind the built-in admin or edit roles where they fit.',
      references: {
        nsa: 'Authentication and authorization: role-based access control',
        cis: '5.1.3',
        mitre: 'T1078',
      },
    },
    object(object) {
      return rulesOf(object)
        .filter(isAdminRule)
        .map(rule => ({
          message: `rule ${rule.index} grants * verbs on * resources in * apiGroups`,
        }));
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
      references: {
        nsa: 'Authentication and authorization: role-based access control',
        cis: '5.1.3',
      },
    },
    object(object) {
      const hits: Hit[] = [];
      for (const rule of rulesOf(object)) {
        if (isAdminRule(rule)) {
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
        "Create on pods/exec or pods/attach runs commands inside any pod the role reaches, with the pod's secrets and service account.",
      remediation:
        'Grant exec only to break-glass roles, bound for a limited time, and audit its use.',
      references: {
        nsa: 'Authentication and authorization: role-based access control',
        mitre: 'T1609',
      },
    },
    object(object) {
      return rulesOf(object)
        .filter(
          rule =>
            (rule.apiGroups.includes('') || rule.apiGroups.includes('*')) &&
            (rule.verbs.includes('create') || rule.verbs.includes('*')),
        )
        .flatMap(rule =>
          rule.resources
            .filter(resource => EXEC_RESOURCES.has(resource))
            .map(resource => ({
              message: `rule ${rule.index} grants ${
                rule.verbs.includes('*') ? '*' : 'create'
              } on ${resource}`,
            })),
        );
    },
  },
  {
    definition: {
      id: 'cluster-admin-binding',
      title: 'cluster-admin bound to a service account or group',
      severity: 'critical',
      category: 'rbac',
      description:
        'Whoever holds the service account token, or joins the group, controls the whole cluster.',
      remediation:
        'Bind a role with only the permissions needed; keep cluster-admin for system:masters and break-glass users.',
      references: {
        nsa: 'Authentication and authorization: role-based access control',
        cis: '5.1.1',
        mitre: 'T1078',
      },
    },
    object(object) {
      const roleRef = (object as any).roleRef;
      if (
        !BINDING_KINDS.has(object.kind) ||
        roleRef?.kind !== 'ClusterRole' ||
        roleRef?.name !== 'cluster-admin'
      ) {
        return [];
      }
      const hits: Hit[] = [];
      for (const subject of asArray((object as any).subjects)) {
        if (subject?.kind === 'ServiceAccount') {
          const namespace = subject.namespace ?? object.metadata.namespace;
          hits.push({
            message: `binds cluster-admin to ServiceAccount ${
              namespace ? `${namespace}/` : ''
            }${subject.name}`,
          });
        } else if (
          subject?.kind === 'Group' &&
          subject.name !== 'system:masters'
        ) {
          hits.push({
            message: `binds cluster-admin to Group ${subject.name}`,
          });
        }
      }
      return hits;
    },
  },
];
