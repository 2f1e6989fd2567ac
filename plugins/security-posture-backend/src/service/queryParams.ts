import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/** A request's query as Express parses it. */
export type Query = Record<string, unknown>;

/** Rejects parameters the route does not know, so typos do not pass silently. */
export function allowOnly(query: Query, names: readonly string[]): void {
  const unknown = Object.keys(query).filter(name => !names.includes(name));
  if (unknown.length > 0) {
    throw new InputError(
      `unknown query parameter${unknown.length > 1 ? 's' : ''} ${unknown.join(
        ', ',
      )}; this route takes ${names.length > 0 ? names.join(', ') : 'none'}`,
    );
  }
}

/** A query parameter given at most once, as a non-empty string. */
export function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new InputError(`query parameter ${name} must be given once`);
  }
  if (value === '') {
    throw new InputError(`query parameter ${name} must not be empty`);
  }
  return value;
}

/** An entity reference parameter; a bare name reads as a component (or a group for teams). */
export function entityRefParam(
  name: string,
  value: string,
  defaultKind: 'component' | 'group',
) {
  try {
    return parseEntityRef(value, { defaultKind, defaultNamespace: 'default' });
  } catch (error) {
    throw new InputError(
      `${name} '${value}' is not an entity reference: ${
        (error as Error).message
      }`,
    );
  }
}

/** A whole number parameter within bounds. */
export function integerParam(
  query: Query,
  name: string,
  bounds: { min: number; max: number; fallback: number },
): number {
  const text = single(query, name);
  if (text === undefined) return bounds.fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < bounds.min || value > bounds.max) {
    throw new InputError(
      `${name} '${text}' must be a whole number from ${bounds.min} to ${bounds.max}`,
    );
  }
  return value;
}

/** The scope parameters of /report and /history: at most one of entityRef, cluster, team. */
export function scopeParams(query: Query) {
  const entityRef = single(query, 'entityRef');
  const cluster = single(query, 'cluster');
  const namespace = single(query, 'namespace');
  const team = single(query, 'team');
  const given = [entityRef, cluster, team].filter(v => v !== undefined);
  if (given.length > 1) {
    throw new InputError('give one of entityRef, cluster or team, not several');
  }
  if (namespace !== undefined && cluster === undefined) {
    throw new InputError('namespace needs a cluster parameter');
  }
  return { entityRef, cluster, namespace, team };
}
