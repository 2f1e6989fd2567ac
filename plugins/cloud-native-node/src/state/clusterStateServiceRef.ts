import {
  coreServices,
  createExtensionPoint,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { clusterRegistryServiceRef } from '../clusters/clusterRegistryServiceRef';
import { redactingLogger } from '../redaction/redactingLogger';
import { ClusterSourceFactory } from './ClusterSource';
import {
  ClusterStateService,
  DefaultClusterStateService,
} from './ClusterStateService';
import { KindDefinition } from './kinds';
import { kubernetesClusterSourceFactory } from './KubernetesClusterSource';
import { ManifestsClusterSource } from './ManifestsClusterSource';

/**
 * The shared cluster state: one instance per backend process, started once
 * every plugin has initialised, stopped at shutdown.
 *
 * @public
 */
export const clusterStateServiceRef = createServiceRef<ClusterStateService>({
  id: 'cloud-native-platform.cluster-state',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        registry: clusterRegistryServiceRef,
        logger: coreServices.rootLogger,
        lifecycle: coreServices.rootLifecycle,
      },
      factory({ registry, logger, lifecycle }) {
        const state = new DefaultClusterStateService({
          clusters: registry.listClusters(),
          // Sources log API server errors, which may quote objects.
          logger: redactingLogger(logger.child({ service: 'cluster-state' })),
          sourceFactories: {
            manifests: context => new ManifestsClusterSource(context),
            kubernetes: kubernetesClusterSourceFactory,
          },
        });
        // Started after every plugin and module has registered its additions.
        lifecycle.addStartupHook(() => {
          state.start();
        });
        lifecycle.addShutdownHook(() => state.stop());
        return state;
      },
    }),
});

/**
 * What modules can add to the cluster state.
 *
 * @public
 */
export interface ClusterStateExtensionPoint {
  /** Adds or wraps the source of a cluster source type; receives the default, if any. */
  addSourceFactory(
    type: string,
    factory: (defaultFactory?: ClusterSourceFactory) => ClusterSourceFactory,
  ): void;
  /** Adds kinds to watch in live clusters. */
  addKinds(kinds: KindDefinition[]): void;
}

/**
 * Extension point of the cluster-topology backend through which modules add
 * cluster sources or kinds to the shared cluster state.
 *
 * @public
 */
export const clusterStateExtensionPoint =
  createExtensionPoint<ClusterStateExtensionPoint>({
    id: 'cluster-topology.cluster-state',
  });
