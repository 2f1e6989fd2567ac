import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { ClusterTopologyClient, clusterTopologyApiRef } from './api';
import { entityContentRouteRef, rootRouteRef } from './routes';

/**
 * The cluster topology plugin for the legacy frontend system.
 *
 * @public
 */
export const clusterTopologyPlugin = createPlugin({
  id: 'cluster-topology',
  apis: [
    createApiFactory({
      api: clusterTopologyApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ClusterTopologyClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    entityContent: entityContentRouteRef,
  },
});

/**
 * The cluster topology page, for the legacy frontend system.
 *
 * @public
 */
export const ClusterTopologyPage = clusterTopologyPlugin.provide(
  createRoutableExtension<() => JSX.Element>({
    name: 'ClusterTopologyPage',
    component: () =>
      import('./components/ClusterTopologyPage').then(
        m => m.ClusterTopologyPage,
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The "Topology" entity tab, for the legacy frontend system.
 *
 * @public
 */
export const EntityClusterTopologyContent = clusterTopologyPlugin.provide(
  createRoutableExtension<() => JSX.Element>({
    name: 'EntityClusterTopologyContent',
    component: () =>
      import('./components/EntityTopologyContent').then(
        m => m.EntityTopologyContent,
      ),
    mountPoint: entityContentRouteRef,
  }),
);

/**
 * The "Cluster workloads" entity overview card, for the legacy frontend system.
 *
 * @public
 */
export const EntityClusterWorkloadsCard = clusterTopologyPlugin.provide(
  createComponentExtension<() => JSX.Element>({
    name: 'EntityClusterWorkloadsCard',
    component: {
      lazy: () =>
        import('./components/EntityClusterWorkloadsCard').then(
          m => m.EntityClusterWorkloadsCard,
        ),
    },
  }),
);

/**
 * The "Delivery" entity overview card (Argo CD, Argo Rollouts, Tekton), for
 * the legacy frontend system.
 *
 * @public
 */
export const EntityDeliveryCard = clusterTopologyPlugin.provide(
  createComponentExtension<() => JSX.Element>({
    name: 'EntityDeliveryCard',
    component: {
      lazy: () =>
        import('./components/EntityDeliveryCard').then(
          m => m.EntityDeliveryCard,
        ),
    },
  }),
);
