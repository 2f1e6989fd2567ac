import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/** What the maturity page is showing: the fleet, one team or one system. */
export type MaturityScope =
  | { type: 'fleet' }
  | { type: 'team'; ref: string }
  | { type: 'system'; ref: string };

const KIND_OF = { team: 'group', system: 'system' } as const;

/**
 * The full entity reference of a team or system as the leaderboard names it.
 * The leaderboard groups by the components' `spec.owner` and `spec.system`,
 * which may be short names (`trading-team`) or references; the trend and the
 * team answer want references (`group:default/trading-team`).
 */
export function scopeRef(
  type: 'team' | 'system',
  name: string,
): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(name, {
        defaultKind: KIND_OF[type],
        defaultNamespace: 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

/**
 * The scope a URL query names with `team=` or `system=`; a short name is
 * accepted and made a reference, anything unreadable means the fleet.
 */
export function scopeFromParams(params: URLSearchParams): MaturityScope {
  for (const type of ['team', 'system'] as const) {
    const value = params.get(type);
    const ref = value ? scopeRef(type, value) : undefined;
    if (ref) return { type, ref };
  }
  return { type: 'fleet' };
}

/** The URL query of a scope, keeping any other parameter as it was. */
export function scopeToParams(
  scope: MaturityScope,
  current: URLSearchParams,
): URLSearchParams {
  const params = new URLSearchParams(current);
  params.delete('team');
  params.delete('system');
  if (scope.type !== 'fleet') params.set(scope.type, scope.ref);
  return params;
}

/** The query of `getHistory` for a scope; none for the fleet. */
export function historyQuery(
  scope: MaturityScope,
): { team: string } | { system: string } | undefined {
  if (scope.type === 'team') return { team: scope.ref };
  if (scope.type === 'system') return { system: scope.ref };
  return undefined;
}

/** Whether two scopes are the same team, system or the fleet. */
export function sameScope(a: MaturityScope, b: MaturityScope): boolean {
  if (a.type === 'fleet' || b.type === 'fleet') return a.type === b.type;
  return a.type === b.type && a.ref === b.ref;
}

/** A scope in words, for titles and the chart's name: `team trading-team`. */
export function scopeSubject(scope: MaturityScope): string {
  if (scope.type === 'fleet') return 'the fleet';
  return `${scope.type} ${scopeName(scope)}`;
}

/** The short name of a team or system: `trading-team`, `ops/trading-team`. */
export function scopeName(scope: { ref: string }): string {
  const { namespace, name } = parseEntityRef(scope.ref);
  return namespace === 'default' ? name : `${namespace}/${name}`;
}
