import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { HealingClient, healingApiRef } from './api';
import { attemptRouteRef, entityContentRouteRef, rootRouteRef } from './routes';

/**
 * The healing plugin for the legacy frontend system.
 *
 * @public
 */
export const healingPlugin = createPlugin({
  id: 'healing',
  apis: [
    createApiFactory({
      api: healingApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new HealingClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    attempt: attemptRouteRef,
    entityContent: entityContentRouteRef,
  },
});

/**
 * The healing history page with its attempt views, for the legacy frontend
 * system.
 *
 * @public
 */
export const HealingPage = healingPlugin.provide(
  createRoutableExtension<() => JSX.Element>({
    name: 'HealingPage',
    component: () =>
      import('./components/HealingPage').then(m => m.HealingPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The "Healing" entity tab, for the legacy frontend system.
 *
 * @public
 */
export const EntityHealingContent = healingPlugin.provide(
  createRoutableExtension<() => JSX.Element>({
    name: 'EntityHealingContent',
    component: () =>
      import('./components/EntityHealingContent').then(
        m => m.EntityHealingContent,
      ),
    mountPoint: entityContentRouteRef,
  }),
);

/**
 * The "Healing" entity overview card, for the legacy frontend system.
 *
 * @public
 */
export const EntityHealingCard = healingPlugin.provide(
  createComponentExtension<() => JSX.Element>({
    name: 'EntityHealingCard',
    component: {
      lazy: () =>
        import('./components/EntityHealingCard').then(m => m.EntityHealingCard),
    },
  }),
);
