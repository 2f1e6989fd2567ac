import {
  AuthService,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
// The real permissions service: it asks the permission backend, which asks
// this module's policy, which may hand conditions back to the plugins.
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import permissionBackend from '@backstage/plugin-permission-backend';
// The policy is tested with the plugins whose permissions it governs.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import healingBackend from '@cloud-native-platform/plugin-healing-backend';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import postureBackend from '@cloud-native-platform/plugin-security-posture-backend';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import topologyBackend from '@cloud-native-platform/plugin-cluster-topology-backend';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import maturityBackend from '@cloud-native-platform/plugin-platform-maturity-backend';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import sloBackend from '@cloud-native-platform/plugin-slo-backend';
import rbacPolicyModule from './index';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../../..');
const MEMBERS = [
  'g, user:default/approver, role:default/healing-approver',
  'g, user:default/admin, role:default/platform-admin',
  // Groups count through the ownership refs of the sign-in.
  'g, group:default/sre, role:default/platform-admin',
].join('\n');

/**
 * The mock auth service, except that a token on behalf of a user names the
 * plugin as its actor, as real on-behalf-of tokens do: the plugins' condition
 * endpoints take user tokens only with an actor.
 */
const authWithActors = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): AuthService {
    const base = mockServices.auth({ pluginId: plugin.getId() });
    return Object.assign(Object.create(base), {
      async getPluginRequestToken(
        options: Parameters<AuthService['getPluginRequestToken']>[0],
      ) {
        const { onBehalfOf } = options;
        if (base.isPrincipal(onBehalfOf, 'user')) {
          return {
            token: mockCredentials.user.token(
              onBehalfOf.principal.userEntityRef,
              { actor: { subject: `plugin:${plugin.getId()}` } },
            ),
          };
        }
        return base.getPluginRequestToken(options);
      },
    });
  },
});

const VIEWER = mockCredentials.user.header('user:default/viewer');
const APPROVER = mockCredentials.user.header('user:default/approver');
const ADMIN = mockCredentials.user.header('user:default/admin');

function alert(name: string, cluster: string, deployment: string) {
  return {
    version: '4',
    groupKey: '{}:{}',
    status: 'firing',
    receiver: 'healing',
    alerts: [
      {
        status: 'firing',
        labels: {
          alertname: 'TestRestart',
          cluster,
          namespace: 'trading',
          deployment,
        },
        annotations: {},
        startsAt: new Date().toISOString(),
        fingerprint: name,
      },
    ],
  };
}

describe('the shipped policy files through the permission backend', () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rbac-'));
    const members = path.join(dir, 'members.csv');
    fs.writeFileSync(members, MEMBERS);
    const cluster = (name: string, role: string) => ({
      name,
      role,
      manifests: { path: path.join(ROOT, 'examples/clusters', name) },
    });
    ({ server } = await startTestBackend({
      features: [
        permissionBackend,
        rbacPolicyModule,
        healingBackend,
        postureBackend,
        topologyBackend,
        maturityBackend,
        sloBackend,
        catalogServiceMock.factory({ entities: [] }),
        permissionsServiceFactory,
        authWithActors,
        mockServices.userInfo.factory(),
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:7007' },
            permission: {
              enabled: true,
              rbac: {
                'policies-csv-file': path.join(ROOT, 'rbac/rbac-policy.csv'),
                conditionalPoliciesFile: path.join(
                  ROOT,
                  'rbac/rbac-conditional-policies.yaml',
                ),
                additionalPolicyFiles: [members],
                defaultPermissions: { defaultRole: 'role:default/viewer' },
              },
            },
            cloudNativePlatform: {
              clusters: [
                cluster('prod-east-a', 'production'),
                cluster('prod-east-b', 'production'),
                cluster('staging', 'staging'),
              ],
            },
            healing: {
              policies: [
                {
                  name: 'restart-with-approval',
                  match: { alertname: 'TestRestart' },
                  action: 'restart',
                  mode: 'approval',
                },
              ],
            },
          },
        }),
      ],
    }));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const get = (url: string, auth: string) =>
    request(server).get(url).set('Authorization', auth);
  const post = (url: string, auth: string, body: object = {}) =>
    request(server).post(url).set('Authorization', auth).send(body);

  /**
   * Posts an alert as the Alertmanager and waits for its attempt. Production
   * attempts are raised in prod-east-b: in prod-east-a Argo CD self-heals
   * trading-engine, so healing refuses to patch it there.
   */
  async function pendingAttempt(name: string, cluster: string) {
    const posted = await post(
      '/api/healing/alerts',
      mockCredentials.service.header(),
      alert(name, cluster, 'trading-engine'),
    );
    expect(posted.status).toBe(202);
    for (let i = 0; i < 200; i++) {
      const res = await get('/api/healing/attempts?limit=1000', VIEWER);
      expect(res.status).toBe(200);
      const found = res.body.items.find(
        (a: any) => a.alert?.fingerprint === name,
      );
      if (found) return found;
      await new Promise(r => setTimeout(r, 50));
    }
    throw new Error(`no attempt for ${name}`);
  }

  it('lets a viewer read everything and change nothing', async () => {
    const attempt = await pendingAttempt('viewer-case', 'prod-east-b');
    expect(attempt.status).toBe('pending-approval');

    expect((await get('/api/healing/status', VIEWER)).status).toBe(200);
    expect(
      (await get('/api/platform-maturity/leaderboard', VIEWER)).status,
    ).toBe(200);
    // Every SLO of the manifests clusters; the catalog here is empty.
    const slos = await get('/api/slo/objectives', VIEWER);
    expect(slos.status).toBe(200);
    expect(slos.body.items.length).toBeGreaterThan(0);
    expect(
      (await get('/api/security-posture/report?cluster=prod-east-a', VIEWER))
        .status,
    ).toBe(200);
    const object = await get(
      '/api/cluster-topology/object?cluster=prod-east-a&kind=Deployment&namespace=trading&name=trading-engine',
      VIEWER,
    );
    expect(object.status).toBe(200);

    for (const [res, permission] of [
      [
        await post(`/api/healing/attempts/${attempt.id}/approve`, VIEWER),
        'healing.attempt.approve',
      ],
      [
        await post(`/api/healing/attempts/${attempt.id}/reject`, VIEWER),
        'healing.attempt.approve',
      ],
      [
        await request(server)
          .put('/api/healing/kill-switch')
          .set('Authorization', VIEWER)
          .send({ enabled: true }),
        'healing.killswitch.update',
      ],
      [
        await post(
          '/api/healing/alerts',
          VIEWER,
          alert('from-a-user', 'prod-east-a', 'trading-engine'),
        ),
        'healing.alert.create',
      ],
    ] as const) {
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain(permission);
    }
    const after = await get(`/api/healing/attempts/${attempt.id}`, VIEWER);
    expect(after.body.status).toBe('pending-approval');
  });

  it('lets an approver decide in the clusters and namespaces of the condition only', async () => {
    const production = await pendingAttempt('approver-prod', 'prod-east-b');
    const staging = await pendingAttempt('approver-staging', 'staging');

    const refused = await post(
      `/api/healing/attempts/${staging.id}/approve`,
      APPROVER,
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(
      'deciding healing attempts in staging/trading needs the healing.attempt.approve permission',
    );
    const killSwitch = await request(server)
      .put('/api/healing/kill-switch')
      .set('Authorization', APPROVER)
      .send({ enabled: true });
    expect(killSwitch.status).toBe(403);

    const rejected = await post(
      `/api/healing/attempts/${production.id}/reject`,
      APPROVER,
      { comment: 'not now' },
    );
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('rejected');
    expect(rejected.body.decidedBy).toBe('user:default/approver');
  });

  it('lets a platform admin use the kill switch and decide anywhere', async () => {
    const staging = await pendingAttempt('admin-staging', 'staging');
    const on = await request(server)
      .put('/api/healing/kill-switch')
      .set('Authorization', ADMIN)
      .send({ enabled: true });
    expect(on.status).toBe(200);
    expect(on.body.killSwitch).toBe(true);
    const off = await request(server)
      .put('/api/healing/kill-switch')
      .set('Authorization', ADMIN)
      .send({ enabled: false });
    expect(off.status).toBe(200);
    const rejected = await post(
      `/api/healing/attempts/${staging.id}/reject`,
      ADMIN,
    );
    expect(rejected.status).toBe(200);
  });

  it('answers the frontend: approve allowed per attempt, kill switch per role', async () => {
    const production = await pendingAttempt('frontend-prod', 'prod-east-b');
    const staging = await pendingAttempt('frontend-staging', 'staging');
    const ask = (auth: string, items: object[]) =>
      request(server)
        .post('/api/permission/authorize')
        .set('Authorization', auth)
        .send({ items });
    const approve = (id: string, resourceRef: string) => ({
      id,
      permission: {
        type: 'resource',
        name: 'healing.attempt.approve',
        attributes: { action: 'update' },
        resourceType: 'healing-attempt',
      },
      resourceRef,
    });
    const res = await ask(APPROVER, [
      approve('prod', production.id),
      approve('staging', staging.id),
      {
        id: 'kill',
        permission: {
          type: 'basic',
          name: 'healing.killswitch.update',
          attributes: { action: 'update' },
        },
      },
    ]);
    expect(res.status).toBe(200);
    expect(
      Object.fromEntries(res.body.items.map((i: any) => [i.id, i.result])),
    ).toEqual({ prod: 'ALLOW', staging: 'DENY', kill: 'DENY' });
  });
});
