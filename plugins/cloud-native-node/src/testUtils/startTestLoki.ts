import http from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * One `query_range` request the test Loki received.
 *
 * @public
 */
export interface TestLokiRequest {
  query: string;
  start?: string;
  end?: string;
  limit?: string;
  direction?: string;
  authorization?: string;
}

/**
 * A local HTTP server speaking Loki's `query_range` for log streams.
 *
 * @public
 */
export interface TestLoki {
  /** Base URL, for a cluster's `loki.url`. */
  url: string;
  readonly requests: TestLokiRequest[];
  /** Adds lines (nanosecond timestamps as strings) to the stream of these labels. */
  push(labels: Record<string, string>, values: Array<[string, string]>): void;
  /** Answers every query with this status and body from now on. */
  fail(status: number, body: string): void;
  close(): Promise<void>;
}

/** The exact-match label pairs of a LogQL stream selector `{a="b", c="d"}`. */
function parseSelector(query: string): Record<string, string> | undefined {
  const match = /^\s*\{(.*)\}\s*$/.exec(query);
  if (!match) return undefined;
  const labels: Record<string, string> = {};
  const pair = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*("(?:[^"\\]|\\.)*")\s*(,|$)/y;
  let rest = match[1];
  while (rest.trim() !== '') {
    pair.lastIndex = 0;
    const found = pair.exec(rest);
    if (!found) return undefined;
    labels[found[1]] = JSON.parse(found[2]);
    rest = rest.slice(pair.lastIndex);
  }
  return labels;
}

/**
 * Starts a test Loki on 127.0.0.1 serving the pushed streams through
 * `GET /loki/api/v1/query_range` (selectors of exact label matches, start
 * inclusive, end exclusive, limit and direction) and `GET /ready`.
 *
 * @public
 */
export async function startTestLoki(): Promise<TestLoki> {
  const streams: Array<{
    labels: Record<string, string>;
    values: Array<[string, string]>;
  }> = [];
  const requests: TestLokiRequest[] = [];
  let failure: { status: number; body: string } | undefined;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://loki');
    if (url.pathname === '/ready') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('ready\n');
      return;
    }
    if (url.pathname !== '/loki/api/v1/query_range') {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('404 page not found\n');
      return;
    }
    const q = url.searchParams;
    const request: TestLokiRequest = {
      query: q.get('query') ?? '',
      start: q.get('start') ?? undefined,
      end: q.get('end') ?? undefined,
      limit: q.get('limit') ?? undefined,
      direction: q.get('direction') ?? undefined,
      authorization: req.headers.authorization,
    };
    requests.push(request);
    if (failure) {
      res.writeHead(failure.status, { 'Content-Type': 'text/plain' });
      res.end(failure.body);
      return;
    }
    const selector = parseSelector(request.query);
    if (!selector) {
      res.writeHead(400, { 'Content-Type': 'text/plain' });
      res.end(`parse error : syntax error in ${request.query}\n`);
      return;
    }
    const start = BigInt(request.start ?? '0');
    const end = BigInt(request.end ?? String(BigInt(Date.now()) * 1_000_000n));
    const limit = Number(request.limit ?? 100);
    const backward = (request.direction ?? 'backward') === 'backward';
    const result = streams
      .filter(s =>
        Object.entries(selector).every(([k, v]) => s.labels[k] === v),
      )
      .map(s => {
        const values = s.values
          .filter(([ns]) => BigInt(ns) >= start && BigInt(ns) < end)
          .sort(([a], [b]) => (BigInt(a) < BigInt(b) ? -1 : 1));
        if (backward) values.reverse();
        return { stream: s.labels, values: values.slice(0, limit) };
      })
      .filter(s => s.values.length > 0);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({
        status: 'success',
        data: { resultType: 'streams', result, stats: {} },
      }),
    );
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    push(labels, values) {
      const key = JSON.stringify(Object.entries(labels).sort());
      const existing = streams.find(
        s => JSON.stringify(Object.entries(s.labels).sort()) === key,
      );
      if (existing) existing.values.push(...values);
      else streams.push({ labels: { ...labels }, values: [...values] });
    },
    fail(status, body) {
      failure = { status, body };
    },
    close() {
      server.closeAllConnections();
      return new Promise(resolve => server.close(() => resolve()));
    },
  };
}
