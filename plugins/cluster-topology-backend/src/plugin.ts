import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  ClusterSourceFactory,
  clusterStateExtensionPoint,
  catalogEntityCacheServiceRef,
  clusterStateServiceRef,
  createRateLimitRouter,
  KindDefinition,
  redactingLogger,
  TrafficCollector,
} from '@cloud-native-platform/plugin-cloud-native-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { clusterTopologyPermissions } from '@cloud-native-platform/plugin-cluster-topology-common';
import {
  topologyClusterResourceRef,
  topologyClusterRules,
} from './permissions/rules';
import { LegacyMaturitySnapshots } from './database/LegacyMaturitySnapshots';
import { createMaturityMovedRouter } from './service/maturityMoved';
import { readPodLogLimits } from './service/podLogs';
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
        database: coreServices.database,
        discovery: coreServices.discovery,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        entities: catalogEntityCacheServiceRef,
        clusterState: clusterStateServiceRef,
      },
      async init({
        httpRouter,
        httpAuth,
        config,
        logger: pluginLogger,
        scheduler,
        database,
        discovery,
        permissions,
        permissionsRegistry,
        catalog,
        entities,
        clusterState,
      }) {
        // Log lines quote cluster errors and objects: no credential may pass.
        const logger = redactingLogger(pluginLogger);
        permissionsRegistry.addResourceType({
          resourceRef: topologyClusterResourceRef,
          permissions: clusterTopologyPermissions,
          rules: topologyClusterRules,
          getResources: async names =>
            names.map(name => {
              const cluster = clusterState.cluster(name);
              return cluster
                ? { name, role: cluster.definition.role }
                : undefined;
            }),
        });
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
        // The maturity routes and their snapshots moved to the
        // platform-maturity plugin; for one release this plugin redirects
        // the old routes and lists its stored snapshots for the import.
        const legacySnapshots = await LegacyMaturitySnapshots.create(database);
        httpRouter.use(
          createRateLimitRouter({
            httpAuth,
            config,
            pluginId: 'cluster-topology',
            reads: ['/graph', '/object', '/logs'],
          }),
        );
        // Ahead of the API router: the moved routes check their caller
        // before any parameter is read.
        httpRouter.use(
          createMaturityMovedRouter({
            discovery,
            httpAuth,
            snapshots: legacySnapshots,
          }),
        );
        httpRouter.use(
          await createRouter({
            clusterState,
            catalog,
            entities,
            httpAuth,
            permissions,
            traffic,
            logLimits: readPodLogLimits(config),
          }),
        );
      },
    });
  },
});
