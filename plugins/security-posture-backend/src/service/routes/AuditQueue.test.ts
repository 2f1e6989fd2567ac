import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { AuditQueue } from './AuditQueue';
import { auditRoute } from './auditRoute';

const MANIFESTS = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: web
          image: nginx:latest
`;

async function serve(queue: AuditQueue, bodyDeadlineMs?: number) {
  const middleware = MiddlewareFactory.create({
    config: mockServices.rootConfig(),
    logger: mockServices.logger.mock(),
  });
  const app = express()
    .use(auditRoute({ queue, bodyDeadlineMs }))
    .use(middleware.error());
  const server = http.createServer(app);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** A POST /audit whose body the test sends in parts, and ends when it likes. */
function slowAudit(server: http.Server) {
  const { port } = server.address() as AddressInfo;
  const req = http.request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/audit',
    headers: { 'Content-Type': 'application/yaml' },
  });
  const answer = new Promise<{ status: number; body: any }>(
    (resolve, reject) => {
      req.on('error', reject);
      req.on('response', res => {
        let text = '';
        res.on('data', chunk => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode!, body: JSON.parse(text) }),
        );
      });
    },
  );
  req.flushHeaders();
  return { req, answer };
}

async function until(probe: () => boolean) {
  while (!probe()) await new Promise(resolve => setTimeout(resolve, 10));
}

describe('POST /audit, one at a time', () => {
  let server: http.Server | undefined;
  afterEach(async () => {
    await new Promise(resolve => server?.close(resolve));
    server = undefined;
  });

  it('makes a second concurrent audit wait for the first, and turns away one over the queue', async () => {
    const queue = new AuditQueue({ concurrency: 1, maxWaiting: 1 });
    server = await serve(queue);
    const finished: string[] = [];

    const first = slowAudit(server);
    first.req.write(MANIFESTS.slice(0, 40));
    await until(() => queue.running === 1);

    const second = request(server)
      .post('/audit')
      .set('Content-Type', 'application/yaml')
      .send(MANIFESTS)
      .then(res => {
        finished.push('second');
        return res;
      });
    await until(() => queue.waiting === 1);

    const third = await request(server)
      .post('/audit')
      .set('Content-Type', 'application/yaml')
      .send(MANIFESTS);
    expect(third.status).toBe(503);
    expect(third.headers['retry-after']).toBe('5');
    expect(third.body.error.message).toBe(
      '2 audits are running or waiting on this instance, the most it takes; retry in 5 s',
    );
    // The second is still queued behind the first, whose body is not all sent.
    expect(finished).toEqual([]);

    first.req.end(MANIFESTS.slice(40));
    const firstAnswer = await first.answer.then(res => {
      finished.push('first');
      return res;
    });
    const secondAnswer = await second;
    expect(finished).toEqual(['first', 'second']);
    expect(firstAnswer.status).toBe(200);
    expect(secondAnswer.status).toBe(200);
    expect(secondAnswer.body.findings).toEqual(firstAnswer.body.findings);
    await until(() => queue.running === 0);
    expect(queue.waiting).toBe(0);
  });

  it('refuses an announced body above 10 MB before queueing it', async () => {
    const queue = new AuditQueue({ concurrency: 1, maxWaiting: 0 });
    server = await serve(queue);
    const first = slowAudit(server);
    first.req.write('# ');
    await until(() => queue.running === 1);
    // The queue is full, yet the size is answered first.
    const big = await request(server)
      .post('/audit')
      .set('Content-Type', 'application/yaml')
      .send(`# ${'x'.repeat(10 * 1024 * 1024)}\n`);
    expect(big.status).toBe(413);
    expect(big.body.error.message).toContain('10 MB');
    first.req.end(MANIFESTS);
    expect((await first.answer).status).toBe(200);
  });

  it('gives the turn on when a body does not arrive in time', async () => {
    const queue = new AuditQueue({ concurrency: 1, maxWaiting: 1 });
    server = await serve(queue, 200);
    const stalled = slowAudit(server);
    stalled.req.write('apiVersion: v1\n');
    const answer = await stalled.answer;
    expect(answer.status).toBe(408);
    expect(answer.body.error.message).toBe(
      'the manifests were not received within 0.2 s; the audit gave its turn to the next',
    );
    stalled.req.destroy();
    const next = await request(server)
      .post('/audit')
      .set('Content-Type', 'application/yaml')
      .send(MANIFESTS);
    expect(next.status).toBe(200);
  });
});
