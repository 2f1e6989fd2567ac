import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_SLO,
} from '@cloud-native-platform/plugin-cloud-native-common';
import {
  definitionOfEntry,
  readAnnotationEntries,
} from './annotationDefinitions';
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
  const read = readAnnotationEntries(value, {
    entityRef,
    definedIn: entityRef,
  });
  if ('error' in read) return { definitions: [], errors: [read.error] };
  const service = serviceOfEntity(entity);
  return {
    definitions: read.entries.map(entry =>
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
