import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { clusterRegistryServiceRef } from '@cloud-native-platform/plugin-cloud-native-node';
import { CloudNativeAnnotationProcessor } from './CloudNativeAnnotationProcessor';

/**
 * Adds {@link CloudNativeAnnotationProcessor} to the catalog, checking
 * cluster names against the cluster registry.
 *
 * @public
 */
export const catalogModuleCloudNativeAnnotations = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'cloud-native-annotations',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        clusters: clusterRegistryServiceRef,
      },
      async init({ catalog, clusters }) {
        catalog.addProcessor(
          new CloudNativeAnnotationProcessor({
            knownClusters: clusters.listClusters().map(c => c.name),
          }),
        );
      },
    });
  },
});
