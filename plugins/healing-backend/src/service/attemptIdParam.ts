import { InputError } from '@backstage/errors';

/**
 * The `:id` of an attempt route, once it holds only printable characters;
 * its length is bounded by the OpenAPI spec.
 */
export function attemptIdParam(id: string): string {
  // PostgreSQL refuses text holding NUL; no id holds control characters.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(id)) {
    throw new InputError(
      `'${id.slice(
        0,
        40,
      )}…' is not a healing attempt id: at most 255 printable characters`,
    );
  }
  return id;
}
