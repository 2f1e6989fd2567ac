import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { SecurityPostureClient, securityPostureApiRef } from './api';
import { entityContentRouteRef, rootRouteRef } from './routes';

/**
 * The security posture plugin for the legacy frontend system.
 *
 * @public
 */
export const securityPosturePlugin = createPlugin({
  id: 'security-posture',
  apis: [
    createApiFactory({
      api: securityPostureApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new SecurityPostureClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    entityContent: entityContentRouteRef,
  },
});

/**
 * The security posture page, for the legacy frontend system.
 *
 * @public
 */
export const SecurityPosturePage = securityPosturePlugin.provide(
  createRoutableExtension<() => JSX.Element>({
    name: 'SecurityPosturePage',
    component: () =>
      import('./components/SecurityPosturePage').then(
        m => m.SecurityPosturePage,
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The "Security" entity tab, for the legacy frontend system.
 *
 * @public
 */
export const EntitySecurityPostureContent = securityPosturePlugin.provide(
  createRoutableExtension<() => JSX.Element | null>({
    name: 'EntitySecurityPostureContent',
    component: () =>
      import('./components/EntitySecurityPostureContent').then(
        m => m.EntitySecurityPostureContent,
      ),
    mountPoint: entityContentRouteRef,
  }),
);

/**
 * The "Security posture" entity overview card, for the legacy frontend system.
 *
 * @public
 */
export const EntitySecurityPostureCard = securityPosturePlugin.provide(
  createComponentExtension<() => JSX.Element>({
    name: 'EntitySecurityPostureCard',
    component: {
      lazy: () =>
        import('./components/EntitySecurityPostureCard').then(
          m => m.EntitySecurityPostureCard,
        ),
    },
  }),
);
