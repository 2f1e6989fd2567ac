import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
// The real auth services, so the static token of backend.auth.externalAccess
// is checked as in production.
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { healingPlugin } from '../../plugin';
import { alertmanagerPayload } from '../__testUtils__/fleet';

jest.setTimeout(30_000);

const TOKEN = 'alertmanager-webhook-test-token-0123456789';

describe('POST /api/healing/alerts with backend.auth.externalAccess', () => {
  it('accepts the static token, refuses requests without one, and names a bad field', async () => {
    const { server } = await startTestBackend({
      features: [
        healingPlugin,
        catalogServiceMock.factory(),
        authServiceFactory,
        httpAuthServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            backend: {
              baseUrl: 'http://localhost:7007',
              auth: {
                externalAccess: [
                  {
                    type: 'static',
                    options: { token: TOKEN, subject: 'alertmanager' },
                    accessRestrictions: [{ plugin: 'healing' }],
                  },
                ],
              },
            },
            cloudNativePlatform: { clusters: [] },
          },
        }),
      ],
    });
    const payload = alertmanagerPayload([
      { fingerprint: 'a' },
      { fingerprint: 'a' },
    ]);
    expect(
      (await request(server).post('/api/healing/alerts').send(payload)).status,
    ).toBe(401);
    expect(
      (
        await request(server)
          .post('/api/healing/alerts')
          .set('Authorization', 'Bearer nope')
          .send(payload)
      ).status,
    ).toBe(401);

    const accepted = await request(server)
      .post('/api/healing/alerts')
      .set('Authorization', `Bearer ${TOKEN}`)
      .send(payload);
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({ stored: 1, duplicates: 1, resolved: 0 });

    const bad = alertmanagerPayload([{ fingerprint: 'b', startsAt: 'soon' }]);
    const malformed = await request(server)
      .post('/api/healing/alerts')
      .set('Authorization', `Bearer ${TOKEN}`)
      .send(bad);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain('alerts[0].startsAt');
    const wrongVersion = await request(server)
      .post('/api/healing/alerts')
      .set('Authorization', `Bearer ${TOKEN}`)
      .send({ ...payload, version: '3' });
    expect(wrongVersion.status).toBe(400);
    expect(wrongVersion.body.error.message).toContain('version');
  });
});
