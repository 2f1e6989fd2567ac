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
import HealingIcon from '@material-ui/icons/Healing';
import { HealingClient, healingApiRef } from './api';
import { isHealingAvailable } from './isHealingAvailable';
import { attemptRouteRef, entityContentRouteRef, rootRouteRef } from './routes';

const healingApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: healingApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new HealingClient({ discoveryApi, fetchApi }),
    }),
});

// The page's title and icon also make its sidebar item. Its attempt views
// are routes of its own, under /healing/attempts/:id.
const healingPage = PageBlueprint.make({
  params: {
    path: '/healing',
    title: 'Healing history',
    icon: <HealingIcon fontSize="inherit" />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/HealingPage').then(m => <m.HealingContent />),
  },
});

const entityHealingContent = EntityContentBlueprint.make({
  name: 'healing',
  params: {
    path: '/healing',
    title: 'Healing',
    group: 'observability',
    routeRef: entityContentRouteRef,
    filter: isHealingAvailable,
    loader: () =>
      import('./components/EntityHealingContent').then(m => (
        <m.EntityHealingContent />
      )),
  },
});

const entityHealingCard = EntityCardBlueprint.make({
  name: 'healing',
  params: {
    filter: isHealingAvailable,
    loader: () =>
      import('./components/EntityHealingCard').then(m => (
        <m.EntityHealingCard />
      )),
  },
});

/**
 * The healing plugin for the new frontend system: the history page, the
 * entity "Healing" tab and the "Healing" overview card.
 *
 * @public
 */
export default createFrontendPlugin({
  pluginId: 'healing',
  title: 'Healing history',
  icon: <HealingIcon fontSize="inherit" />,
  info: { packageJson: () => import('../package.json') },
  routes: {
    root: rootRouteRef,
    attempt: attemptRouteRef,
    entityContent: entityContentRouteRef,
  },
  extensions: [
    healingApi,
    healingPage,
    entityHealingContent,
    entityHealingCard,
  ],
});
