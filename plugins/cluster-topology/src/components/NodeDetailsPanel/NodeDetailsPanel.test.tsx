import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { registerMswTestHooks } from '@backstage/test-utils';
import type { TopologyNode } from '@cloud-native-platform/plugin-cloud-native-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ClusterTopologyClient, clusterTopologyApiRef } from '../../api';
import { prodEastBGraph, riskServiceObject } from '../../testing/fixtures';
import { NodeDetailsPanel } from './NodeDetailsPanel';

const baseUrl = 'http://localhost:7007/api/cluster-topology';

// Rendering a whole test app with Material UI is slow when the suites of the
// repository run in parallel.
jest.setTimeout(30_000);

const nodeNamed = (name: string) =>
  prodEastBGraph.nodes.find(n => n.name === name)!;

describe('NodeDetailsPanel', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const objectRequests: Array<Record<string, string>> = [];

  beforeEach(() => {
    objectRequests.length = 0;
  });

  function serveObject(
    respond: () => Response = () => HttpResponse.json(riskServiceObject),
  ) {
    server.use(
      http.get(`${baseUrl}/object`, ({ request }) => {
        objectRequests.push(
          Object.fromEntries(new URL(request.url).searchParams),
        );
        return respond();
      }),
    );
  }

  function render(node: TopologyNode, onSelect?: (n: TopologyNode) => void) {
    const client = new ClusterTopologyClient({
      discoveryApi: { getBaseUrl: async () => baseUrl },
      fetchApi: { fetch: (input, init) => fetch(input, init) },
    });
    return renderInTestApp(
      <NodeDetailsPanel
        node={node}
        onClose={() => {}}
        graph={prodEastBGraph}
        onSelect={onSelect}
      />,
      {
        apis: [[clusterTopologyApiRef, client]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
  }

  it('lists the recent events of a workload, newest first', async () => {
    serveObject();
    await render(nodeNamed('risk-service'));

    const list = await screen.findByRole('list', { name: 'Recent events' });
    expect(objectRequests).toEqual([
      {
        cluster: 'prod-east-b',
        kind: 'Deployment',
        namespace: 'trading',
        name: 'risk-service',
      },
    ]);
    const [backOff, scaling] = within(list).getAllByRole('listitem');
    expect(within(backOff).getByText('Warning')).toBeInTheDocument();
    expect(within(backOff).getByText('BackOff')).toBeInTheDocument();
    expect(
      within(backOff).getByText(
        'Back-off restarting failed container risk-service',
      ),
    ).toBeInTheDocument();
    expect(within(backOff).getByLabelText('42 times')).toHaveTextContent('×42');
    // The event is about a pod of the deployment, so the pod is named.
    expect(
      within(backOff).getByText('Pod risk-service-7c9f-x2k4p'),
    ).toBeInTheDocument();
    const time = backOff.querySelector('time')!;
    expect(time).toHaveAttribute('datetime', '2026-11-26T09:58:00Z');
    expect(time.textContent).toMatch(/^(just now|\d+[mhd] ago)$/);

    expect(within(scaling).getByText('Normal')).toBeInTheDocument();
    expect(within(scaling).getByText('ScalingReplicaSet')).toBeInTheDocument();
    expect(within(scaling).queryByLabelText(/times/)).not.toBeInTheDocument();
    expect(
      within(scaling).queryByText('Deployment risk-service'),
    ).not.toBeInTheDocument();
  });

  it('shows the YAML only once expanded', async () => {
    serveObject();
    await render(nodeNamed('risk-service'));

    const toggle = await screen.findByRole('button', { name: 'YAML' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText(/DB_PASSWORD/)).not.toBeInTheDocument();

    await userEvent.click(toggle);

    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const region = await screen.findByRole('region', { name: 'YAML' });
    await waitFor(() =>
      expect(region).toHaveTextContent(/name: DB_PASSWORD\s*value: <redacted>/),
    );
    expect(
      within(region).getByRole('button', { name: /copy/i }),
    ).toBeInTheDocument();
  });

  it('keeps the rest of the panel when the object cannot be loaded', async () => {
    serveObject(() =>
      HttpResponse.json(
        {
          error: {
            name: 'NotFoundError',
            message:
              'cluster prod-east-b has no Deployment trading/risk-service',
          },
          request: { method: 'GET', url: '/object' },
          response: { statusCode: 404 },
        },
        { status: 404 },
      ),
    );
    await render(nodeNamed('risk-service'));

    expect(
      await screen.findByText(/No data for Deployment risk-service/),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/cluster prod-east-b has no Deployment/)[0],
    ).toBeInTheDocument();
    expect(screen.getByText('0/3 ready, 3 crash-looping')).toBeInTheDocument();
    expect(screen.getByText('tier=core')).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: 'Catalog entity component:default/risk-service',
      }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'YAML' }),
    ).not.toBeInTheDocument();
  });

  it('asks for a Kubernetes node without a namespace', async () => {
    serveObject(() =>
      HttpResponse.json({
        object: {
          apiVersion: 'v1',
          kind: 'Node',
          metadata: { name: 'node-1' },
        },
        events: [],
        yaml: 'apiVersion: v1\nkind: Node\n',
      }),
    );
    await render({
      id: 'node:prod-east-b/node-1',
      kind: 'node',
      objectKind: 'Node',
      name: 'node-1',
      cluster: 'prod-east-b',
      status: 'healthy',
    });

    expect(await screen.findByText('No recent events.')).toBeInTheDocument();
    expect(objectRequests).toEqual([
      { cluster: 'prod-east-b', kind: 'Node', name: 'node-1' },
    ]);
  });

  it("lists the node's connections with their measured traffic", async () => {
    serveObject();
    const selected: string[] = [];
    await render(nodeNamed('trading-engine'), n => selected.push(n.id));

    const list = await screen.findByRole('list', { name: 'Connections' });
    const [calls, dependedOn] = within(list).getAllByRole('listitem');
    expect(calls).toHaveTextContent('calls risk-service');
    expect(
      within(calls).getByText('80 rps · 12.5 % errors · p99 240 ms'),
    ).toBeInTheDocument();
    expect(dependedOn).toHaveTextContent('dependsOn (from) flash-sale');

    await userEvent.click(
      within(calls).getByRole('button', { name: 'risk-service' }),
    );
    expect(selected).toEqual([
      'workload:prod-east-b/trading/Deployment/risk-service',
    ]);
  });

  it('names the controller of a pod', async () => {
    serveObject(() =>
      HttpResponse.json({
        object: {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'risk-service-7c9f-x2k4p', namespace: 'trading' },
        },
        owner: { kind: 'ReplicaSet', name: 'risk-service-7c9f' },
        events: [],
        yaml: 'apiVersion: v1\nkind: Pod\n',
      }),
    );
    await render({
      id: 'pod:prod-east-b/trading/risk-service-7c9f-x2k4p',
      kind: 'pod',
      name: 'risk-service-7c9f-x2k4p',
      cluster: 'prod-east-b',
      namespace: 'trading',
      status: 'degraded',
    });

    expect(
      await screen.findByText('Controlled by ReplicaSet risk-service-7c9f'),
    ).toBeInTheDocument();
    expect(objectRequests).toEqual([
      {
        cluster: 'prod-east-b',
        kind: 'Pod',
        namespace: 'trading',
        name: 'risk-service-7c9f-x2k4p',
      },
    ]);
  });

  it('loads nothing for nodes that are not one Kubernetes object', async () => {
    await render(nodeNamed('trading'));

    expect(
      screen.getByRole('complementary', { name: 'Details of trading' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Recent events')).not.toBeInTheDocument();
    expect(objectRequests).toEqual([]);
  });
});
