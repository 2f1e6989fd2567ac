import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { healingApiRef } from '../../api';
import { allowAll } from '../../__testUtils__/permissions';
import {
  createTestClient,
  errorResponse,
  serveFixtures,
} from '../../__testUtils__/mockServer';
import {
  nodeNotReadyReschedule,
  riskServiceRestart,
} from '../../testing/fixtures';
import { AttemptView } from '../AttemptView';
import { alertLogWindow } from './alertLogWindow';

jest.setTimeout(30_000);

const topologyUrl = 'http://localhost:7007/api/cluster-topology';
const workloadId = 'workload:prod-east-b/trading/Deployment/risk-service';

// The namespace graph with every workload's pods: the alert's pod was
// replaced since, two others run now, one belongs to another workload.
const namespaceGraph = {
  level: 'namespace',
  generatedAt: '2026-11-27T09:00:00Z',
  nodes: [
    {
      id: workloadId,
      kind: 'workload',
      objectKind: 'Deployment',
      name: 'risk-service',
      cluster: 'prod-east-b',
      namespace: 'trading',
      status: 'healthy',
    },
    ...['risk-service-7d9f6c5b8-b', 'risk-service-7d9f6c5b8-a'].map(name => ({
      id: `pod:prod-east-b/trading/${name}`,
      kind: 'pod',
      name,
      cluster: 'prod-east-b',
      namespace: 'trading',
      parent: workloadId,
      status: 'healthy',
    })),
    {
      id: 'pod:prod-east-b/trading/ledger-db-0',
      kind: 'pod',
      name: 'ledger-db-0',
      cluster: 'prod-east-b',
      namespace: 'trading',
      parent: 'workload:prod-east-b/trading/StatefulSet/ledger-db',
      status: 'healthy',
    },
  ],
  edges: [],
  errors: [],
  notices: [],
};

describe('AlertLogs', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let topologyRequests: Array<{ path: string; query: Record<string, string> }>;

  beforeEach(() => {
    serveFixtures(server);
    topologyRequests = [];
    const record = (request: Request) => {
      const url = new URL(request.url);
      const query = Object.fromEntries(url.searchParams);
      topologyRequests.push({
        path: url.pathname.replace(/^.*\/api\/cluster-topology/, ''),
        query,
      });
      return query;
    };
    server.use(
      http.get(`${topologyUrl}/graph`, ({ request }) => {
        record(request);
        return HttpResponse.json(namespaceGraph);
      }),
      http.get(`${topologyUrl}/logs`, ({ request }) => {
        const { pod } = record(request);
        if (pod === 'risk-service-7d9f6c5b8-a') {
          return errorResponse(
            403,
            'NotAllowedError',
            'cluster-topology.logs.read denied',
          );
        }
        return new HttpResponse(
          `2026-11-27T08:13:59Z ${pod} panic: connection refused\n` +
            `2026-11-27T08:14:05Z ${pod} restarting\n`,
          { headers: { 'X-Log-Source': 'loki' } },
        );
      }),
    );
  });

  function render(id: string) {
    return renderInTestApp(<AttemptView id={id} />, {
      apis: [[healingApiRef, createTestClient()], allowAll()],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
  }

  it('reads 5 minutes either side of the alert start', () => {
    expect(alertLogWindow(riskServiceRestart)).toEqual({
      start: '2026-11-27T08:09:06.000Z',
      end: '2026-11-27T08:19:06.000Z',
    });
    const { alert: _alert, ...withoutAlert } = riskServiceRestart;
    expect(
      alertLogWindow({ ...withoutAlert, createdAt: '2026-11-27T08:30:00Z' }),
    ).toEqual({
      start: '2026-11-27T08:25:00.000Z',
      end: '2026-11-27T08:35:00.000Z',
    });
  });

  it("shows the logs of the alert's pod, then of the pod chosen", async () => {
    await render(riskServiceRestart.id);
    const button = await screen.findByRole('button', {
      name: 'Show the logs',
    });
    expect(topologyRequests).toEqual([]);
    await userEvent.click(button);

    const list = await screen.findByRole('list', {
      name: 'Log lines of risk-service-7d9f6c5b8-x2kqp around the alert',
    });
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent(
      'risk-service-7d9f6c5b8-x2kqp panic: connection refused',
    );
    expect(topologyRequests).toEqual([
      {
        path: '/graph',
        query: {
          cluster: 'prod-east-b',
          namespace: 'trading',
          expand: 'all',
          layers: 'static',
        },
      },
      {
        path: '/logs',
        query: {
          cluster: 'prod-east-b',
          namespace: 'trading',
          pod: 'risk-service-7d9f6c5b8-x2kqp',
          start: '2026-11-27T08:09:06.000Z',
          end: '2026-11-27T08:19:06.000Z',
        },
      },
    ]);

    await userEvent.click(screen.getByRole('button', { name: /Pod/ }));
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual([
      'risk-service-7d9f6c5b8-x2kqp',
      'risk-service-7d9f6c5b8-a',
      'risk-service-7d9f6c5b8-b',
    ]);
    await userEvent.click(options[2]);
    expect(
      await screen.findByRole('list', {
        name: 'Log lines of risk-service-7d9f6c5b8-b around the alert',
      }),
    ).toBeInTheDocument();

    // A refusal is shown in place, naming the cluster.
    await userEvent.click(screen.getByRole('button', { name: /Pod/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'risk-service-7d9f6c5b8-a' }),
    );
    expect(
      await screen.findByText(/You may not read logs of cluster prod-east-b/),
    ).toBeInTheDocument();
    await waitFor(() => expect(topologyRequests).toHaveLength(4));
  });

  it('is left out for an attempt on a node', async () => {
    await render(nodeNotReadyReschedule.id);
    await screen.findByText(/Kubernetes healed this by itself/);
    expect(
      screen.queryByRole('button', { name: 'Show the logs' }),
    ).not.toBeInTheDocument();
  });
});
