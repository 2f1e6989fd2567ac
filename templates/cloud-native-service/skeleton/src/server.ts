/*
 * ${{ values.name }}: ${{ values.description }}
 *
 * /healthz answers while the process runs (liveness), /readyz once it is
 * ready and until it starts shutting down (readiness), /metrics serves the
 * Prometheus metrics the SLO rules in kubernetes/base/monitoring.yaml read.
 */
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { observeRequest, renderMetrics } from './metrics';

const port = Number(process.env.PORT ?? ${{ values.port }});
let ready = false;

function send(res: ServerResponse, code: number, body: string, type = 'text/plain; charset=utf-8') {
  res.writeHead(code, { 'content-type': type });
  res.end(body);
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  switch (url.pathname) {
    case '/healthz':
      return send(res, 200, 'ok\n');
    case '/readyz':
      return ready ? send(res, 200, 'ready\n') : send(res, 503, 'not ready\n');
    case '/metrics':
      return send(res, 200, renderMetrics(), 'text/plain; version=0.0.4; charset=utf-8');
    case '/':
      return send(res, 200, JSON.stringify({ service: '${{ values.name }}' }), 'application/json');
    default:
      return send(res, 404, 'not found\n');
  }
}

const server = createServer((req, res) => {
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    // Probes and scrapes are not user traffic; counting them would flatter the SLO.
    if (!['/healthz', '/readyz', '/metrics'].includes(req.url ?? '')) {
      observeRequest(res.statusCode, Number(process.hrtime.bigint() - started) / 1e9);
    }
  });
  try {
    handle(req, res);
  } catch {
    send(res, 500, 'internal error\n');
  }
});

server.listen(port, () => {
  ready = true;
  process.stdout.write(`${{ values.name }} listening on ${port}\n`);
});

// Kubernetes sends SIGTERM and keeps routing for a moment: fail readiness
// first, then drain, so no request meets a closed socket.
process.on('SIGTERM', () => {
  ready = false;
  setTimeout(() => server.close(() => process.exit(0)), 5000).unref();
});
