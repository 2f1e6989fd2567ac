import { PermissionsService } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
} from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { REDACTED } from '@cloud-native-platform/plugin-cloud-native-node';
import {
  FakeKubernetesApi,
  startTestLoki,
  TestLoki,
} from '@cloud-native-platform/plugin-cloud-native-node/testUtils';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { clusterTopologyPlugin } from '../plugin';

const TOKEN = 'sa-token-for-logs';
const ENGINE = { namespace: 'trading', pod: 'engine-1', container: 'engine' };

const namespace = {
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name: 'trading', uid: 'ns1' },
};
const enginePod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'engine-1', namespace: 'trading', uid: 'p1' },
  spec: {
    containers: [
      { name: 'engine', image: 'engine:1' },
      { name: 'sidecar', image: 'proxy:1' },
    ],
  },
  status: { phase: 'Running' },
};

const LEDGER_MANIFESTS = `
apiVersion: v1
kind: Namespace
metadata: { name: trading }
---
apiVersion: v1
kind: Pod
metadata: { name: ledger-0, namespace: trading, uid: l0 }
spec: { containers: [{ name: ledger, image: ledger:3 }] }
`;

/** `n` seconds after 10:00 on the demo day, as the kubelet writes it. */
const at = (n: number) =>
  new Date(Date.UTC(2026, 11, 3, 10, 0, n)).toISOString().replace('.000', '');
/** `n` seconds before the test started, in nanoseconds and as RFC 3339. */
const STARTED = Math.floor(Date.now() / 1000) * 1000;
const agoNanos = (n: number) => String(BigInt(STARTED - n * 1000) * 1_000_000n);
const ago = (n: number) =>
  new Date(STARTED - n * 1000).toISOString().replace('.000', '');

jest.setTimeout(30_000);

type Limits = {
  maxBytes?: number;
  follow?: { maxSeconds?: number; maxBytes?: number };
};

describe('GET /api/cluster-topology/logs', () => {
  let api: FakeKubernetesApi;
  let loki: TestLoki;
  let dir: string;
  let denied: Set<string>;
  let calls: AuthorizePermissionRequest[][];

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'topology-logs-'));
    for (const name of ['archive', 'docs']) {
      fs.mkdirSync(path.join(dir, name));
      fs.writeFileSync(path.join(dir, name, 'all.yaml'), LEDGER_MANIFESTS);
    }
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  beforeEach(async () => {
    denied = new Set();
    calls = [];
    api = await FakeKubernetesApi.start({
      token: TOKEN,
      clusters: { live: [namespace, enginePod] },
    });
    api.setPodLog('live', ENGINE, [
      { time: at(0), text: 'starting' },
      { time: at(1), text: 'listening on :8080' },
      { time: at(2), text: 'ready' },
    ]);
    api.setPodLog('live', { ...ENGINE, container: 'sidecar' }, [
      { time: at(0), text: 'proxy up' },
    ]);
    api.setPodLog('live', ENGINE, [{ time: at(0), text: 'out of memory' }], {
      previous: true,
    });
    loki = await startTestLoki();
  });
  afterEach(async () => {
    await api.close();
    await loki.close();
  });

  async function start(limits: Limits = {}, lokiUrl = loki.url) {
    const permissions = mockServices.permissions.mock({
      authorize: (async (requests: AuthorizePermissionRequest[]) => {
        calls.push(requests);
        return requests.map(r => ({
          result:
            'resourceRef' in r && denied.has(r.resourceRef!)
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        }));
      }) as PermissionsService['authorize'],
    }).factory;
    const { server } = await startTestBackend({
      features: [
        clusterTopologyPlugin,
        permissions,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: {
            cloudNativePlatform: {
              clusters: [
                {
                  name: 'live',
                  role: 'production',
                  kubernetes: {
                    url: api.url('live'),
                    serviceAccountToken: TOKEN,
                  },
                },
                {
                  name: 'archive',
                  role: 'disaster-recovery',
                  manifests: { path: path.join(dir, 'archive') },
                  loki: { url: lokiUrl },
                },
                {
                  name: 'docs',
                  role: 'staging',
                  manifests: { path: path.join(dir, 'docs') },
                },
              ],
              logs: limits,
            },
          },
        }),
      ],
    });
    const deadline = Date.now() + 20_000;
    for (;;) {
      const res = await request(server)
        .get('/api/cluster-topology/clusters')
        .set('Authorization', mockCredentials.user.header());
      const live = res.body.items?.find((c: any) => c.name === 'live');
      if (live?.counts.pods === 1) break;
      if (Date.now() > deadline) throw new Error('cluster live did not sync');
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    const get = (query: string) =>
      request(server)
        .get(`/api/cluster-topology/logs?${query}`)
        .set('Authorization', mockCredentials.user.header());
    return { server, get };
  }

  it('reads the last lines of a container from the Kubernetes API, oldest first', async () => {
    const { get } = await start();
    const res = await get(
      'cluster=live&namespace=trading&pod=engine-1&tailLines=2',
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['x-log-source']).toBe('kubernetes');
    expect(res.headers['x-log-truncated']).toBeUndefined();
    expect(res.text).toBe(`${at(1)} listening on :8080\n${at(2)} ready\n`);
    // The pod's first container, named, since the pod has two.
    expect(api.requestsOf('live', 'log').map(r => r.query)).toEqual([
      expect.objectContaining({
        timestamps: 'true',
        container: 'engine',
        tailLines: '2',
        limitBytes: String(2 * 1024 * 1024 + 1),
      }),
    ]);
    expect(calls.flat()).toEqual([
      expect.objectContaining({
        permission: expect.objectContaining({
          name: 'cluster-topology.logs.read',
        }),
        resourceRef: 'live',
      }),
    ]);
  });

  it('reads another container, the previous run, and a time window', async () => {
    const { get } = await start();
    const sidecar = await get(
      'cluster=live&namespace=trading&pod=engine-1&container=sidecar',
    );
    expect(sidecar.text).toBe(`${at(0)} proxy up\n`);
    const previous = await get(
      'cluster=live&namespace=trading&pod=engine-1&previous=true',
    );
    expect(previous.text).toBe(`${at(0)} out of memory\n`);
    const window = await get(
      `cluster=live&namespace=trading&pod=engine-1&start=${at(1)}&end=${at(2)}`,
    );
    expect(window.headers['x-log-source']).toBe('kubernetes');
    expect(window.text).toBe(`${at(1)} listening on :8080\n`);
    expect(api.requestsOf('live', 'log').map(r => r.query)).toEqual([
      expect.objectContaining({ container: 'sidecar', tailLines: '500' }),
      expect.objectContaining({ container: 'engine', previous: 'true' }),
      expect.objectContaining({ sinceTime: at(1) }),
    ]);
  });

  it('redacts credentials in log lines', async () => {
    api.setPodLog('live', ENGINE, [
      {
        time: at(0),
        text: 'upstream Authorization: Bearer mF_9.B5f-4.1JqMlogs',
      },
      { time: at(1), text: 'connecting with password=hunter2-in-logs' },
    ]);
    const { get } = await start();
    const res = await get('cluster=live&namespace=trading&pod=engine-1');
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('mF_9.B5f-4.1JqMlogs');
    expect(res.text).not.toContain('hunter2-in-logs');
    expect(res.text).toBe(
      `${at(0)} upstream Authorization: Bearer ${REDACTED}\n` +
        `${at(1)} connecting with password=${REDACTED}\n`,
    );
  });

  it('cuts a log at logs.maxBytes on a line and says so', async () => {
    api.setPodLog(
      'live',
      ENGINE,
      Array.from({ length: 40 }, (_, i) => ({
        time: at(i),
        text: `request ${i} served`,
      })),
    );
    const { get } = await start({ maxBytes: 200 });
    const res = await get('cluster=live&namespace=trading&pod=engine-1');
    expect(res.status).toBe(200);
    expect(res.headers['x-log-truncated']).toBe('true');
    expect(Buffer.byteLength(res.text)).toBeLessThanOrEqual(200);
    const lines = res.text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.length).toBeGreaterThan(3);
    lines.forEach((line, i) =>
      expect(line).toBe(`${at(i)} request ${i} served`),
    );
  });

  it('reads a manifests cluster from its Loki', async () => {
    loki.push({ namespace: 'trading', pod: 'ledger-0', container: 'ledger' }, [
      [agoNanos(1), 'posted batch 2'],
      [agoNanos(2), 'posted batch 1'],
    ]);
    const { get } = await start();
    const res = await get('cluster=archive&namespace=trading&pod=ledger-0');
    expect(res.status).toBe(200);
    expect(res.headers['x-log-source']).toBe('loki');
    expect(res.text).toBe(
      `${ago(2)} posted batch 1\n${ago(1)} posted batch 2\n`,
    );
    expect(loki.requests).toEqual([
      expect.objectContaining({
        query: '{namespace="trading", pod="ledger-0", container="ledger"}',
        limit: '500',
        direction: 'backward',
      }),
    ]);
    const window = await get(
      `cluster=archive&namespace=trading&pod=ledger-0&start=${ago(3)}&end=${ago(
        1,
      )}`,
    );
    expect(window.text).toBe(`${ago(2)} posted batch 1\n`);
    expect(loki.requests[1]).toMatchObject({
      start: agoNanos(3),
      end: agoNanos(1),
      limit: '1000',
    });
  });

  it('answers 400 for a manifests cluster without Loki and for what Loki cannot do', async () => {
    const { get } = await start();
    const docs = await get('cluster=docs&namespace=trading&pod=ledger-0');
    expect(docs.status).toBe(400);
    expect(docs.body.error.message).toBe(
      "cluster 'docs' reads manifests and declares no loki.url: its logs cannot be read",
    );
    const previous = await get(
      'cluster=archive&namespace=trading&pod=ledger-0&previous=true',
    );
    expect(previous.status).toBe(400);
    expect(previous.body.error.message).toMatch(
      /^query parameter previous: Loki/,
    );
    const forced = await get(
      'cluster=live&namespace=trading&pod=engine-1&source=loki',
    );
    expect(forced.status).toBe(400);
    expect(forced.body.error.message).toBe(
      "query parameter source: cluster 'live' declares no loki.url",
    );
  });

  it.each([
    [
      'cluster=nowhere&namespace=trading&pod=engine-1',
      404,
      'no cluster named nowhere; clusters are live, archive, docs',
    ],
    [
      'cluster=live&namespace=trading&pod=engine-9',
      404,
      'cluster live has no pod trading/engine-9',
    ],
    [
      'cluster=live&namespace=trading&pod=engine-1&container=db',
      400,
      'query parameter container: pod trading/engine-1 has no container db; its containers are engine, sidecar',
    ],
    ['cluster=live&namespace=trading', 400, 'query parameter pod is required'],
    [
      'cluster=live&namespace=trading&pod=engine-1&tailLines=0',
      400,
      "query parameter tailLines must be a whole number from 1 to 10000, not '0'",
    ],
    [
      'cluster=live&namespace=trading&pod=engine-1&sinceSeconds=1e3',
      400,
      "query parameter sinceSeconds must be a whole number of at least 1, not '1e3'",
    ],
    [
      `cluster=live&namespace=trading&pod=engine-1&start=${at(2)}&end=${at(1)}`,
      400,
      `query parameter start (${at(2)}) must be before end (${at(1)})`,
    ],
    [
      'cluster=live&namespace=trading&pod=engine-1&start=today',
      400,
      'query parameter start must be an RFC 3339 timestamp',
    ],
    [
      'cluster=live&namespace=trading&pod=engine-1&follow=maybe',
      400,
      "query parameter follow must be true or false, not 'maybe'",
    ],
  ])(
    'answers %s with %i naming what is wrong',
    async (query, status, message) => {
      const { get } = await start();
      const res = await get(query);
      expect(res.status).toBe(status);
      expect(res.body.error.message).toContain(message);
      expect(api.requestsOf('live', 'log')).toEqual([]);
    },
  );

  it('answers 403 without cluster-topology.logs.read, before reading anything', async () => {
    const { get } = await start();
    denied.add('live');
    const res = await get('cluster=live&namespace=trading&pod=engine-1');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'reading logs of cluster live needs the cluster-topology.logs.read permission',
    );
    expect(api.requestsOf('live', 'log')).toEqual([]);
  });

  it('answers 502 when Loki fails, naming it without its credentials', async () => {
    const url = new URL(loki.url);
    url.username = 'reader';
    url.password = 'loki-pass-0815';
    loki.fail(503, 'too many outstanding requests');
    const { get } = await start({}, url.toString());
    const res = await get('cluster=archive&namespace=trading&pod=ledger-0');
    expect(res.status).toBe(502);
    expect(res.body.error.message).toBe(
      `Loki of cluster archive could not answer the logs: Loki at ${loki.url} rejected the query (503): too many outstanding requests`,
    );
    expect(JSON.stringify(res.body)).not.toContain('loki-pass-0815');
  });

  it('follows a log as server-sent events until maxSeconds', async () => {
    const { get } = await start({ follow: { maxSeconds: 1 } });
    const answer = get(
      'cluster=live&namespace=trading&pod=engine-1&follow=true&tailLines=1',
    ).then(res => res);
    await waitFor(() => api.openLogFollows('live') === 1);
    api.appendPodLog('live', ENGINE, [
      { time: at(3), text: 'order 7 filled, token=abc123secretvalue' },
    ]);
    const res = await answer;
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(
      'text/event-stream; charset=utf-8',
    );
    expect(res.headers['x-log-source']).toBe('kubernetes');
    expect(res.text).toBe(
      `data: ${at(2)} ready\n\n` +
        `data: ${at(3)} order 7 filled, token=${REDACTED}\n\n` +
        'event: end\ndata: {"reason":"duration"}\n\n',
    );
    await waitFor(() => api.openLogFollows('live') === 0);
  });

  it('ends a followed log at follow.maxBytes and when the container stops', async () => {
    const { get } = await start({ follow: { maxBytes: 150 } });
    // A supertest request is sent once something waits for it.
    const cut = get(
      'cluster=live&namespace=trading&pod=engine-1&follow=true',
    ).then(res => res);
    await waitFor(() => api.openLogFollows('live') === 1);
    api.appendPodLog(
      'live',
      ENGINE,
      Array.from({ length: 5 }, (_, i) => ({
        time: at(10 + i),
        text: `line ${i}`,
      })),
    );
    const res = await cut;
    expect(res.text.endsWith('event: end\ndata: {"reason":"size"}\n\n')).toBe(
      true,
    );
    expect(res.text).toContain(`data: ${at(0)} starting\n\n`);
    expect(
      Buffer.byteLength(res.text.split('event: end')[0]),
    ).toBeLessThanOrEqual(150);
    await waitFor(() => api.openLogFollows('live') === 0);

    const closed = get(
      'cluster=live&namespace=trading&pod=engine-1&follow=true&tailLines=1',
    ).then(answer => answer);
    await waitFor(() => api.openLogFollows('live') === 1);
    api.endPodLogFollows('live', ENGINE);
    expect((await closed).text).toBe(
      `data: ${at(14)} line 4\n\nevent: end\ndata: {"reason":"closed"}\n\n`,
    );
  });

  it('closes the Kubernetes stream when the client goes away', async () => {
    const { server } = await start({ follow: { maxSeconds: 60 } });
    const listening = server.listening
      ? server
      : await new Promise<typeof server>(resolve =>
          server.listen(0, '127.0.0.1', () => resolve(server)),
        );
    const { port } = listening.address() as AddressInfo;
    const first = await new Promise<string>((resolve, reject) => {
      const req = http.get(
        `http://127.0.0.1:${port}/api/cluster-topology/logs?cluster=live&namespace=trading&pod=engine-1&follow=true&tailLines=1`,
        { headers: { Authorization: mockCredentials.user.header() } },
        res => {
          res.once('data', chunk => {
            req.destroy();
            resolve(String(chunk));
          });
        },
      );
      req.on('error', reject);
    });
    expect(first).toBe(`data: ${at(2)} ready\n\n`);
    const gone = Date.now();
    await waitFor(() => api.openLogFollows('live') === 0);
    expect(Date.now() - gone).toBeLessThan(5_000);
  });

  it('follows a Loki log by polling from the last line', async () => {
    const labels = {
      namespace: 'trading',
      pod: 'ledger-0',
      container: 'ledger',
    };
    const now = BigInt(Date.now()) * 1_000_000n;
    loki.push(labels, [[String(now - 1_000_000_000n), 'posted batch 1']]);
    const { get } = await start({ follow: { maxSeconds: 3 } });
    const answer = get(
      'cluster=archive&namespace=trading&pod=ledger-0&follow=true',
    ).then(res => res);
    await waitFor(() => loki.requests.length === 1);
    loki.push(labels, [[String(now + 1_000_000n), 'posted batch 2']]);
    const res = await answer;
    expect(res.headers['x-log-source']).toBe('loki');
    const data = res.text
      .split('\n\n')
      .filter(e => e.startsWith('data: '))
      .map(e => e.replace(/^data: \S+ /, ''));
    expect(data).toEqual(['posted batch 1', 'posted batch 2']);
    expect(
      res.text.endsWith('event: end\ndata: {"reason":"duration"}\n\n'),
    ).toBe(true);
    expect(loki.requests[1]).toMatchObject({
      direction: 'forward',
      start: String(now - 1_000_000_000n),
    });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}
