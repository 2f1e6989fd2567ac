import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { AttemptFilter } from '../database/HealingStore';

/** The filter parameters of /attempts and /stats, as the OpenAPI spec types them. */
export interface AttemptFilterQuery {
  entityRef?: string;
  cluster?: string;
  namespace?: string;
  action?: AttemptFilter['action'];
  status?: AttemptFilter['status'];
  mode?: AttemptFilter['mode'];
  kind?: AttemptFilter['kind'];
  since?: string;
}

/** Dates the store can hold; the database rejects some beyond them. */
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(9999, 11, 31);

/** The entity reference of `entityRef`, normalised as attempts store it. */
function entityRefParam(value: string): string {
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

/**
 * The filter of /attempts and /stats, with what the spec cannot check:
 * `namespace` needs `cluster`, `since` must be a date the store can hold,
 * and `entityRef` must be an entity reference (returned apart, normalised,
 * for the caller to look up).
 */
export function attemptFilterParams(query: AttemptFilterQuery): {
  filter: AttemptFilter;
  entityRef?: string;
} {
  const { action, status, mode, kind, cluster, namespace, since } = query;
  const filter: AttemptFilter = {
    ...(action && { action }),
    ...(status && { status }),
    ...(mode && { mode }),
    ...(kind && { kind }),
    cluster,
    namespace,
  };
  if (namespace && !cluster) {
    throw new InputError('namespace needs a cluster parameter');
  }
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
  return {
    filter,
    ...(query.entityRef !== undefined && {
      entityRef: entityRefParam(query.entityRef),
    }),
  };
}
