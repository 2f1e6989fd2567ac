import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';

import { validateAnnotations } from '@cloud-native-platform/plugin-cloud-native-common';

/**
 * Options of {@link CloudNativeAnnotationProcessor}.
 *
 * @public
 */
export interface CloudNativeAnnotationProcessorOptions {
  /** Names of the configured clusters; annotations naming others are errors. */
  knownClusters: readonly string[];
}

/**
 * Validates the cloud-native platform annotations of every entity and emits
 * one processing error per bad value, so the catalog shows what to fix
 * instead of pages failing later.
 *
 * @public
 */
export class CloudNativeAnnotationProcessor implements CatalogProcessor {
  constructor(
    private readonly options: CloudNativeAnnotationProcessorOptions,
  ) {}

  getProcessorName(): string {
    return 'CloudNativeAnnotationProcessor';
  }

  async preProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const problems = validateAnnotations(entity.metadata.annotations, {
      knownClusters: this.options.knownClusters,
    });
    for (const problem of problems) {
      emit(
        processingResult.inputError(
          location,
          `${stringifyEntityRef(entity)} has an invalid annotation ${
            problem.key
          }: ${problem.message}`,
        ),
      );
    }
    return entity;
  }
}
