import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
// The real auth services, so the static token of backend.auth.externalAccess
// is checked as in production.
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { healingPlugin } from '../../plugin';
import { alertmanagerPayload } from '../__testUtils__/fleet';

jest.setTimeout(30_000);

const TOKEN = 'alertmanager-webhook-test-token-0123456789';
const FALCO_TOKEN = 'falcosidekick-webhook-test-token-0123456789';

describe('POST /api/healing/alerts with backend.auth.externalAccess', () => {
  it('accepts the static token, refuses requests without one, and names a bad field', async () => {
    const { server } = await startTestBackend({
      features: [
        healingPlugin,
        catalogServiceMock.factory(),
        authServiceFactory,
        httpAuthServiceFactory,
        permissionsServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            backend: {
              baseUrl: 'http://localhost:7007',
              auth: {
                externalAccess: [
                  {
                    type: 'static',
                    options: { token: TOKEN, subject: 'alertmanager' },
                    accessRestrictions: [
                      { plugin: 'healing', permission: 'healing.alert.create' },
                    ],
                  },
                  {
                    // Scoped to the other webhook: it reaches this plugin's
                    // routes only if its restrictions name the plugin.
                    type: 'static',
                    options: { token: FALCO_TOKEN, subject: 'falcosidekick' },
                    accessRestrictions: [
                      {
                        plugin: 'security-posture',
                        permission: 'security-posture.falco.create',
                      },
                      {
                        plugin: 'healing',
                        permission: 'healing.attempt.approve',
                      },
                    ],
                  },
                ],
              },
            },
            permission: { enabled: true },
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

    // A service token scoped to another permission may not post alerts.
    const falco = await request(server)
      .post('/api/healing/alerts')
      .set('Authorization', `Bearer ${FALCO_TOKEN}`)
      .send(payload);
    expect(falco.status).toBe(403);
    expect(falco.body.error.message).toContain(
      'does not hold the healing.alert.create permission',
    );
    // Nor may it decide attempts: the approve route takes users only.
    const approve = await request(server)
      .post('/api/healing/attempts/x/approve')
      .set('Authorization', `Bearer ${FALCO_TOKEN}`);
    expect(approve.status).toBe(403);
  });
});
