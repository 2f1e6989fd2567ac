import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import express, { ErrorRequestHandler } from 'express';
import request from 'supertest';
import {
  clusterQueryParameter,
  entityRefQueryParameter,
  errorBodySchema,
  namespaceQueryParameter,
  teamQueryParameter,
} from './openApiFragments';
import { openApiErrorHandler } from './openApiErrors';

const spec = {
  openapi: '3.0.3',
  info: { title: 'fragments', version: '1' },
  components: { schemas: { Error: errorBodySchema } },
  paths: {
    '/scope': {
      get: {
        operationId: 'Scope',
        parameters: [
          entityRefQueryParameter,
          clusterQueryParameter,
          { ...namespaceQueryParameter, description: 'Overridden.' },
          teamQueryParameter,
        ],
        responses: {
          '200': {
            description: 'The parameters read.',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
          '400': {
            description: 'Refused.',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Error' },
              },
            },
          },
        },
      },
    },
  },
} as const;

function app() {
  const router = createValidatedOpenApiRouter<typeof spec>(spec);
  router.get('/scope', (req, res) => {
    // Typed from the spec: each is a string or absent, never `unknown`.
    const { entityRef, cluster, namespace, team } = req.query;
    const read: Record<string, string | undefined> = {
      entityRef,
      cluster,
      namespace,
      team,
    };
    res.json({ read, lengths: [entityRef?.length, team?.length] });
  });
  router.use(openApiErrorHandler());
  const toResponse: ErrorRequestHandler = (error, _req, res, _next) => {
    res
      .status(error.name === 'InputError' ? 400 : 500)
      .json({ error: { name: error.name, message: error.message } });
  };
  return express().use(router).use(toResponse);
}

describe('the shared OpenAPI fragments', () => {
  it('read entity references with their reserved characters as they are', async () => {
    const res = await request(app()).get(
      '/scope?entityRef=component:default/trading-engine&team=group:default/trading-team&cluster=prod-east-a&namespace=trading',
    );
    expect(res.status).toBe(200);
    expect(res.body.read).toEqual({
      entityRef: 'component:default/trading-engine',
      cluster: 'prod-east-a',
      namespace: 'trading',
      team: 'group:default/trading-team',
    });
  });

  it.each([
    [`entityRef=${'e'.repeat(1025)}`, 'must be at most 1024 characters'],
    [`team=${'t'.repeat(1025)}`, 'must be at most 1024 characters'],
    [`cluster=${'c'.repeat(254)}`, 'must be at most 253 characters'],
    [`namespace=${'n'.repeat(64)}`, 'must be at most 63 characters'],
    ['cluster=', 'query parameter cluster must not be empty'],
    ['team=a&team=b', 'query parameter team must be given once'],
  ])('hold their limits: %s', async (query, message) => {
    const res = await request(app()).get(`/scope?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });

  it('take the longest values their limits allow', async () => {
    const res = await request(app()).get(
      `/scope?entityRef=${'e'.repeat(1024)}&namespace=${'n'.repeat(63)}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.lengths).toEqual([1024, null]);
  });
});
