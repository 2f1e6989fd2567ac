import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { AttemptFilter } from '../database/HealingStore';

/** A request's query as Express parses it. */
export type Query = Record<string, unknown>;

const ENUMS: Record<string, readonly string[]> = {
  action: ['restart', 'scale', 'traffic-shift', 'rollback', 'evict'],
  status: [
    'unmatched',
    'observed',
    'planned',
    'pending-approval',
    'approved',
    'rejected',
    'expired',
    'refused',
    'applied',
    'succeeded',
    'failed',
    'inconclusive',
    'healed',
  ],
  mode: ['observe', 'dry-run', 'approval', 'enforce'],
  kind: ['remediation', 'platform'],
};

/** Rejects parameters a route does not take, so a typo is not silently ignored. */
export function allowOnly(query: Query, names: readonly string[]): void {
  const unknown = Object.keys(query).filter(n => !names.includes(n));
  if (unknown.length) {
    throw new InputError(
      `unknown query parameter ${unknown.join(
        ', ',
      )}; this route takes ${names.join(', ')}`,
    );
  }
}

/** A parameter given at most once, non-empty. */
export function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw new InputError(`query parameter ${name} must be given once`);
  if (value === '')
    throw new InputError(`query parameter ${name} must not be empty`);
  return value;
}

/** A whole number within bounds. */
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

/** The entity reference of `entityRef`, normalised as attempts store it. */
export function entityRefParam(value: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind: 'component',
        defaultNamespace: 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch (error) {
    throw new InputError(
      `entityRef '${value}' is not an entity reference: ${
        (error as Error).message
      }`,
    );
  }
}

/** Longest attempt id stored (the column's width). */
const MAX_ID_LENGTH = 255;

/** The `:id` of an attempt route: printable and no longer than an id can be. */
export function attemptIdParam(id: string): string {
  // PostgreSQL refuses text holding NUL; no id holds control characters.
  // eslint-disable-next-line no-control-regex
  if (id.length > MAX_ID_LENGTH || /[\u0000-\u001f]/.test(id)) {
    throw new InputError(
      `'${id.slice(
        0,
        40,
      )}…' is not a healing attempt id: at most ${MAX_ID_LENGTH} printable characters`,
    );
  }
  return id;
}

/** Dates the store can hold; the database rejects some beyond them. */
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(9999, 11, 31);

/** The filters shared by /attempts and /stats (without entityRef, resolved by the caller). */
export function filterParams(query: Query): AttemptFilter {
  const filter: AttemptFilter = {};
  for (const name of ['action', 'status', 'mode', 'kind'] as const) {
    const value = single(query, name);
    if (value === undefined) continue;
    if (!ENUMS[name].includes(value)) {
      throw new InputError(
        `${name} '${value}' must be one of ${ENUMS[name].join(', ')}`,
      );
    }
    (filter as any)[name] = value;
  }
  filter.cluster = single(query, 'cluster');
  filter.namespace = single(query, 'namespace');
  if (filter.namespace && !filter.cluster)
    throw new InputError('namespace needs a cluster parameter');
  const since = single(query, 'since');
  if (since !== undefined) {
    const at = Date.parse(since);
    if (Number.isNaN(at))
      throw new InputError(`since '${since}' is not an ISO date-time`);
    if (at < EARLIEST || at > LATEST)
      throw new InputError(
        `since '${since}' must be between 1970-01-01 and 9999-12-31`,
      );
    filter.since = new Date(at);
  }
  return filter;
}
