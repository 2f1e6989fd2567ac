import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
// The real auth services, so that the static token of
// backend.auth.externalAccess is checked as in production. The package is in
// the workspace (packages/backend) but not yet a devDependency of this one.
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import request from 'supertest';
import { securityPosturePlugin } from '../../plugin';
import { fleetCatalog } from '../__testUtils__/fleet';

jest.setTimeout(30_000);

const TOKEN = 'falco-webhook-test-token-0123456789';
const READER_TOKEN = 'posture-reader-test-token-0123456789';

const ALERT = {
  output: 'Notice A shell was spawned in a container',
  priority: 'Notice',
  rule: 'Terminal shell in container',
  time: '2026-11-26T10:00:00Z',
  output_fields: { 'k8s.ns.name': 'trading', 'k8s.pod.name': 'p' },
};

describe('POST /api/security-posture/falco with backend.auth.externalAccess', () => {
  async function start() {
    const { server } = await startTestBackend({
      features: [
        securityPosturePlugin,
        fleetCatalog(),
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
                    options: { token: TOKEN, subject: 'falcosidekick' },
                    accessRestrictions: [
                      {
                        plugin: 'security-posture',
                        permission: 'security-posture.falco.create',
                      },
                    ],
                  },
                  {
                    type: 'static',
                    options: { token: READER_TOKEN, subject: 'dashboard' },
                    accessRestrictions: [
                      {
                        plugin: 'security-posture',
                        permission: 'security-posture.report.read',
                      },
                    ],
                  },
                ],
              },
            },
            permission: { enabled: true },
            securityPosture: {
              falco: {
                senders: [
                  { subject: 'falcosidekick', clusters: ['prod'] },
                  { subject: 'dashboard', clusters: ['prod'] },
                ],
              },
            },
            cloudNativePlatform: { clusters: [] },
          },
        }),
      ],
    });
    return server;
  }

  it('accepts the static token and refuses requests without one', async () => {
    const server = await start();
    const anonymous = await request(server)
      .post('/api/security-posture/falco')
      .send(ALERT);
    expect(anonymous.status).toBe(401);

    const wrong = await request(server)
      .post('/api/security-posture/falco')
      .set('Authorization', 'Bearer not-the-token')
      .send(ALERT);
    expect(wrong.status).toBe(401);

    const accepted = await request(server)
      .post('/api/security-posture/falco?cluster=prod')
      .set('Authorization', `Bearer ${TOKEN}`)
      .send(ALERT);
    expect(accepted.status).toBe(202);

    const malformed = await request(server)
      .post('/api/security-posture/falco')
      .set('Authorization', `Bearer ${TOKEN}`)
      .send({ ...ALERT, time: 'soon' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain("time 'soon'");

    // A token scoped to other permissions of the plugin may not post.
    const reader = await request(server)
      .post('/api/security-posture/falco?cluster=prod')
      .set('Authorization', `Bearer ${READER_TOKEN}`)
      .send(ALERT);
    expect(reader.status).toBe(403);
    expect(reader.body.error.message).toContain(
      'does not hold the security-posture.falco.create permission',
    );
  });
});
