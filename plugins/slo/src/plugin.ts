import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { SloClient, sloApiRef } from './api';
import { entityContentRouteRef, rootRouteRef } from './routes';

/**
 * The SLO plugin for the legacy frontend system.
 *
 * @public
 */
export const sloPlugin = createPlugin({
  id: 'slo',
  apis: [
    createApiFactory({
      api: sloApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new SloClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    entityContent: entityContentRouteRef,
  },
});

/**
 * The `/slo` page (every team's budget status and the worst burners), for
 * the legacy frontend system.
 *
 * @public
 */
export const SloPage = sloPlugin.provide(
  createRoutableExtension<() => JSX.Element>({
    name: 'SloPage',
    component: () => import('./components/SloPage').then(m => m.SloPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The "SLOs" entity tab, for the legacy frontend system.
 *
 * @public
 */
export const EntitySloContent = sloPlugin.provide(
  createRoutableExtension<() => JSX.Element | null>({
    name: 'EntitySloContent',
    component: () =>
      import('./components/EntitySloContent').then(m => m.EntitySloContent),
    mountPoint: entityContentRouteRef,
  }),
);

/**
 * The "SLOs" entity overview card, for the legacy frontend system.
 *
 * @public
 */
export const EntitySloCard = sloPlugin.provide(
  createComponentExtension<() => JSX.Element>({
    name: 'EntitySloCard',
    component: {
      lazy: () =>
        import('./components/EntitySloCard').then(m => m.EntitySloCard),
    },
  }),
);
