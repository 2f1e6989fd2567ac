import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  catalogEntityCacheServiceRef,
  clusterStateServiceRef,
  createRateLimitRouter,
} from '@cloud-native-platform/plugin-cloud-native-node';
import { sloPermissions } from '@cloud-native-platform/plugin-slo-common';
import { createRouter } from './service/router';
import { SloService } from './service/SloService';

/**
 * The SLO backend plugin: budgets, burn rates, alerts and latency of the
 * fleet's SLOs under `/api/slo`.
 *
 * @public
 */
export const sloPlugin = createBackendPlugin({
  pluginId: 'slo',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        config: coreServices.rootConfig,
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
        permissions,
        permissionsRegistry,
        catalog,
        entities,
        clusterState,
      }) {
        permissionsRegistry.addPermissions(sloPermissions);
        const slos = new SloService({ clusterState, catalog });
        httpRouter.use(
          createRateLimitRouter({
            httpAuth,
            config,
            pluginId: 'slo',
            reads: ['/objectives', '/trend'],
          }),
        );
        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            catalog,
            entities,
            slos,
          }),
        );
      },
    });
  },
});
