import { ResponseError } from '@backstage/errors';
import { registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  clustersResponse,
  fleetGraph,
  tradingEngineWorkloads,
} from '../testing/fixtures';
import { ClusterTopologyClient } from './ClusterTopologyClient';

const baseUrl = 'http://localhost:7007/api/cluster-topology';

describe('ClusterTopologyClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new ClusterTopologyClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });

  it('lists the clusters', async () => {
    server.use(
      http.get(`${baseUrl}/clusters`, () =>
        HttpResponse.json(clustersResponse),
      ),
    );
    await expect(client.getClusters()).resolves.toEqual(clustersResponse);
  });

  it('asks for the graph of the requested view', async () => {
    const requests: URL[] = [];
    server.use(
      http.get(`${baseUrl}/graph`, ({ request }) => {
        requests.push(new URL(request.url));
        return HttpResponse.json(fleetGraph);
      }),
    );

    await expect(client.getGraph()).resolves.toEqual(fleetGraph);
    await client.getGraph({
      cluster: 'prod-east-b',
      namespace: 'trading',
      expand: ['workload:prod-east-b/trading/Deployment/risk-service'],
      layers: ['static', 'traffic'],
      window: '15m',
    });
    await client.getGraph({
      entityRef: 'component:default/trading-engine',
      cluster: 'ignored-for-entities',
    });

    expect(requests.map(r => Object.fromEntries(r.searchParams))).toEqual([
      {},
      {
        cluster: 'prod-east-b',
        namespace: 'trading',
        expand: 'workload:prod-east-b/trading/Deployment/risk-service',
        layers: 'static,traffic',
        window: '15m',
      },
      { entityRef: 'component:default/trading-engine' },
    ]);
  });

  it('reads the workloads of an entity', async () => {
    server.use(
      http.get(`${baseUrl}/workloads`, ({ request }) =>
        new URL(request.url).searchParams.get('entityRef') ===
        'component:default/trading-engine'
          ? HttpResponse.json(tradingEngineWorkloads)
          : new HttpResponse(null, { status: 400 }),
      ),
    );
    await expect(
      client.getEntityWorkloads('component:default/trading-engine'),
    ).resolves.toEqual(tradingEngineWorkloads);
  });

  it('throws a ResponseError when the backend fails', async () => {
    server.use(
      http.get(`${baseUrl}/workloads`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotFoundError',
              message: 'no entity component:default/nope in the catalog',
            },
            request: { method: 'GET', url: '/workloads' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    const result = client.getEntityWorkloads('component:default/nope');
    await expect(result).rejects.toBeInstanceOf(ResponseError);
    await expect(result).rejects.toMatchObject({
      statusCode: 404,
      body: { error: { name: 'NotFoundError' } },
    });
  });

  describe('pod logs', () => {
    const query = {
      cluster: 'prod-east-b',
      namespace: 'trading',
      pod: 'risk-service-7c9f-x2k4p',
    };

    it('reads the lines with their source and truncation', async () => {
      const requests: URL[] = [];
      server.use(
        http.get(`${baseUrl}/logs`, ({ request }) => {
          requests.push(new URL(request.url));
          return new HttpResponse(
            '2026-11-26T09:58:00.1Z starting risk-service\n' +
              '2026-11-26T09:58:01.2Z token=[redacted] loaded\n',
            {
              headers: {
                'Content-Type': 'text/plain; charset=utf-8',
                'X-Log-Source': 'loki',
                'X-Log-Truncated': 'true',
              },
            },
          );
        }),
      );

      await expect(
        client.getPodLogs({
          ...query,
          container: 'app',
          start: '2026-11-26T09:55:00Z',
          end: '2026-11-26T10:05:00Z',
          follow: true,
        }),
      ).resolves.toEqual({
        source: 'loki',
        truncated: true,
        lines: [
          {
            timestamp: '2026-11-26T09:58:00.1Z',
            text: 'starting risk-service',
          },
          {
            timestamp: '2026-11-26T09:58:01.2Z',
            text: 'token=[redacted] loaded',
          },
        ],
      });
      // A plain read never asks to follow.
      expect(Object.fromEntries(requests[0].searchParams)).toEqual({
        ...query,
        container: 'app',
        start: '2026-11-26T09:55:00Z',
        end: '2026-11-26T10:05:00Z',
      });
    });

    it('reads an answer without headers as untruncated Kubernetes logs', async () => {
      server.use(http.get(`${baseUrl}/logs`, () => new HttpResponse('')));
      await expect(client.getPodLogs(query)).resolves.toEqual({
        source: 'kubernetes',
        truncated: false,
        lines: [],
      });
    });

    it('streams followed lines until the end event', async () => {
      const requests: Request[] = [];
      const encoder = new TextEncoder();
      server.use(
        http.get(`${baseUrl}/logs`, ({ request }) => {
          requests.push(request);
          const body = new ReadableStream({
            start(controller) {
              controller.enqueue(encoder.encode('data: t1 first line\n\nda'));
              controller.enqueue(encoder.encode('ta: t2 second\n\n'));
              controller.enqueue(
                encoder.encode('event: end\ndata: {"reason":"size"}\n\n'),
              );
              controller.enqueue(encoder.encode('data: t3 after the end\n\n'));
              controller.close();
            },
          });
          return new HttpResponse(body, {
            headers: { 'Content-Type': 'text/event-stream' },
          });
        }),
      );
      const lines: unknown[] = [];
      await expect(
        client.followPodLogs({ ...query, previous: true }, l => lines.push(l)),
      ).resolves.toBe('size');
      expect(lines).toEqual([
        { timestamp: 't1', text: 'first line' },
        { timestamp: 't2', text: 'second' },
      ]);
      expect(requests[0].headers.get('accept')).toBe('text/event-stream');
      expect(Object.fromEntries(new URL(requests[0].url).searchParams)).toEqual(
        { ...query, previous: 'true', follow: 'true' },
      );
    });

    it('stops following when aborted, and reports a refusal', async () => {
      const encoder = new TextEncoder();
      server.use(
        http.get(`${baseUrl}/logs`, () => {
          // Never closes: only the abort ends it.
          const body = new ReadableStream({
            start(controller) {
              controller.enqueue(encoder.encode('data: t1 only line\n\n'));
            },
          });
          return new HttpResponse(body, {
            headers: { 'Content-Type': 'text/event-stream' },
          });
        }),
      );
      const controller = new AbortController();
      const lines: unknown[] = [];
      const followed = client.followPodLogs(
        query,
        line => {
          lines.push(line);
          controller.abort();
        },
        controller.signal,
      );
      await expect(followed).resolves.toBe('closed');
      expect(lines).toEqual([{ timestamp: 't1', text: 'only line' }]);

      server.use(
        http.get(`${baseUrl}/logs`, () =>
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
        ),
      );
      await expect(client.followPodLogs(query, () => {})).rejects.toMatchObject(
        { statusCode: 403 },
      );
      await expect(client.getPodLogs(query)).rejects.toMatchObject({
        statusCode: 403,
      });
    });
  });
});
