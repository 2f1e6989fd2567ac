import {
  TestDatabases,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { isKind } from '@cloud-native-platform/plugin-cloud-native-common';
import { KubeObject } from '@cloud-native-platform/plugin-cloud-native-node';
import { HealingAttempt } from '@cloud-native-platform/plugin-healing-common';
import request from 'supertest';
import { ActionExecutor } from '../actions/ActionExecutor';
import { readHealingConfig } from '../config';
import { KnexHealingStore } from '../database/KnexHealingStore';
import { healingPlugin } from '../plugin';
import { parseAlertmanagerPayload } from './alertmanagerPayload';
import { AlertProcessor } from './AlertProcessor';
import { KillSwitch } from './KillSwitch';
import { demoConfig } from './__testUtils__/demoConfig';
import {
  alertmanagerPayload,
  riskServiceObjects,
  testClusterState,
} from './__testUtils__/fleet';

jest.setTimeout(60_000);

// Built from parts so no scanner takes the fixtures for real secrets.
const SECRET = {
  url: 'Ledg3r-url-pass',
  pem: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj',
  bearer: 'mF_9.B5f-4.1JqMbearer',
  jwt: [
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
    'eyJzdWIiOiIxMjM0NTY3ODkwIn0',
    'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  ].join('.'),
  random: 'q8Vt3Rk2Lp9XzW4mNc7JhYb6Fs1D',
  named: 'plain-named-secret',
};
const PEM = [
  `-----BEGIN ${'PRIVATE'} KEY-----`,
  SECRET.pem,
  `-----END ${'PRIVATE'} KEY-----`,
].join('\n');

function expectNoSecret(value: unknown, secrets: string[]) {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  for (const secret of secrets) {
    expect({ secret, leaked: text.includes(secret) }).toEqual({
      secret,
      leaked: false,
    });
  }
}

/** risk-service with a credential of every kind in its pod template. */
function objectsWithSecrets(): KubeObject[] {
  return riskServiceObjects().map(o => {
    if (!isKind(o, 'Deployment')) return o;
    const copy = structuredClone(o);
    copy.spec!.template.spec!.containers[0].env = [
      { name: 'LEDGER_URL', value: `postgres://risk:${SECRET.url}@db/risk` },
      { name: 'SIGNING_MATERIAL', value: PEM },
      { name: 'UPSTREAM_AUTH', value: `Bearer ${SECRET.bearer}` },
      { name: 'SESSION', value: SECRET.jwt },
      { name: 'SEED', value: SECRET.random },
      { name: 'RISK_PASSWORD', value: SECRET.named },
    ];
    return copy;
  });
}

const config = readHealingConfig(
  new ConfigReader({
    healing: {
      policies: [
        {
          name: 'risk-restart',
          match: { alertname: 'PodCrashLooping' },
          action: 'restart',
          mode: 'enforce',
          threshold: 0,
        },
      ],
    },
  }),
);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())(
  'healing attempts on %s',
  databaseId => {
    it('store a diff of the restart annotation only and redacted steps', async () => {
      const knex = await databases.init(databaseId);
      const store = await KnexHealingStore.create(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
      const logger = mockServices.logger.mock();
      const processor = new AlertProcessor({
        store,
        clusterState: await testClusterState(objectsWithSecrets()),
        config,
        logger,
        killSwitch: new KillSwitch(store, false),
        executor: new ActionExecutor(logger),
        instanceId: 'a',
        // A Prometheus whose errors quote its URL and the token it was sent.
        featureSeries: () => async () => {
          throw new Error(
            `GET http://healing:${SECRET.url}@prometheus:9090/api/v1/query_range: 401 for Bearer ${SECRET.bearer}`,
          );
        },
      });
      await store.addAlerts(
        parseAlertmanagerPayload(alertmanagerPayload([{ fingerprint: 'x' }])),
        new Date(),
      );
      await processor.processPending();

      const rows = await knex('healing_attempts').select();
      expect(rows).toHaveLength(1);
      expectNoSecret(rows[0], Object.values(SECRET));

      const { items } = await store.listAttempts({}, 10);
      const attempt = items[0];
      expect(attempt.status).toBe('applied');
      expect(attempt.change?.before).toBe(
        'spec:\n  template:\n    metadata: {}\n',
      );
      expect(
        attempt.change?.after?.replace(/restartedAt: .*/, 'restartedAt: T'),
      ).toBe(
        [
          'spec:',
          '  template:',
          '    metadata:',
          '      annotations:',
          '        kubectl.kubernetes.io/restartedAt: T',
          '',
        ].join('\n'),
      );
      const features = attempt.steps.find(s => s.name === 'features');
      expect(features?.summary).toContain(
        'http://<redacted>@prometheus:9090/api/v1/query_range: 401 for Bearer <redacted>',
      );
    });
  },
);

describe('GET /api/healing/attempts', () => {
  it('redacts attempts stored before redaction, when serving them', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await KnexHealingStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    const old: HealingAttempt = {
      id: 'old-attempt',
      kind: 'platform',
      cluster: 'prod-east-b',
      target: {
        cluster: 'prod-east-b',
        namespace: 'trading',
        kind: 'Deployment',
        name: 'risk-service',
      },
      mode: 'observe',
      status: 'failed',
      reason: `the action failed: 422 Authorization: Bearer ${SECRET.bearer}`,
      createdAt: '2026-11-26T10:00:00.000Z',
      updatedAt: '2026-11-26T10:00:00.000Z',
      steps: [
        {
          name: 'action',
          at: '2026-11-26T10:00:00.000Z',
          status: 'failed',
          summary: `dial postgres://risk:${SECRET.url}@db/risk: refused; session ${SECRET.jwt}`,
        },
      ],
      change: {
        description: 'Rolling restart of Deployment risk-service',
        object: 'Deployment trading/risk-service',
        // A whole-object diff, as stored before diffs were reduced.
        before: [
          'spec:',
          '  template:',
          '    spec:',
          '      containers:',
          '        - name: risk',
          '          env:',
          '            - name: RISK_PASSWORD',
          `              value: ${SECRET.named}`,
          '            - name: SEED',
          `              value: ${SECRET.random}`,
          '            - name: SIGNING_MATERIAL',
          `              value: ${JSON.stringify(PEM)}`,
          '',
        ].join('\n'),
      },
    };
    await store.upsertPlatformAttempts([old]);
    const { server } = await startTestBackend({
      features: [
        healingPlugin,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:7007' },
            cloudNativePlatform: { clusters: [] },
            healing: { policies: [] },
          },
        }),
      ],
    });
    const one = await request(server)
      .get('/api/healing/attempts/old-attempt')
      .set('Authorization', mockCredentials.user.header());
    const list = await request(server)
      .get('/api/healing/attempts?kind=platform')
      .set('Authorization', mockCredentials.user.header());
    expect(one.status).toBe(200);
    expect(list.body.items.map((a: HealingAttempt) => a.id)).toEqual([
      'old-attempt',
    ]);
    for (const body of [one.body, list.body]) {
      expectNoSecret(body, Object.values(SECRET));
    }
    expect(one.body.reason).toBe(
      'the action failed: 422 Authorization: Bearer <redacted>',
    );
    expect(one.body.change.before).toContain(
      '- name: RISK_PASSWORD\n              value: <redacted>\n',
    );
    expect(one.body.change.before).toContain('- name: SEED\n');
  });
});

describe('the demo replay', () => {
  it("stores and serves no attempt with risk-service's plaintext DB_PASSWORD", async () => {
    const demo = demoConfig();
    const { server } = await startTestBackend({
      features: [
        healingPlugin,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({ data: demo }),
      ],
    });
    const get = () =>
      request(server)
        .get('/api/healing/attempts?limit=1000')
        .set('Authorization', mockCredentials.user.header());
    let res = await get();
    for (let i = 0; i < 200 && !(res.body.total > 0); i++) {
      await new Promise(resolve => setTimeout(resolve, 50));
      res = await get();
    }
    const restarts = res.body.items.filter(
      (a: HealingAttempt) => a.action === 'restart' && a.change,
    );
    expect(restarts.length).toBeGreaterThan(0);
    expectNoSecret(res.body, ['changeme-risk-2026']);
    for (const attempt of restarts) {
      expect(attempt.change.after).toContain(
        'kubectl.kubernetes.io/restartedAt',
      );
      expect(attempt.change.after).not.toContain('containers');
    }
  });
});
