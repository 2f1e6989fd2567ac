import {
  coreServices,
  createExtensionPoint,
  createServiceFactory,
  createServiceRef,
  ServiceFactory,
  ServiceRef,
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
 * every plugin has initialised, stopped at shutdown. Its default factory is
 * {@link clusterStateServiceFactory} without options.
 *
 * @public
 */
export const clusterStateServiceRef: ServiceRef<
  ClusterStateService,
  'root',
  'singleton'
> = createServiceRef<ClusterStateService>({
  id: 'cloud-native-platform.cluster-state',
  scope: 'root',
  defaultFactory: async () => clusterStateServiceFactory(),
});

/**
 * What {@link clusterStateServiceFactory} adds to the shared cluster state.
 *
 * @public
 */
export interface ClusterStateServiceFactoryOptions {
  /**
   * Cluster source factories by source type (`manifests`, `kubernetes`, or
   * a type of one's own); each receives the default for its type, if any,
   * so it can wrap it.
   */
  sources?: Record<
    string,
    (defaultFactory?: ClusterSourceFactory) => ClusterSourceFactory
  >;
  /** Kinds to watch in live clusters besides the built-in ones. */
  kinds?: KindDefinition[];
}

/**
 * The factory of the shared cluster state, as the default installs it; a
 * backend customises the state by adding it with options, as upstream
 * customises a shared service:
 *
 * ```ts
 * backend.add(clusterStateServiceFactory({ sources: { …: wrap }, kinds: […] }));
 * ```
 *
 * It belongs to no plugin: cluster topology, security posture, healing and
 * the catalog module all read the same state, whichever of them run.
 *
 * @public
 */
export function clusterStateServiceFactory(
  options: ClusterStateServiceFactoryOptions = {},
): ServiceFactory<ClusterStateService, 'root', 'singleton'> {
  return createServiceFactory({
    service: clusterStateServiceRef,
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
      for (const [type, factory] of Object.entries(options.sources ?? {})) {
        state.addSourceFactory(type, factory);
      }
      if (options.kinds?.length) state.addKinds(options.kinds);
      // Started after every plugin and module has registered its additions.
      lifecycle.addStartupHook(() => {
        state.start();
      });
      lifecycle.addShutdownHook(() => state.stop());
      return state;
    },
  });
}

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
 * @deprecated Works only where the cluster-topology backend runs; add
 * {@link clusterStateServiceFactory} with `sources` and `kinds` to the
 * backend instead. Kept for one release.
 */
export const clusterStateExtensionPoint =
  createExtensionPoint<ClusterStateExtensionPoint>({
    id: 'cluster-topology.cluster-state',
  });
