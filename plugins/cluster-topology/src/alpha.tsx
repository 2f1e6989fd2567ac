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
import {
  drReadinessRouteRef,
  entityContentRouteRef,
  platformMaturityRouteRef,
  rootRouteRef,
} from './routes';

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

const platformMaturityPage = PageBlueprint.make({
  name: 'platform-maturity',
  params: {
    path: '/platform-maturity',
    title: 'Platform maturity',
    icon: <AccountTreeIcon fontSize="inherit" />,
    routeRef: platformMaturityRouteRef,
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
    filter: isClusterTopologyAvailable,
    loader: () =>
      import('./components/EntityDrReadinessContent').then(m => (
        <m.EntityDrReadinessContent />
      )),
  },
});

const entityPlatformMaturityCard = EntityCardBlueprint.make({
  name: 'platform-maturity',
  params: {
    filter: isClusterTopologyAvailable,
    loader: () =>
      import('./components/EntityPlatformMaturityCard').then(m => (
        <m.EntityPlatformMaturityCard />
      )),
  },
});

/**
 * The cluster topology plugin for the new frontend system: the pages
 * "Cluster topology" and "Platform maturity", the entity tabs "Topology" and
 * "DR readiness", and the overview cards "Cluster workloads" and "Platform
 * maturity".
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
    drReadiness: drReadinessRouteRef,
    platformMaturity: platformMaturityRouteRef,
  },
  extensions: [
    clusterTopologyApi,
    clusterTopologyPage,
    entityTopologyContent,
    entityClusterWorkloadsCard,
    platformMaturityPage,
    entityDrReadinessContent,
    entityPlatformMaturityCard,
  ],
});
