import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { InputError, NotFoundError } from '@backstage/errors';
import request from 'supertest';
import { openApiErrorHandler, translateOpenApiError } from './openApiErrors';

const spec = {
  openapi: '3.0.3',
  info: { title: 'checked', version: '1' },
  paths: {
    '/history': {
      get: {
        operationId: 'History',
        parameters: [
          { in: 'query', name: 'cluster', schema: { type: 'string' } },
          { in: 'query', name: 'namespace', schema: { type: 'string' } },
          {
            in: 'query',
            name: 'days',
            schema: { type: 'integer', minimum: 1, maximum: 365 },
          },
          {
            in: 'query',
            name: 'format',
            schema: { type: 'string', enum: ['json', 'sarif'] },
          },
        ],
        responses: { '200': { description: 'The history.' } },
      },
    },
    '/required': {
      get: {
        operationId: 'Required',
        parameters: [
          {
            in: 'query',
            name: 'cluster',
            required: true,
            schema: { type: 'string' },
          },
        ],
        responses: { '200': { description: 'Nothing.' } },
      },
    },
    '/bare': {
      get: {
        operationId: 'Bare',
        responses: { '200': { description: 'Nothing.' } },
      },
    },
    '/attempts/{id}': {
      get: {
        operationId: 'Attempt',
        parameters: [
          {
            in: 'path',
            name: 'id',
            required: true,
            schema: { type: 'string', maxLength: 8 },
          },
        ],
        responses: { '200': { description: 'The attempt.' } },
      },
    },
    '/kill-switch': {
      put: {
        operationId: 'KillSwitch',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['enabled'],
                properties: {
                  enabled: { type: 'boolean' },
                  comment: { type: 'string', maxLength: 5 },
                },
              },
            },
          },
        },
        responses: { '200': { description: 'The switch.' } },
      },
    },
  },
} as const;

const checkedPlugin = createBackendPlugin({
  pluginId: 'checked',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        const router = createValidatedOpenApiRouter<typeof spec>(spec);
        router.get('/history', (req, res) => {
          if (req.query.cluster === 'gone') {
            throw new NotFoundError('no cluster named gone');
          }
          res.json({ query: req.query });
        });
        router.get('/required', (_req, res) => {
          res.json({});
        });
        router.get('/bare', (_req, res) => {
          res.json({});
        });
        router.get('/attempts/:id', (req, res) => {
          res.json({ id: req.params.id });
        });
        router.put('/kill-switch', (req, res) => {
          res.json(req.body);
        });
        router.use(openApiErrorHandler());
        httpRouter.use(router);
      },
    });
  },
});

describe('openApiErrorHandler', () => {
  async function start() {
    const { server } = await startTestBackend({ features: [checkedPlugin] });
    const auth = mockCredentials.user.header();
    return {
      get: (url: string) =>
        request(server).get(`/api/checked${url}`).set('Authorization', auth),
      put: (url: string) =>
        request(server).put(`/api/checked${url}`).set('Authorization', auth),
    };
  }

  it.each([
    [
      '/history?foo=1',
      'unknown query parameter foo; this route takes cluster, namespace, days, format',
    ],
    [
      '/history?foo=1&bar=2',
      'unknown query parameters foo, bar; this route takes',
    ],
    [
      '/bare?cluster=a',
      'unknown query parameter cluster; this route takes none',
    ],
    [
      '/history?cluster=a&cluster=b',
      'query parameter cluster must be given once',
    ],
    ['/history?cluster=', 'query parameter cluster must not be empty'],
    ['/history?days=0', "days '0' must be a whole number from 1 to 365"],
    ['/history?days=366', "days '366' must be a whole number from 1 to 365"],
    ['/history?days=1.5', "days '1.5' must be a whole number from 1 to 365"],
    ['/history?days=abc', "days 'abc' must be a whole number"],
    ['/history?format=xml', "format 'xml' is not one of json, sarif"],
    ['/required', 'query parameter cluster must be given'],
    ['/attempts/123456789', "id '123456789' must be at most 8 characters"],
  ])('answers %s with 400 naming the parameter', async (url, message) => {
    const { get } = await start();
    const res = await get(url);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(message);
  });

  it('names the body field and the media types a body is read as', async () => {
    const { put } = await start();
    const wrongType = await put('/kill-switch').send({ enabled: 'yes' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.message).toBe(
      'request body field enabled must be boolean',
    );
    const missing = await put('/kill-switch').send({});
    expect(missing.body.error.message).toBe(
      'request body needs the field enabled',
    );
    const long = await put('/kill-switch').send({
      enabled: true,
      comment: 'too long',
    });
    expect(long.body.error.message).toBe(
      'request body field comment must be at most 5 characters',
    );
    const text = await put('/kill-switch')
      .set('Content-Type', 'text/plain')
      .send('on');
    expect(text.status).toBe(400);
    expect(text.body.error.message).toBe(
      'a request body of type text/plain is not read here; send application/json',
    );
  });

  it('passes valid requests and the routes own errors through unchanged', async () => {
    const { get, put } = await start();
    const ok = await get('/history?cluster=prod&days=7');
    expect(ok.status).toBe(200);
    expect(ok.body.query).toEqual({ cluster: 'prod', days: 7 });
    expect((await put('/kill-switch').send({ enabled: true })).status).toBe(
      200,
    );
    const gone = await get('/history?cluster=gone');
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toBe('no cluster named gone');
    const spec200 = await get('/openapi.json');
    expect(spec200.status).toBe(200);
    expect(Object.keys(spec200.body.paths)).toContain('/api/checked/history');
  });
});

describe('translateOpenApiError', () => {
  it('leaves errors that are not the validator’s as they are', () => {
    const notFound = new NotFoundError('no attempt 7');
    expect(translateOpenApiError(notFound, {})).toBe(notFound);
    const ours = new InputError('namespace needs a cluster parameter');
    expect(translateOpenApiError(ours, {})).toBe(ours);
    expect(translateOpenApiError('text', {})).toBe('text');
  });

  it('names the first of several violations', () => {
    const error = translateOpenApiError(
      new InputError(
        'request/query/days must be >= 1, request/query/format must be equal to one of the allowed values: json, sarif',
      ),
      {
        query: { days: 0, format: 'x' },
        openapi: { schema: spec.paths['/history'].get },
      },
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      "days '0' must be a whole number from 1 to 365",
    );
  });
});
