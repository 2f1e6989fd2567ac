import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/**
 * An entity reference parameter; a bare name reads as `defaultKind` in the
 * default namespace.
 */
export function entityRefParam(
  name: string,
  value: string,
  defaultKind = 'component',
): CompoundEntityRef {
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
