import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_SLO,
  parseSloAnnotation,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { definitionOfEntry } from './annotationDefinitions';
import { SloReadResult } from './SloDefinition';

/** The service name an entity's SLOs and its clusters' SLO objects go by. */
export function serviceOfEntity(entity: Entity): string {
  return (
    entity.metadata.annotations?.[ANNOTATION_KUBERNETES_ID] ??
    entity.metadata.name
  );
}

/**
 * The SLOs of an entity's `cloud-native-platform.io/slo` annotation; a
 * malformed annotation is one error naming the entity, never a throw.
 */
export function readEntityAnnotation(entity: Entity): SloReadResult {
  const value = entity.metadata.annotations?.[ANNOTATION_SLO];
  if (value === undefined) return { definitions: [], errors: [] };
  const entityRef = stringifyEntityRef(entity);
  let entries;
  try {
    entries = parseSloAnnotation(value);
  } catch (error) {
    return {
      definitions: [],
      errors: [
        {
          entityRef,
          definedIn: entityRef,
          message: `annotation ${ANNOTATION_SLO} ${(error as Error).message}`,
        },
      ],
    };
  }
  const service = serviceOfEntity(entity);
  return {
    definitions: entries.map(entry =>
      definitionOfEntry(entry, {
        service,
        source: 'annotation',
        definedIn: entityRef,
        alertLabels: {},
        entityRef,
      }),
    ),
    errors: [],
  };
}
