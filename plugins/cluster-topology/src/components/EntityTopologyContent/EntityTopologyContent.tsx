import { stringifyEntityRef } from '@backstage/catalog-model';
import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useAutoRefresh } from '../../lib/useAutoRefresh';
import { TopologyExplorer } from '../TopologyExplorer';

function EntityTopologyView() {
  const { entity } = useEntity();
  const refresh = useAutoRefresh();
  return (
    <TopologyExplorer
      entityRef={stringifyEntityRef(entity)}
      refresh={refresh}
    />
  );
}

/** The "Topology" tab of an entity: the graph of its workloads across the fleet. */
export function EntityTopologyContent() {
  // The view keeps its state in the query string through React Router; the
  // adapter scopes a router to the tab and is a no-op in the legacy system.
  return (
    <ReactRouterV6PageRouter>
      <EntityTopologyView />
    </ReactRouterV6PageRouter>
  );
}
