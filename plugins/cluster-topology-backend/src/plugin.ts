import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  ClusterSourceFactory,
  clusterStateExtensionPoint,
  clusterStateServiceRef,
  KindDefinition,
  TrafficCollector,
} from '@cloud-native-platform/plugin-cloud-native-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  HealingPolicy,
  readHealingPolicies,
} from '@cloud-native-platform/plugin-healing-common';
import { createRouter } from './service/router';

/** The window the page asks for unless the viewer picks another. */
const DEFAULT_TRAFFIC_WINDOW_MS = 5 * 60_000;

/**
 * The cluster-topology backend plugin. It also hosts the extension point
 * through which modules add sources or kinds to the shared cluster state.
 *
 * @public
 */
export const clusterTopologyPlugin = createBackendPlugin({
  pluginId: 'cluster-topology',
  register(env) {
    const sourceFactories: Array<
      [string, (defaultFactory?: ClusterSourceFactory) => ClusterSourceFactory]
    > = [];
    const kinds: KindDefinition[] = [];
    env.registerExtensionPoint(clusterStateExtensionPoint, {
      addSourceFactory: (type, factory) =>
        sourceFactories.push([type, factory]),
      addKinds: added => kinds.push(...added),
    });

    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        clusterState: clusterStateServiceRef,
      },
      async init({
        httpRouter,
        httpAuth,
        config,
        logger,
        scheduler,
        catalog,
        clusterState,
      }) {
        for (const [type, factory] of sourceFactories) {
          clusterState.addSourceFactory(type, factory);
        }
        if (kinds.length > 0) clusterState.addKinds(kinds);
        const traffic = new TrafficCollector({
          clusters: () => clusterState.clusters(),
          logger,
        });
        if (clusterState.clusters().some(c => c.prometheus)) {
          // Each backend instance answers from its own memory, so each keeps
          // its own measurement of the default window warm: local scope.
          await scheduler.scheduleTask({
            id: 'refresh-mesh-traffic',
            scope: 'local',
            frequency: { seconds: 30 },
            timeout: { seconds: 25 },
            initialDelay: { seconds: 5 },
            fn: async () => {
              await traffic.refresh(DEFAULT_TRAFFIC_WINDOW_MS);
            },
          });
        }
        let healingPolicies: HealingPolicy[];
        try {
          healingPolicies = readHealingPolicies(
            config.getOptional('healing.policies'),
          );
        } catch (error) {
          // The healing backend reports bad policies; maturity scores without them.
          logger.warn(
            `healing.policies unreadable, maturity scores healing as absent: ${error}`,
          );
          healingPolicies = [];
        }
        httpRouter.use(
          await createRouter({
            clusterState,
            catalog,
            httpAuth,
            traffic,
            healingPolicies,
          }),
        );
      },
    });
  },
});
