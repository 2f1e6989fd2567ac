import { coreApis } from '@backstage/frontend-plugin-api';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { registerMswTestHooks } from '@backstage/test-utils';
import type { TopologyNode } from '@cloud-native-platform/plugin-cloud-native-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ClusterTopologyClient, clusterTopologyApiRef } from '../../api';
import {
  clustersResponse,
  fleetGraph,
  prodEastBGraph,
  riskServiceObject,
} from '../../testing/fixtures';
import { ClusterTopologyContent } from './ClusterTopologyPage';

// The real canvas draws on a <canvas>; a list of buttons stands in for it.
jest.mock(
  '../TopologyCanvas',
  () => ({
    TopologyCanvas: (props: {
      graph: { nodes: TopologyNode[] };
      highlightIds?: Set<string>;
      onSelect?(node: TopologyNode | undefined): void;
      onOpen?(node: TopologyNode): void;
    }) => (
      <ul aria-label="Topology graph">
        {props.graph.nodes.map(n => (
          <li key={n.id} data-highlighted={props.highlightIds?.has(n.id)}>
            <button onClick={() => props.onSelect?.(n)}>{n.name}</button>
            <button onClick={() => props.onOpen?.(n)}>open {n.name}</button>
          </li>
        ))}
      </ul>
    ),
  }),
  { virtual: true },
);

const baseUrl = 'http://localhost:7007/api/cluster-topology';

// Rendering a whole test app with Material UI is slow when the suites of the
// repository run in parallel.
jest.setTimeout(30_000);

describe('ClusterTopologyContent', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const graphRequests: URLSearchParams[] = [];

  beforeEach(() => {
    graphRequests.length = 0;
    server.use(
      http.get(`${baseUrl}/clusters`, () =>
        HttpResponse.json(clustersResponse),
      ),
      // The side panel loads the selected object's events and YAML.
      http.get(`${baseUrl}/object`, () => HttpResponse.json(riskServiceObject)),
      http.get(`${baseUrl}/graph`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        graphRequests.push(params);
        return HttpResponse.json(
          params.get('cluster') === 'prod-east-b' ? prodEastBGraph : fleetGraph,
        );
      }),
    );
  });

  function render(path = '/cluster-topology') {
    const client = new ClusterTopologyClient({
      discoveryApi: { getBaseUrl: async () => baseUrl },
      fetchApi: { fetch: (input, init) => fetch(input, init) },
    });
    return renderInTestApp(<ClusterTopologyContent />, {
      apis: [[clusterTopologyApiRef, client]],
      mountPath: '/cluster-topology',
      initialRouteEntries: [path],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
  }

  const graph = () => screen.findByRole('list', { name: 'Topology graph' });

  it('shows every cluster, the degraded one with its error, and the fleet graph', async () => {
    render();

    for (const name of ['prod-east-a', 'prod-east-b', 'dr-west', 'staging']) {
      expect(
        await screen.findByRole('region', { name: `Cluster ${name}` }),
      ).toBeInTheDocument();
    }
    const degraded = screen.getByRole('region', {
      name: 'Cluster prod-east-b',
    });
    expect(within(degraded).getByText('degraded')).toBeInTheDocument();
    expect(
      within(degraded).getByText(
        'watch of Pods failed: connection reset by peer',
      ),
    ).toBeInTheDocument();
    const dr = screen.getByRole('region', { name: 'Cluster dr-west' });
    expect(
      within(dr).getByText(/Prometheus at http:\/\/prometheus.dr-west:9090/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'disaster recovery' }),
    ).toBeInTheDocument();

    expect(
      within(await graph()).getByRole('button', { name: 'prod-east-b' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Traffic unavailable for dr-west/),
    ).toBeInTheDocument();
    expect(graphRequests[0].get('layers')).toBe('static,traffic,storage');
    expect(graphRequests[0].get('window')).toBe('5m');
  });

  it('keeps the cluster cards when the graph cannot be loaded', async () => {
    server.use(
      http.get(`${baseUrl}/graph`, () =>
        HttpResponse.json(
          { error: { name: 'NotFoundError', message: 'no such route' } },
          { status: 404 },
        ),
      ),
    );
    render();

    expect(
      await screen.findByText(/No data for the graph/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('region', { name: 'Cluster staging' }),
    ).toBeInTheDocument();
  });

  it('drills down into a cluster and back to the fleet through the URL', async () => {
    const { apis } = render();
    const history = apis.get(coreApis.appHistory)!;

    await userEvent.click(
      within(await graph()).getByRole('button', { name: 'open prod-east-b' }),
    );

    await waitFor(() =>
      expect(history.getSnapshot().location.search).toBe(
        '?cluster=prod-east-b',
      ),
    );
    expect(
      await screen.findByRole('button', { name: 'risk-service' }),
    ).toBeInTheDocument();
    expect(graphRequests.at(-1)?.get('cluster')).toBe('prod-east-b');
    expect(
      screen.getByText(/Cluster prod-east-b answered partially/),
    ).toBeInTheDocument();

    // Opening a workload shows its pods.
    await userEvent.click(
      screen.getByRole('button', { name: 'open risk-service' }),
    );
    await waitFor(() =>
      expect(
        new URLSearchParams(history.getSnapshot().location.search).get(
          'expand',
        ),
      ).toBe('workload:prod-east-b/trading/Deployment/risk-service'),
    );
    await waitFor(() =>
      expect(graphRequests.at(-1)?.get('expand')).toBe(
        'workload:prod-east-b/trading/Deployment/risk-service',
      ),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Fleet' }));
    await waitFor(() => expect(history.getSnapshot().location.search).toBe(''));
    expect(
      await screen.findByRole('button', { name: 'staging' }),
    ).toBeInTheDocument();
  });

  it('highlights search matches and filters by health', async () => {
    render('/cluster-topology?cluster=prod-east-b');
    await screen.findByRole('button', { name: 'risk-service' });

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Search nodes' }),
      'tier=core',
    );
    expect(await screen.findByText('2 matches')).toBeInTheDocument();
    const highlighted = within(await graph())
      .getAllByRole('listitem')
      .filter(item => item.getAttribute('data-highlighted') === 'true')
      .map(item => within(item).getAllByRole('button')[0].textContent);
    expect(highlighted).toEqual(['trading-engine', 'risk-service']);

    await userEvent.click(screen.getByRole('checkbox', { name: 'failing' }));
    await waitFor(() =>
      expect(
        screen.queryByRole('button', { name: 'flash-sale' }),
      ).not.toBeInTheDocument(),
    );
    // The failing workload keeps its namespace and cluster around it.
    expect(
      screen.getByRole('button', { name: 'risk-service' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'trading' })).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'trading-engine' }),
    ).not.toBeInTheDocument();
  });

  it('opens the side panel of the selected node with links to its entity', async () => {
    const { apis } = render('/cluster-topology?cluster=prod-east-b');

    await userEvent.click(
      await screen.findByRole('button', { name: 'risk-service' }),
    );

    const panel = await screen.findByRole('complementary', {
      name: 'Details of risk-service',
    });
    expect(
      within(panel).getByText('0/3 ready, 3 crash-looping'),
    ).toBeInTheDocument();
    expect(within(panel).getByText('Crash-looping')).toBeInTheDocument();
    expect(within(panel).getByText('tier=core')).toBeInTheDocument();
    expect(
      within(panel).getByRole('link', {
        name: 'Catalog entity component:default/risk-service',
      }),
    ).toHaveAttribute('href', '/catalog/default/component/risk-service');
    expect(
      within(panel).getByRole('link', {
        name: 'Kubernetes tab of component:default/risk-service',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/risk-service/kubernetes',
    );
    expect(
      new URLSearchParams(
        apis.get(coreApis.appHistory)!.getSnapshot().location.search,
      ).get('selected'),
    ).toBe('workload:prod-east-b/trading/Deployment/risk-service');

    await userEvent.click(
      within(panel).getByRole('button', { name: 'Close details' }),
    );
    expect(
      screen.queryByRole('complementary', { name: 'Details of risk-service' }),
    ).not.toBeInTheDocument();
  });
});
