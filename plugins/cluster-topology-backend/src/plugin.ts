import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  ClusterSourceFactory,
  clusterStateExtensionPoint,
  clusterStateServiceRef,
  KindDefinition,
} from '@cloud-native-platform/plugin-cloud-native-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { createRouter } from './service/router';

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
        catalog: catalogServiceRef,
        clusterState: clusterStateServiceRef,
      },
      async init({ httpRouter, httpAuth, catalog, clusterState }) {
        for (const [type, factory] of sourceFactories) {
          clusterState.addSourceFactory(type, factory);
        }
        if (kinds.length > 0) clusterState.addKinds(kinds);
        httpRouter.use(await createRouter({ clusterState, catalog, httpAuth }));
      },
    });
  },
});
