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

jest.setTimeout(30_000);

const workload = prodEastBGraph.nodes.find(n => n.name === 'risk-service')!;
const podNode = (name: string): TopologyNode => ({
  id: `pod:prod-east-b/trading/${name}`,
  kind: 'pod',
  objectKind: 'Pod',
  name,
  cluster: 'prod-east-b',
  namespace: 'trading',
  parent: workload.id,
  status: 'failing',
});
const pod = podNode('risk-service-7c9f-x2k4p');

const podObject = {
  object: {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: pod.name, namespace: 'trading' },
    spec: {
      containers: [{ name: 'risk-service' }, { name: 'istio-proxy' }],
    },
  },
  events: [],
  yaml: 'kind: Pod\n',
};

const logText =
  '2026-11-26T09:58:00Z starting risk-service\n' +
  '2026-11-26T09:58:01Z Timeout talking to pricing\n' +
  '2026-11-26T09:58:02Z retry after timeout: ok\n';

describe('PodLogsSection', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  let logRequests: Array<Record<string, string>>;

  beforeEach(() => {
    logRequests = [];
    server.use(
      http.get(`${baseUrl}/object`, ({ request }) =>
        HttpResponse.json(
          new URL(request.url).searchParams.get('kind') === 'Pod'
            ? podObject
            : riskServiceObject,
        ),
      ),
    );
  });

  function serveLogs(respond: (query: Record<string, string>) => Response) {
    server.use(
      http.get(`${baseUrl}/logs`, ({ request }) => {
        const query = Object.fromEntries(new URL(request.url).searchParams);
        logRequests.push(query);
        return respond(query);
      }),
    );
  }

  const plainLogs = () =>
    new HttpResponse(logText, {
      headers: { 'Content-Type': 'text/plain', 'X-Log-Source': 'kubernetes' },
    });

  async function render(node: TopologyNode) {
    const client = new ClusterTopologyClient({
      discoveryApi: { getBaseUrl: async () => baseUrl },
      fetchApi: { fetch: (input, init) => fetch(input, init) },
    });
    await renderInTestApp(
      <NodeDetailsPanel
        node={node}
        onClose={() => {}}
        graph={prodEastBGraph}
      />,
      {
        apis: [[clusterTopologyApiRef, client]],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
  }

  async function openLogs() {
    await userEvent.click(await screen.findByRole('button', { name: 'Logs' }));
    return screen.findByRole('list', { name: `Log lines of ${pod.name}` });
  }

  it('reads the last 500 lines once opened, and filters them', async () => {
    serveLogs(plainLogs);
    await render(pod);
    expect(logRequests).toEqual([]);

    const list = await openLogs();
    expect(logRequests).toEqual([
      {
        cluster: 'prod-east-b',
        namespace: 'trading',
        pod: pod.name,
        tailLines: '500',
      },
    ]);
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(
      screen.getByText('Read from the Kubernetes API.'),
    ).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Search the lines'), 'timeout');
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(list.querySelectorAll('mark')).toHaveLength(2);
  });

  it('asks for the previous run, another container and another tail size', async () => {
    serveLogs(plainLogs);
    await render(pod);
    await openLogs();

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Previous container' }),
    );
    await waitFor(() => expect(logRequests).toHaveLength(2));
    expect(logRequests[1]).toMatchObject({ previous: 'true' });
    // A finished run cannot be followed.
    expect(screen.getByRole('button', { name: 'Follow' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: /Container/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'istio-proxy' }),
    );
    await userEvent.click(screen.getByRole('button', { name: /Last lines/ }));
    await userEvent.click(await screen.findByRole('option', { name: '2000' }));

    await waitFor(() =>
      expect(logRequests[logRequests.length - 1]).toEqual({
        cluster: 'prod-east-b',
        namespace: 'trading',
        pod: pod.name,
        container: 'istio-proxy',
        previous: 'true',
        tailLines: '2000',
      }),
    );
  });

  it('appends followed lines as they stream and stops on request', async () => {
    const encoder = new TextEncoder();
    let push: (chunk: string) => void = () => {};
    let aborted = false;
    serveLogs(query => {
      if (query.follow !== 'true') return plainLogs();
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          push = chunk => controller.enqueue(encoder.encode(chunk));
        },
        cancel() {
          aborted = true;
        },
      });
      return new HttpResponse(body, {
        headers: { 'Content-Type': 'text/event-stream' },
      });
    });
    await render(pod);
    await openLogs();

    await userEvent.click(screen.getByRole('button', { name: 'Follow' }));
    await waitFor(() =>
      expect(logRequests[1]).toMatchObject({
        follow: 'true',
        tailLines: '500',
      }),
    );
    expect(
      await screen.findByText('Waiting for new lines…'),
    ).toBeInTheDocument();

    push('data: 2026-11-26T10:00:00Z first streamed\n\n');
    push('data: 2026-11-26T10:00:01Z second streamed\n\n');
    const list = await screen.findByRole('list', {
      name: `Log lines of ${pod.name}`,
    });
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('listitem')
          .map(i => i.textContent),
      ).toEqual([
        '2026-11-26T10:00:00Zfirst streamed',
        '2026-11-26T10:00:01Zsecond streamed',
      ]),
    );
    push('data: 2026-11-26T10:00:02Z third streamed\n\n');
    await waitFor(() =>
      expect(within(list).getAllByRole('listitem')).toHaveLength(3),
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Stop following' }),
    );
    expect(
      await screen.findByText('The stream was closed.'),
    ).toBeInTheDocument();
    await waitFor(() => expect(aborted).toBe(true));
    // The streamed lines stay; no new read replaces them.
    expect(
      screen.getByRole('list', { name: `Log lines of ${pod.name}` }).children,
    ).toHaveLength(3);
    expect(logRequests).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Follow' })).toBeEnabled();
  });

  it('says why a stream ended at the backend bound', async () => {
    serveLogs(query =>
      query.follow === 'true'
        ? new HttpResponse(
            'data: t1 line\n\nevent: end\ndata: {"reason":"duration"}\n\n',
            { headers: { 'Content-Type': 'text/event-stream' } },
          )
        : plainLogs(),
    );
    await render(pod);
    await openLogs();
    await userEvent.click(screen.getByRole('button', { name: 'Follow' }));
    expect(
      await screen.findByText(
        'The stream ended at the time limit of the backend.',
      ),
    ).toBeInTheDocument();
  });

  it('downloads the lines shown as <pod>.log', async () => {
    serveLogs(plainLogs);
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        blobs.push(blob);
        return 'blob:pod-logs';
      },
      revokeObjectURL: () => {},
    });
    const names: string[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function capture(this: HTMLAnchorElement) {
        names.push(this.download);
      });
    await render(pod);
    await openLogs();
    await userEvent.click(screen.getByRole('button', { name: 'Download' }));

    expect(names).toEqual([`${pod.name}.log`]);
    await expect(blobs[0].text()).resolves.toBe(logText);
    click.mockRestore();
  });

  it('shows a refusal in the panel', async () => {
    serveLogs(() =>
      HttpResponse.json(
        {
          error: {
            name: 'NotAllowedError',
            message: 'cluster-topology.logs.read denied',
          },
          response: { statusCode: 403 },
        },
        { status: 403 },
      ),
    );
    await render(pod);
    await userEvent.click(await screen.findByRole('button', { name: 'Logs' }));
    expect(
      await screen.findByText(/You may not read logs of cluster prod-east-b/),
    ).toBeInTheDocument();
  });

  it("lists a collapsed workload's pods and reads the chosen one", async () => {
    serveLogs(plainLogs);
    const graphRequests: Array<Record<string, string>> = [];
    server.use(
      http.get(`${baseUrl}/graph`, ({ request }) => {
        graphRequests.push(
          Object.fromEntries(new URL(request.url).searchParams),
        );
        return HttpResponse.json({
          ...prodEastBGraph,
          nodes: [...prodEastBGraph.nodes, podNode('risk-service-7c9f-b'), pod],
        });
      }),
    );
    await render(workload);
    await userEvent.click(await screen.findByRole('button', { name: 'Logs' }));

    const podSelect = await screen.findByRole('button', { name: /Pod/ });
    expect(graphRequests).toEqual([
      {
        cluster: 'prod-east-b',
        namespace: 'trading',
        expand: workload.id,
        layers: 'static',
      },
    ]);
    await waitFor(() => expect(logRequests).toHaveLength(1));
    expect(logRequests[0]).toMatchObject({ pod: 'risk-service-7c9f-b' });
    // The workload's only container is chosen from its pod template.
    expect(logRequests[0]).toMatchObject({ container: 'risk-service' });

    await userEvent.click(podSelect);
    await userEvent.click(
      await screen.findByRole('option', { name: pod.name }),
    );
    await waitFor(() =>
      expect(logRequests[logRequests.length - 1]).toMatchObject({
        pod: pod.name,
      }),
    );
  });
});
