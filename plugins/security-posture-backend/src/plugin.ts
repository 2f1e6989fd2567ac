import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  securityPostureFalcoCreatePermission,
  securityPostureReadPermission,
} from '@cloud-native-platform/plugin-security-posture-common';
import {
  catalogEntityCacheServiceRef,
  clusterStateServiceRef,
  createRateLimitRouter,
} from '@cloud-native-platform/plugin-cloud-native-node';
import { readPostureConfig } from './config';
import { KnexPostureStore } from './database/KnexPostureStore';
import { IS_CLUSTER, postureClusterResourceRef } from './permissions/rules';
import { createPostureReporter, createRouter } from './service/router';
import { takeSnapshots } from './service/SnapshotTask';

/**
 * The security-posture backend plugin: reports, overview, history, the
 * manifests audit and the Falco webhook.
 *
 * @public
 */
export const securityPosturePlugin = createBackendPlugin({
  pluginId: 'security-posture',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        logger: coreServices.logger,
        config: coreServices.rootConfig,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        entities: catalogEntityCacheServiceRef,
        clusterState: clusterStateServiceRef,
      },
      async init(deps) {
        const { httpRouter, logger, scheduler, permissionsRegistry } = deps;
        const { clusterState } = deps;
        const config = readPostureConfig(deps.config);
        const store = await KnexPostureStore.create(deps.database);

        permissionsRegistry.addResourceType({
          resourceRef: postureClusterResourceRef,
          permissions: [securityPostureReadPermission],
          rules: [IS_CLUSTER],
          getResources: async names =>
            names.map(name => {
              const cluster = clusterState.cluster(name);
              return cluster
                ? { name, role: cluster.definition.role }
                : undefined;
            }),
        });
        permissionsRegistry.addPermissions([
          securityPostureFalcoCreatePermission,
        ]);
        const { reporter } = createPostureReporter({ ...deps, store, config });
        await scheduler.scheduleTask({
          id: 'security-posture-snapshots',
          scope: 'global',
          frequency: config.snapshotFrequency,
          timeout: { minutes: 5 },
          initialDelay: { minutes: 1 },
          fn: async () => {
            await takeSnapshots({
              reporter,
              clusterState,
              store,
              config,
              logger,
            });
          },
        });

        httpRouter.use(
          createRateLimitRouter({
            httpAuth: deps.httpAuth,
            config: deps.config,
            pluginId: 'security-posture',
            reads: ['/report', '/overview'],
            audit: ['/audit'],
          }),
        );
        httpRouter.use(
          await createRouter({ ...deps, store, config, reporter }),
        );
      },
    });
  },
});
