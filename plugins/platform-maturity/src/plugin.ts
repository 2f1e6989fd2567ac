import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { PlatformMaturityClient, platformMaturityApiRef } from './api';
import { drReadinessRouteRef, rootRouteRef } from './routes';

/**
 * The platform maturity plugin for the legacy frontend system.
 *
 * @public
 */
export const platformMaturityPlugin = createPlugin({
  id: 'platform-maturity',
  apis: [
    createApiFactory({
      api: platformMaturityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PlatformMaturityClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    drReadiness: drReadinessRouteRef,
  },
});

/**
 * The platform maturity leaderboard page, for the legacy frontend system.
 *
 * @public
 */
export const PlatformMaturityPage = platformMaturityPlugin.provide(
  createRoutableExtension<() => JSX.Element>({
    name: 'PlatformMaturityPage',
    component: () =>
      import('./components/PlatformMaturityPage').then(
        m => m.PlatformMaturityPage,
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The "Platform maturity" entity overview card, for the legacy frontend system.
 *
 * @public
 */
export const EntityPlatformMaturityCard = platformMaturityPlugin.provide(
  createComponentExtension<() => JSX.Element | null>({
    name: 'EntityPlatformMaturityCard',
    component: {
      lazy: () =>
        import('./components/EntityPlatformMaturityCard').then(
          m => m.EntityPlatformMaturityCard,
        ),
    },
  }),
);

/**
 * The "DR readiness" entity tab, for the legacy frontend system.
 *
 * @public
 */
export const EntityDrReadinessContent = platformMaturityPlugin.provide(
  createRoutableExtension<() => JSX.Element | null>({
    name: 'EntityDrReadinessContent',
    component: () =>
      import('./components/EntityDrReadinessContent').then(
        m => m.EntityDrReadinessContent,
      ),
    mountPoint: drReadinessRouteRef,
  }),
);
