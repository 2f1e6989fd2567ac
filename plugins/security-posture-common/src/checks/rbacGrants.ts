import { ResolvedRule } from './rbacResolution';

// Polaris counts a rule listing the seven everyday verbs as a wildcard:
// nothing is left but the rarely granted ones (escalate, bind, impersonate).
const EVERY_VERB = [
  'get',
  'list',
  'watch',
  'create',
  'update',
  'patch',
  'delete',
];

/**
 * The rules that together make a role cluster-admin under another name:
 * `*` verbs (or every everyday verb between them) on `*` resources in `*`
 * apiGroups, not narrowed by resourceNames. Undefined when they do not add
 * up to that. A single wildcard rule is returned alone.
 */
export function adminEquivalentRules(
  rules: readonly ResolvedRule[],
): ResolvedRule[] | undefined {
  const everywhere = rules.filter(
    rule =>
      rule.apiGroups.includes('*') &&
      rule.resources.includes('*') &&
      rule.resourceNames.length === 0,
  );
  const wildcard = everywhere.find(rule => rule.verbs.includes('*'));
  if (wildcard) {
    return [wildcard];
  }
  const missing = new Set(EVERY_VERB);
  const contributing: ResolvedRule[] = [];
  for (const rule of everywhere) {
    const adds = rule.verbs.filter(verb => missing.has(verb));
    if (adds.length > 0) {
      contributing.push(rule);
      adds.forEach(verb => missing.delete(verb));
    }
  }
  return missing.size === 0 ? contributing : undefined;
}

/** What the rules that make a role admin-equivalent grant, in words. */
export function describeAdminGrant(rules: readonly ResolvedRule[]): string {
  const verbs = rules.some(rule => rule.verbs.includes('*'))
    ? '* verbs'
    : 'get, list, watch, create, update, patch and delete';
  return `${verbs} on * resources in * apiGroups`;
}

/** The pod subresources that open a shell or a stream into a container. */
export const EXEC_SUBRESOURCES = ['pods/exec', 'pods/attach'] as const;

// `create` is what kubectl sends; a websocket client opens the same stream
// with `get`, which the API server authorizes as `get`.
const EXEC_VERBS = ['*', 'create', 'get'];

function resourceMatches(ruleResource: string, resource: string): boolean {
  const [parent, subresource] = resource.split('/');
  return (
    ruleResource === '*' ||
    ruleResource === resource ||
    ruleResource === `${parent}/*` ||
    ruleResource === `*/${subresource}`
  );
}

/** Exec or attach one rule grants: a subresource and the verbs that open it. */
export interface ExecGrant {
  resource: (typeof EXEC_SUBRESOURCES)[number];
  verbs: string[];
  rule: ResolvedRule;
}

/** Every way the rules let a subject exec or attach into pods. */
export function execGrants(rules: readonly ResolvedRule[]): ExecGrant[] {
  const grants: ExecGrant[] = [];
  for (const rule of rules) {
    if (!rule.apiGroups.includes('') && !rule.apiGroups.includes('*')) {
      continue;
    }
    const verbs = EXEC_VERBS.filter(verb => rule.verbs.includes(verb));
    if (verbs.length === 0) {
      continue;
    }
    for (const resource of EXEC_SUBRESOURCES) {
      if (rule.resources.some(r => resourceMatches(r, resource))) {
        grants.push({
          resource,
          verbs: verbs.includes('*') ? ['*'] : verbs,
          rule,
        });
      }
    }
  }
  return grants;
}
