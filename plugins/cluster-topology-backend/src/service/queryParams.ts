import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/** A request's query as Express parses it. */
export type Query = Record<string, unknown>;

/** Rejects parameters the route does not take, so a typo is not silently ignored. */
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

/** A query parameter given at most once, as a string. */
export function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new InputError(`query parameter ${name} must be given once`);
  }
  return value;
}

/** An entity reference parameter; a bare name reads as `defaultKind`. */
export function entityRefParam(
  name: string,
  value: string,
  defaultKind = 'component',
) {
  try {
    return parseEntityRef(value, { defaultKind });
  } catch (error) {
    throw new InputError(
      `${name} '${value}' is not an entity reference: ${
        (error as Error).message
      }`,
    );
  }
}
