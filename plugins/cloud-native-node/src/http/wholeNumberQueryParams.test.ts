import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { openApiErrorHandler } from './openApiErrors';
import { wholeNumberQueryParams } from './wholeNumberQueryParams';

const spec = {
  openapi: '3.0.3',
  info: { title: 'counted', version: '1' },
  paths: {
    '/history': {
      get: {
        operationId: 'History',
        parameters: [
          {
            in: 'query',
            name: 'days',
            schema: { type: 'integer', minimum: 1, maximum: 365 },
          },
          { in: 'query', name: 'cluster', schema: { type: 'string' } },
        ],
        responses: { '200': { description: 'The history.' } },
      },
    },
  },
} as const;

const countedPlugin = createBackendPlugin({
  pluginId: 'counted',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        const router = createValidatedOpenApiRouter<typeof spec>(spec, {
          middleware: [express.json(), wholeNumberQueryParams(spec)],
        });
        router.get('/history', (req, res) => {
          res.json({ query: req.query });
        });
        router.use(openApiErrorHandler());
        httpRouter.use(router);
      },
    });
  },
});

describe('wholeNumberQueryParams', () => {
  it.each(['1e2', '0x10', '%2010', 'Infinity', '-1', '1.5'])(
    'refuses days=%s, which Number would read',
    async days => {
      const { server } = await startTestBackend({ features: [countedPlugin] });
      const res = await request(server)
        .get(`/api/counted/history?days=${days}`)
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(
        `days '${decodeURIComponent(
          days,
        )}' must be a whole number from 1 to 365`,
      );
    },
  );

  it('passes decimal digits to the validator, which checks the bounds', async () => {
    const { server } = await startTestBackend({ features: [countedPlugin] });
    const get = (url: string) =>
      request(server)
        .get(`/api/counted${url}`)
        .set('Authorization', mockCredentials.user.header());
    const ok = await get('/history?days=30&cluster=1e2');
    expect(ok.status).toBe(200);
    expect(ok.body.query).toEqual({ days: 30, cluster: '1e2' });
    const high = await get('/history?days=366');
    expect(high.status).toBe(400);
    expect(high.body.error.message).toBe(
      "days '366' must be a whole number from 1 to 365",
    );
    expect((await get('/history?days=1&days=2')).body.error.message).toBe(
      'query parameter days must be given once',
    );
  });
});
