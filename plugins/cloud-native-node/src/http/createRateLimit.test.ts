import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import express from 'express';
import request from 'supertest';
import {
  createRateLimitRouter,
  DEFAULT_RATE_LIMITS,
  readRateLimits,
} from './createRateLimit';

/** A plugin with one limited read, one limited audit and one free route. */
const limitedPlugin = createBackendPlugin({
  pluginId: 'limited',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        config: coreServices.rootConfig,
      },
      async init({ httpRouter, httpAuth, config }) {
        httpRouter.use(
          createRateLimitRouter({
            httpAuth,
            config,
            pluginId: 'limited',
            reads: ['/graph', '/report'],
            audit: ['/audit'],
          }),
        );
        const router = express.Router();
        router.get('/graph', (_req, res) => {
          res.json({ ok: true });
        });
        router.get('/report', (_req, res) => {
          res.json({ ok: true });
        });
        router.post('/audit', (_req, res) => {
          res.json({ ok: true });
        });
        router.get('/clusters', (_req, res) => {
          res.json({ ok: true });
        });
        httpRouter.use(router);
      },
    });
  },
});

async function start(rateLimits: Record<string, any>) {
  const { server } = await startTestBackend({
    features: [
      limitedPlugin,
      mockServices.rootConfig.factory({
        data: { cloudNativePlatform: { rateLimits } },
      }),
    ],
  });
  return (path: string, header: string, method: 'get' | 'post' = 'get') =>
    request(server)[method](`/api/limited${path}`).set('Authorization', header);
}

const alice = mockCredentials.user.header('user:default/alice');
const bob = mockCredentials.user.header('user:default/bob');

describe('createRateLimitRouter', () => {
  it('answers 429 naming the limit once a user is over it, per user', async () => {
    const call = await start({ reads: { limit: 3, windowSeconds: 60 } });
    // /graph and /report share the plugin's reads counter.
    expect((await call('/graph', alice)).status).toBe(200);
    expect((await call('/report', alice)).status).toBe(200);
    expect((await call('/graph', alice)).status).toBe(200);
    const limited = await call('/report', alice);
    expect(limited.status).toBe(429);
    expect(limited.body.error.name).toBe('TooManyRequestsError');
    expect(limited.body.error.message).toMatch(
      /^rate limit of limited reads reached: at most 3 requests per minute per caller, and user:default\/alice made more; retry in \d+ s$/,
    );
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Another user has a counter of their own; a route not limited stays open.
    expect((await call('/graph', bob)).status).toBe(200);
    expect((await call('/clusters', alice)).status).toBe(200);
  });

  it('counts the audit apart, with its own limit', async () => {
    const call = await start({ audit: { limit: 1 } });
    expect((await call('/audit', alice, 'post')).status).toBe(200);
    expect((await call('/audit', alice, 'post')).status).toBe(429);
    // Reads keep the default limit.
    expect((await call('/graph', alice)).status).toBe(200);
  });

  it('counts an external service by its subject', async () => {
    const call = await start({ reads: { limit: 1 } });
    const external = mockCredentials.service.header({
      onBehalfOf: mockCredentials.service('external:ci-bot'),
      targetPluginId: 'limited',
    });
    expect((await call('/graph', external)).status).toBe(200);
    const limited = await call('/graph', external);
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toContain('service:external:ci-bot');
    expect((await call('/graph', alice)).status).toBe(200);
  });

  it('does not count backend plugins nor calls made on behalf of a user', async () => {
    const call = await start({ reads: { limit: 1 } });
    const plugin = mockCredentials.service.header({
      onBehalfOf: mockCredentials.service('plugin:cluster-topology'),
      targetPluginId: 'limited',
    });
    // As the real auth service reads a plugin's on-behalf-of token: the user, with the plugin as actor.
    const onBehalf = `Bearer ${mockCredentials.user.token(
      'user:default/alice',
      {
        actor: { subject: 'plugin:cluster-topology' },
      },
    )}`;
    for (let i = 0; i < 5; i++) {
      expect((await call('/graph', plugin)).status).toBe(200);
      expect((await call('/graph', onBehalf)).status).toBe(200);
    }
    // Alice's own calls are still counted, apart from those made for her.
    expect((await call('/graph', alice)).status).toBe(200);
    expect((await call('/graph', alice)).status).toBe(429);
  });

  it('is off with enabled: false', async () => {
    const call = await start({ enabled: false, reads: { limit: 1 } });
    for (let i = 0; i < 3; i++) {
      expect((await call('/graph', alice)).status).toBe(200);
    }
  });
});

describe('readRateLimits', () => {
  it('has defaults and reads what is configured', () => {
    expect(readRateLimits(new ConfigReader({}))).toEqual(DEFAULT_RATE_LIMITS);
    expect(
      readRateLimits(
        new ConfigReader({
          cloudNativePlatform: {
            rateLimits: { reads: { limit: 500, windowSeconds: 10 } },
          },
        }),
      ),
    ).toEqual({
      enabled: true,
      reads: { limit: 500, windowMs: 10_000 },
      audit: { limit: 10, windowMs: 60_000 },
    });
  });

  it('rejects limits that are not whole positive numbers', () => {
    expect(() =>
      readRateLimits(
        new ConfigReader({
          cloudNativePlatform: { rateLimits: { audit: { limit: 0 } } },
        }),
      ),
    ).toThrow(
      'cloudNativePlatform.rateLimits.audit.limit must be a whole number of at least 1, got 0',
    );
    expect(() =>
      readRateLimits(
        new ConfigReader({
          cloudNativePlatform: {
            rateLimits: { reads: { windowSeconds: 0.5 } },
          },
        }),
      ),
    ).toThrow(/reads.windowSeconds must be a whole number from 1 to 86400/);
  });
});
