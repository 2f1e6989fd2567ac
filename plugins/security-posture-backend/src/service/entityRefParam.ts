import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

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
