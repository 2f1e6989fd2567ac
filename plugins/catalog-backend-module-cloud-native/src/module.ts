import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  clusterRegistryServiceRef,
  clusterStateServiceRef,
} from '@cloud-native-platform/plugin-cloud-native-node';
import { CloudNativeAnnotationProcessor } from './CloudNativeAnnotationProcessor';
import { ClusterEntityProvider } from './ClusterEntityProvider';

/**
 * Adds to the catalog the validation of the suite's annotations
 * ({@link CloudNativeAnnotationProcessor}, checking cluster names against
 * the cluster registry) and one Resource entity per configured cluster
 * ({@link ClusterEntityProvider}).
 *
 * @public
 */
export const catalogModuleCloudNative = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'cloud-native',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        clusters: clusterRegistryServiceRef,
        clusterState: clusterStateServiceRef,
        logger: coreServices.logger,
      },
      async init({ catalog, clusters, clusterState, logger }) {
        catalog.addProcessor(
          new CloudNativeAnnotationProcessor({
            knownClusters: clusters.listClusters().map(c => c.name),
          }),
        );
        catalog.addEntityProvider(
          new ClusterEntityProvider(clusterState, logger),
        );
      },
    });
  },
});
