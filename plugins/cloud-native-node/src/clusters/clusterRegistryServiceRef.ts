import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { targetPaths } from '@backstage/cli-common';
import { ClusterDefinition } from './ClusterDefinition';
import { readClusterDefinitions } from './readClusterDefinitions';

/**
 * The clusters of the fleet, read once from configuration and shared by
 * every backend plugin of the suite.
 *
 * @public
 */
export interface ClusterRegistryService {
  /** Every declared cluster, in configuration order. */
  listClusters(): ClusterDefinition[];
  /** The cluster of that name, if declared. */
  getCluster(name: string): ClusterDefinition | undefined;
}

/**
 * Root-scoped service holding the declared clusters. Its factory validates
 * the configuration, so a wrong cluster entry fails backend start-up.
 *
 * @public
 */
export const clusterRegistryServiceRef =
  createServiceRef<ClusterRegistryService>({
    id: 'cloud-native-platform.cluster-registry',
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          config: coreServices.rootConfig,
          logger: coreServices.rootLogger,
        },
        factory({ config, logger }) {
          const clusters = readClusterDefinitions(config, {
            rootDir: targetPaths.rootDir,
          });
          logger.info(
            `cluster registry holds ${clusters.length} clusters: ${clusters
              .map(c => `${c.name} (${c.role}, ${c.source.type})`)
              .join(', ')}`,
          );
          const byName = new Map(clusters.map(c => [c.name, c]));
          return {
            listClusters: () => [...clusters],
            getCluster: name => byName.get(name),
          };
        },
      }),
  });
