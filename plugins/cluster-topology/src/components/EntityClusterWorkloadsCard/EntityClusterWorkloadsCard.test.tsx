import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ClusterTopologyClient, clusterTopologyApiRef } from '../../api';
import { tradingEngineWorkloads } from '../../testing/fixtures';
import { EntityClusterWorkloadsCard } from './EntityClusterWorkloadsCard';

const baseUrl = 'http://localhost:7007/api/cluster-topology';

// Rendering a whole test app with Material UI is slow when the suites of the
// repository run in parallel.
jest.setTimeout(30_000);

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'trading-engine',
    annotations: { 'backstage.io/kubernetes-id': 'trading-engine' },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'trading-team' },
};

describe('EntityClusterWorkloadsCard', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  function render() {
    const client = new ClusterTopologyClient({
      discoveryApi: { getBaseUrl: async () => baseUrl },
      fetchApi: { fetch: (input, init) => fetch(input, init) },
    });
    return renderInTestApp(
      <EntityProvider entity={entity}>
        <EntityClusterWorkloadsCard />
      </EntityProvider>,
      {
        apis: [[clusterTopologyApiRef, client]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
  }

  it('lists the workloads of the entity per cluster with their health', async () => {
    server.use(
      http.get(`${baseUrl}/workloads`, ({ request }) =>
        new URL(request.url).searchParams.get('entityRef') ===
        'component:default/trading-engine'
          ? HttpResponse.json(tradingEngineWorkloads)
          : new HttpResponse(null, { status: 400 }),
      ),
    );
    render();

    const table = await screen.findByRole('table', {
      name: 'Cluster workloads',
    });
    const rows = within(table).getAllByRole('row');
    expect(rows.map(row => row.textContent)).toEqual([
      'WorkloadHealthReadyRestartsImages',
      'prod-east-a',
      'Deployment/trading-enginetradinghealthy6/61registry.acme.io/trading/trading-engine:4.2.1',
      'prod-east-b',
      'Deployment/trading-enginetradingdegraded4/617registry.acme.io/trading/trading-engine:4.2.1, istio/proxyv2:1.22.0',
    ]);
    expect(
      screen.getByText(/Cluster dr-west could not be read/),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Open topology/ })).toHaveAttribute(
      'href',
      '/catalog/default/component/trading-engine/topology',
    );
  });

  it('shows the error of the backend', async () => {
    server.use(
      http.get(`${baseUrl}/workloads`, () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'cluster state not ready' } },
          { status: 503 },
        ),
      ),
    );
    render();

    expect(
      await screen.findByText(/Could not load the workloads/),
    ).toBeInTheDocument();
  });
});
