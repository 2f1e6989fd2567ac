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
import DataUsageIcon from '@material-ui/icons/DataUsage';
import { SloClient, sloApiRef } from './api';
import { isSloAvailable } from './isSloAvailable';
import { entityContentRouteRef, rootRouteRef } from './routes';

const sloApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: sloApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new SloClient({ discoveryApi, fetchApi }),
    }),
});

// The page's title and icon also make its sidebar item.
const sloPage = PageBlueprint.make({
  params: {
    path: '/slo',
    title: 'SLOs',
    icon: <DataUsageIcon fontSize="inherit" />,
    routeRef: rootRouteRef,
    loader: () => import('./components/SloPage').then(m => <m.SloContent />),
  },
});

const entitySloContent = EntityContentBlueprint.make({
  params: {
    path: '/slo',
    title: 'SLOs',
    group: 'observability',
    routeRef: entityContentRouteRef,
    filter: isSloAvailable,
    loader: () =>
      import('./components/EntitySloContent').then(m => <m.EntitySloContent />),
  },
});

const entitySloCard = EntityCardBlueprint.make({
  params: {
    filter: isSloAvailable,
    loader: () =>
      import('./components/EntitySloCard').then(m => <m.EntitySloCard />),
  },
});

/**
 * The SLO plugin for the new frontend system: the page "SLOs" at `/slo`,
 * the entity tab "SLOs" and the overview card "SLOs".
 *
 * @public
 */
export default createFrontendPlugin({
  pluginId: 'slo',
  title: 'SLOs',
  icon: <DataUsageIcon fontSize="inherit" />,
  info: { packageJson: () => import('../package.json') },
  routes: {
    root: rootRouteRef,
    entityContent: entityContentRouteRef,
  },
  extensions: [sloApi, sloPage, entitySloContent, entitySloCard],
});
