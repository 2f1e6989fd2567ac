import http from 'node:http';
import { AddressInfo } from 'node:net';
import { unreachableUrl } from '../testUtils';
import { PrometheusClient, PrometheusError } from './PrometheusClient';

describe('PrometheusClient', () => {
  let server: http.Server;
  let url: string;
  const requests: Array<{ path: string; body: URLSearchParams }> = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', chunk => {
        body += chunk;
      });
      req.on('end', () => {
        const params = new URLSearchParams(body);
        requests.push({ path: req.url!, body: params });
        const query = params.get('query');
        res.setHeader('content-type', 'application/json');
        if (req.method === 'GET' && req.url === '/api/v1/alerts') {
          res.end(
            JSON.stringify({
              status: 'success',
              data: {
                alerts: [
                  {
                    labels: { alertname: 'ErrorBudgetBurn', slo: 'api' },
                    annotations: { summary: 'burning' },
                    state: 'firing',
                    activeAt: '2026-12-04T10:00:00Z',
                    value: '1e+00',
                  },
                  { labels: { alertname: 'Slow' }, state: 'pending' },
                ],
              },
            }),
          );
          return;
        }
        if (query === 'hang') return; // never answers
        if (query === 'bad(') {
          res.statusCode = 400;
          res.end(
            JSON.stringify({
              status: 'error',
              errorType: 'bad_data',
              error: 'parse error at char 5',
            }),
          );
          return;
        }
        if (req.url === '/api/v1/query_range') {
          res.end(
            JSON.stringify({
              status: 'success',
              data: {
                resultType: 'matrix',
                result: [
                  {
                    metric: { destination_workload: 'trading-engine' },
                    values: [
                      [1700000000, '1.5'],
                      [1700000060, 'NaN'],
                    ],
                  },
                ],
              },
            }),
          );
          return;
        }
        res.end(
          JSON.stringify({
            status: 'success',
            data: {
              resultType: 'vector',
              result: [{ metric: { job: 'api' }, value: [1700000000, '42'] }],
            },
          }),
        );
      });
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise(resolve => server.close(resolve));
  });

  it('runs instant queries', async () => {
    const client = new PrometheusClient({ url });
    await expect(
      client.query('up', new Date(1_700_000_000_000)),
    ).resolves.toEqual([
      { metric: { job: 'api' }, values: [[1700000000, 42]] },
    ]);
    expect(requests.at(-1)!.body.get('time')).toBe('1700000000');
    expect(client.health()).toMatchObject({ state: 'ok' });
  });

  it('runs range queries', async () => {
    const client = new PrometheusClient({ url });
    const series = await client.queryRange(
      'rate(x[1m])',
      new Date(1_700_000_000_000),
      new Date(1_700_000_060_000),
      60,
    );
    expect(series[0].values[0]).toEqual([1700000000, 1.5]);
    expect(series[0].values[1][1]).toBeNaN();
    expect(requests.at(-1)!.body.get('step')).toBe('60');
  });

  it('reports a rejected query with its reason', async () => {
    const client = new PrometheusClient({ url });
    await expect(client.query('bad(')).rejects.toThrow(
      /rejected the query \(400 bad_data\): parse error at char 5/,
    );
    expect(client.health()).toMatchObject({
      state: 'error',
      error: expect.stringContaining('parse error'),
    });
  });

  it('times out', async () => {
    const client = new PrometheusClient({ url, timeoutMs: 100 });
    await expect(client.query('hang')).rejects.toThrow(
      'no answer within 100 ms',
    );
  });

  it('reports an unreachable server', async () => {
    const down = await unreachableUrl();
    const port = new URL(down).port;
    const client = new PrometheusClient({ url: down });
    const error = await client.query('up').catch(e => e);
    expect(error).toBeInstanceOf(PrometheusError);
    expect(error.message).toBe(
      `Prometheus at http://127.0.0.1:${port} is unreachable: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
  });

  it('lists the pending and firing alerts with a GET', async () => {
    const client = new PrometheusClient({ url });
    await expect(client.alerts()).resolves.toEqual([
      {
        labels: { alertname: 'ErrorBudgetBurn', slo: 'api' },
        annotations: { summary: 'burning' },
        state: 'firing',
        activeAt: '2026-12-04T10:00:00Z',
      },
      { labels: { alertname: 'Slow' }, annotations: {}, state: 'pending' },
    ]);
    expect(requests.at(-1)!.path).toBe('/api/v1/alerts');
    expect(client.health()).toMatchObject({ state: 'ok' });
  });

  it('rejects a step that is not positive', async () => {
    const client = new PrometheusClient({ url });
    await expect(
      client.queryRange('up', new Date(), new Date(), 0),
    ).rejects.toThrow('step must be a positive');
  });
});
