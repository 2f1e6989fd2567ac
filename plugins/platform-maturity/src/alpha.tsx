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
import AssessmentIcon from '@material-ui/icons/Assessment';
import { PlatformMaturityClient, platformMaturityApiRef } from './api';
import { isPlatformMaturityAvailable } from './isPlatformMaturityAvailable';
import { drReadinessRouteRef, rootRouteRef } from './routes';

const platformMaturityApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: platformMaturityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PlatformMaturityClient({ discoveryApi, fetchApi }),
    }),
});

// The page's title and icon also make its sidebar item.
const platformMaturityPage = PageBlueprint.make({
  params: {
    path: '/platform-maturity',
    title: 'Platform maturity',
    icon: <AssessmentIcon fontSize="inherit" />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/PlatformMaturityPage').then(m => (
        <m.PlatformMaturityContent />
      )),
  },
});

const entityDrReadinessContent = EntityContentBlueprint.make({
  name: 'dr-readiness',
  params: {
    path: '/dr-readiness',
    title: 'DR readiness',
    group: 'deployment',
    routeRef: drReadinessRouteRef,
    filter: isPlatformMaturityAvailable,
    loader: () =>
      import('./components/EntityDrReadinessContent').then(m => (
        <m.EntityDrReadinessContent />
      )),
  },
});

const entityPlatformMaturityCard = EntityCardBlueprint.make({
  params: {
    filter: isPlatformMaturityAvailable,
    loader: () =>
      import('./components/EntityPlatformMaturityCard').then(m => (
        <m.EntityPlatformMaturityCard />
      )),
  },
});

/**
 * The platform maturity plugin for the new frontend system: the page
 * "Platform maturity", the entity tab "DR readiness" and the overview card
 * "Platform maturity".
 *
 * @public
 */
export default createFrontendPlugin({
  pluginId: 'platform-maturity',
  title: 'Platform maturity',
  icon: <AssessmentIcon fontSize="inherit" />,
  info: { packageJson: () => import('../package.json') },
  routes: {
    root: rootRouteRef,
    drReadiness: drReadinessRouteRef,
  },
  extensions: [
    platformMaturityApi,
    platformMaturityPage,
    entityDrReadinessContent,
    entityPlatformMaturityCard,
  ],
});
