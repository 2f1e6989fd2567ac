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
import AccountTreeIcon from '@material-ui/icons/AccountTree';
import { ClusterTopologyClient, clusterTopologyApiRef } from './api';
import { isClusterTopologyAvailable } from './isClusterTopologyAvailable';
import { entityContentRouteRef, rootRouteRef } from './routes';

const clusterTopologyApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: clusterTopologyApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ClusterTopologyClient({ discoveryApi, fetchApi }),
    }),
});

// The page's title and icon also make its sidebar item.
const clusterTopologyPage = PageBlueprint.make({
  params: {
    path: '/cluster-topology',
    title: 'Cluster topology',
    icon: <AccountTreeIcon fontSize="inherit" />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/ClusterTopologyPage').then(m => (
        <m.ClusterTopologyContent />
      )),
  },
});

const entityTopologyContent = EntityContentBlueprint.make({
  name: 'topology',
  params: {
    path: '/topology',
    title: 'Topology',
    group: 'deployment',
    routeRef: entityContentRouteRef,
    filter: isClusterTopologyAvailable,
    loader: () =>
      import('./components/EntityTopologyContent').then(m => (
        <m.EntityTopologyContent />
      )),
  },
});

const entityClusterWorkloadsCard = EntityCardBlueprint.make({
  name: 'cluster-workloads',
  params: {
    filter: isClusterTopologyAvailable,
    loader: () =>
      import('./components/EntityClusterWorkloadsCard').then(m => (
        <m.EntityClusterWorkloadsCard />
      )),
  },
});

const entityDeliveryCard = EntityCardBlueprint.make({
  name: 'delivery',
  params: {
    filter: isClusterTopologyAvailable,
    loader: () =>
      import('./components/EntityDeliveryCard').then(m => (
        <m.EntityDeliveryCard />
      )),
  },
});

/**
 * The cluster topology plugin for the new frontend system: the page
 * "Cluster topology", the entity tab "Topology" and the overview card
 * "Cluster workloads" and "Delivery".
 *
 * @public
 */
export default createFrontendPlugin({
  pluginId: 'cluster-topology',
  title: 'Cluster topology',
  icon: <AccountTreeIcon fontSize="inherit" />,
  info: { packageJson: () => import('../package.json') },
  routes: {
    root: rootRouteRef,
    entityContent: entityContentRouteRef,
  },
  extensions: [
    clusterTopologyApi,
    clusterTopologyPage,
    entityTopologyContent,
    entityClusterWorkloadsCard,
    entityDeliveryCard,
  ],
});
