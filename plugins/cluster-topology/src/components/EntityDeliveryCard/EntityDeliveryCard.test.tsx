import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { registerMswTestHooks } from '@backstage/test-utils';
import type { EntityDeliveriesResponse } from '@cloud-native-platform/plugin-cluster-topology-common';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ClusterTopologyClient, clusterTopologyApiRef } from '../../api';
import { EntityDeliveryCard, formatDuration } from './EntityDeliveryCard';

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

const deliveries: EntityDeliveriesResponse = {
  items: [
    {
      cluster: 'prod-east-a',
      workload: {
        kind: 'Deployment',
        namespace: 'trading',
        name: 'trading-engine',
      },
      argocd: {
        application: 'argocd/prod-east-a-trading',
        syncStatus: 'Synced',
        health: 'Healthy',
        revision: '9c41e7b2d05f8a1e6b3c4d2f7a90e15c3b8d6f24',
        automated: true,
        selfHeal: true,
      },
      rollout: {
        strategy: 'canary',
        step: 3,
        totalSteps: 5,
        canaryWeight: 50,
        analysis: 'Running',
        phase: 'Paused',
      },
      pipelineRuns: [
        {
          name: 'trading-engine-release-q9m4d',
          pipeline: 'trading-engine-release',
          status: 'Succeeded',
          durationSeconds: 1065,
        },
        {
          name: 'trading-engine-release-7xk2p',
          pipeline: 'trading-engine-release',
          status: 'Failed',
          durationSeconds: 765,
        },
      ],
    },
    {
      cluster: 'prod-east-b',
      workload: {
        kind: 'Deployment',
        namespace: 'trading',
        name: 'trading-engine',
      },
      argocd: {
        application: 'argocd/prod-east-b-trading',
        syncStatus: 'OutOfSync',
        health: 'Progressing',
        automated: false,
        selfHeal: false,
      },
      pipelineRuns: [],
    },
    {
      cluster: 'dr-west',
      workload: {
        kind: 'Deployment',
        namespace: 'trading',
        name: 'trading-engine',
      },
      pipelineRuns: [],
    },
  ],
  errors: [
    {
      cluster: 'staging',
      error:
        'reading objects of cluster staging needs the cluster-topology.object.read permission',
    },
  ],
};

describe('EntityDeliveryCard', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  function render() {
    const client = new ClusterTopologyClient({
      discoveryApi: { getBaseUrl: async () => baseUrl },
      fetchApi: { fetch: (input, init) => fetch(input, init) },
    });
    return renderInTestApp(
      <EntityProvider entity={entity}>
        <EntityDeliveryCard />
      </EntityProvider>,
      { apis: [[clusterTopologyApiRef, client]] },
    );
  }

  it('shows the Argo CD sync, the canary and the pipeline runs of each delivered workload', async () => {
    server.use(
      http.get(`${baseUrl}/deliveries`, ({ request }) =>
        new URL(request.url).searchParams.get('entityRef') ===
        'component:default/trading-engine'
          ? HttpResponse.json(deliveries)
          : new HttpResponse(null, { status: 400 }),
      ),
    );
    render();

    const table = await screen.findByRole('table', { name: 'Deliveries' });
    const rows = within(table).getAllByRole('row');
    // dr-west's workload has no delivery to show: it is left out.
    expect(rows.map(row => row.textContent)).toEqual([
      'WorkloadArgo CDRolloutPipeline runs',
      'Deployment/trading-engineprod-east-a · trading' +
        'SyncedHealthyargocd/prod-east-a-trading9c41e7bautomated sync, self-heal' +
        'Pausedcanary · step 3/5 · canary 50%analysis Running' +
        'Succeededtrading-engine-release-q9m4d17m 45sFailedtrading-engine-release-7xk2p12m 45s',
      'Deployment/trading-engineprod-east-b · trading' +
        'OutOfSyncProgressingargocd/prod-east-b-tradingmanual sync——',
    ]);
    expect(
      screen.getByText(/Cluster staging could not be read/),
    ).toBeInTheDocument();
  });

  it('says so when nothing delivers the workloads', async () => {
    server.use(
      http.get(`${baseUrl}/deliveries`, () =>
        HttpResponse.json({ items: [deliveries.items[2]], errors: [] }),
      ),
    );
    render();
    expect(
      await screen.findByText(
        /No Argo CD application, Rollout or pipeline run/,
      ),
    ).toBeInTheDocument();
  });

  it('shows the error of the backend', async () => {
    server.use(
      http.get(`${baseUrl}/deliveries`, () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'cluster state not ready' } },
          { status: 503 },
        ),
      ),
    );
    render();
    expect(
      await screen.findByText(/Could not load the deliveries/),
    ).toBeInTheDocument();
  });

  it('formats durations', () => {
    expect(formatDuration(47)).toBe('47s');
    expect(formatDuration(725)).toBe('12m 5s');
    expect(formatDuration(7260)).toBe('2h 1m');
    expect(formatDuration(undefined)).toBe('');
  });
});
