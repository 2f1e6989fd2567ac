import { InputError } from '@backstage/errors';

/** Rejects parameters the route does not take, so a typo is not silently ignored. */
export function allowOnly(
  query: Record<string, unknown>,
  names: readonly string[],
): void {
  const unknown = Object.keys(query).filter(name => !names.includes(name));
  if (unknown.length > 0) {
    throw new InputError(
      `unknown query parameter${unknown.length > 1 ? 's' : ''} ${unknown.join(
        ', ',
      )}; this route takes ${names.length > 0 ? names.join(', ') : 'none'}`,
    );
  }
}
