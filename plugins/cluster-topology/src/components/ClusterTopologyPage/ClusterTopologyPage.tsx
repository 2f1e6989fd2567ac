import useAsync from 'react-use/esm/useAsync';
import {
  Content,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
import Box from '@material-ui/core/Box';
import { clusterTopologyApiRef } from '../../api';
import { useAutoRefresh } from '../../lib/useAutoRefresh';
import { useTopologyViewState } from '../../lib/viewState';
import { ClusterSummaryCards } from '../ClusterSummaryCards';
import { TopologyExplorer } from '../TopologyExplorer';

function ClusterTopologyView() {
  const api = useApi(clusterTopologyApiRef);
  const refresh = useAutoRefresh();
  const [state, update] = useTopologyViewState();
  const clusters = useAsync(() => api.getClusters(), [api, refresh.tick]);

  return (
    <Box display="flex" flexDirection="column" gridGap={24}>
      {/* The cards load on their own so that a graph failure never hides them. */}
      {clusters.value && (
        <ClusterSummaryCards
          clusters={clusters.value.items}
          current={state.cluster}
          onOpen={cluster =>
            update({
              cluster: cluster.name,
              namespace: undefined,
              expand: [],
              selected: undefined,
            })
          }
        />
      )}
      {clusters.error && (
        <ResponseErrorPanel
          error={clusters.error}
          title="Could not load the clusters"
        />
      )}
      {!clusters.value && !clusters.error && <Progress />}
      <TopologyExplorer refresh={refresh} />
    </Box>
  );
}

// The view keeps its state in the query string through React Router. The
// adapter gives it a router scoped to the page in the new frontend system and
// renders its children untouched in the legacy one.

/**
 * The fleet's clusters and the topology graph, without the page header. The
 * new frontend system draws the header around it.
 */
export function ClusterTopologyContent() {
  return (
    <ReactRouterV6PageRouter>
      <Content>
        <ClusterTopologyView />
      </Content>
    </ReactRouterV6PageRouter>
  );
}

/** The cluster topology page with its header, for the legacy frontend system. */
export function ClusterTopologyPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Cluster topology"
        subtitle="Clusters, namespaces and workloads of the fleet, and the traffic between them"
      />
      <ClusterTopologyContent />
    </Page>
  );
}
