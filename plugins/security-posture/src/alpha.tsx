import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import SecurityIcon from '@material-ui/icons/Security';
import { SecurityPostureClient, securityPostureApiRef } from './api';
import { isSecurityPostureAvailable } from './isSecurityPostureAvailable';
import { entityContentRouteRef, rootRouteRef } from './routes';

const securityPostureApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: securityPostureApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new SecurityPostureClient({ discoveryApi, fetchApi }),
    }),
});

// The page's title and icon also make its sidebar item.
const securityPosturePage = PageBlueprint.make({
  params: {
    path: '/security-posture',
    title: 'Security posture',
    icon: <SecurityIcon fontSize="inherit" />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/SecurityPosturePage').then(m => (
        <m.SecurityPostureContent />
      )),
  },
});

const entitySecurityPostureContent = EntityContentBlueprint.make({
  name: 'security',
  params: {
    path: '/security-posture',
    title: 'Security',
    group: 'observability',
    routeRef: entityContentRouteRef,
    filter: isSecurityPostureAvailable,
    loader: () =>
      import('./components/EntitySecurityPostureContent').then(m => (
        <m.EntitySecurityPostureContent />
      )),
  },
});

const entitySecurityPostureCard = EntityCardBlueprint.make({
  name: 'security-posture',
  params: {
    filter: isSecurityPostureAvailable,
    loader: () =>
      import('./components/EntitySecurityPostureCard').then(m => (
        <m.EntitySecurityPostureCard />
      )),
  },
});

/**
 * The security posture plugin for the new frontend system: the page, the
 * entity "Security" tab and the "Security posture" overview card.
 *
 * @public
 */
export default createFrontendPlugin({
  pluginId: 'security-posture',
  title: 'Security posture',
  icon: <SecurityIcon fontSize="inherit" />,
  info: { packageJson: () => import('../package.json') },
  routes: {
    root: rootRouteRef,
    entityContent: entityContentRouteRef,
  },
  extensions: [
    securityPostureApi,
    securityPosturePage,
    entitySecurityPostureContent,
    entitySecurityPostureCard,
  ],
});
