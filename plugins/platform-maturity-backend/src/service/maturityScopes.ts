import {
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';

function refOrUndefined(
  value: unknown,
  defaultKind: string,
  entity: Entity,
): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind,
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

/** The owning group of a component, as an entity reference. */
export function teamRefOf(entity: Entity): string | undefined {
  const owned = entity.relations?.find(r => r.type === RELATION_OWNED_BY);
  return (
    owned?.targetRef ?? refOrUndefined(entity.spec?.owner, 'group', entity)
  );
}

/** The system a component is part of, as an entity reference. */
export function systemRefOf(entity: Entity): string | undefined {
  return refOrUndefined(entity.spec?.system, 'system', entity);
}
