import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { stringify } from 'yaml';
import { clusterTopologyPlugin } from '../plugin';

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
  configMap: 'cm-pass-4711',
  event: 'event-pass-0815',
};
const PEM = [
  `-----BEGIN ${'PRIVATE'} KEY-----`,
  SECRET.pem,
  `-----END ${'PRIVATE'} KEY-----`,
].join('\n');

const ORDINARY = {
  LOG_LEVEL: 'INFO',
  REPLICAS: '3',
  IMAGE: 'registry.example.com/trading/ledger:3.1.0',
  DB_HOST: 'ledger-db.trading.svc.cluster.local',
  INSTANCE_ID: '9f219227-2d68-5ad8-9672-cfbf685924d6',
  KEYCLOAK_URL: 'https://sso.example.com/realms/acme',
  JAVA_TOOL_OPTIONS: '-XX:MaxRAMPercentage=75 -XX:+UseZGC',
};

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'ledger',
    namespace: 'trading',
    uid: 'd1',
    annotations: { 'example.com/session': SECRET.jwt },
  },
  spec: {
    replicas: 2,
    template: {
      spec: {
        containers: [
          {
            name: 'ledger',
            image: ORDINARY.IMAGE,
            args: ['--upstream-auth', `Bearer ${SECRET.bearer}`],
            env: [
              {
                name: 'LEDGER_URL',
                value: `postgres://ledger:${SECRET.url}@db/ledger`,
              },
              { name: 'SIGNING_MATERIAL', value: PEM },
              { name: 'SEED', value: SECRET.random },
              { name: 'LEDGER_PASSWORD', value: SECRET.named },
              ...Object.entries(ORDINARY).map(([name, value]) => ({
                name,
                value,
              })),
            ],
          },
        ],
      },
    },
  },
};

const objects = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'trading' } },
  {
    ...deployment,
    metadata: {
      ...deployment.metadata,
      annotations: {
        ...deployment.metadata.annotations,
        'kubectl.kubernetes.io/last-applied-configuration':
          JSON.stringify(deployment),
      },
    },
  },
  {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'ledger', namespace: 'trading', uid: 'cm1' },
    data: { 'db.password': SECRET.configMap, 'log.level': 'debug' },
  },
  {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'ledger.1', namespace: 'trading' },
    involvedObject: {
      kind: 'Deployment',
      namespace: 'trading',
      name: 'ledger',
      uid: 'd1',
    },
    type: 'Warning',
    reason: 'ConfigError',
    message: `cannot parse password=${SECRET.event}`,
    firstTimestamp: '2026-11-26T09:00:00Z',
  },
];

describe('GET /api/cluster-topology/object redacts credentials', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'topology-redaction-'));
    fs.writeFileSync(
      path.join(dir, 'objects.yaml'),
      objects.map(o => stringify(o)).join('---\n'),
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function get(query: string) {
    const { server } = await startTestBackend({
      features: [
        clusterTopologyPlugin,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: {
            cloudNativePlatform: {
              clusters: [
                { name: 'prod', role: 'production', manifests: { path: dir } },
              ],
            },
          },
        }),
      ],
    });
    const deadline = Date.now() + 10_000;
    for (;;) {
      const res = await request(server)
        .get(`/api/cluster-topology/object?cluster=prod&${query}`)
        .set('Authorization', mockCredentials.user.header());
      if (res.status === 200 || Date.now() > deadline) return res;
      await new Promise(resolve => setTimeout(resolve, 50));
    }
  }

  it('in the object, its YAML and its events', async () => {
    const res = await get('kind=Deployment&namespace=trading&name=ledger');
    expect(res.status).toBe(200);
    const served = JSON.stringify(res.body);
    for (const [kind, secret] of Object.entries(SECRET)) {
      if (kind === 'configMap') continue;
      expect({ kind, leaked: served.includes(secret) }).toEqual({
        kind,
        leaked: false,
      });
    }

    const env = Object.fromEntries(
      res.body.object.spec.template.spec.containers[0].env.map((e: any) => [
        e.name,
        e.value,
      ]),
    );
    expect(env).toEqual({
      LEDGER_URL: 'postgres://<redacted>@db/ledger',
      SIGNING_MATERIAL: '<redacted>',
      SEED: '<redacted>',
      LEDGER_PASSWORD: '<redacted>',
      ...ORDINARY,
    });
    expect(res.body.object.spec.template.spec.containers[0].args).toEqual([
      '--upstream-auth',
      'Bearer <redacted>',
    ]);
    const annotations = res.body.object.metadata.annotations;
    expect(annotations['example.com/session']).toBe('<redacted>');
    // The cluster state drops the annotation that repeats the object;
    // redactObject's own tests cover it for other callers.
    expect(
      annotations['kubectl.kubernetes.io/last-applied-configuration'],
    ).toBeUndefined();
    expect(res.body.yaml).toContain('value: postgres://<redacted>@db/ledger');
    expect(res.body.yaml).toContain(`value: ${ORDINARY.KEYCLOAK_URL}`);
    expect(res.body.events).toEqual([
      expect.objectContaining({
        reason: 'ConfigError',
        message: 'cannot parse password=<redacted>',
      }),
    ]);
  });

  it('in the data of a ConfigMap, keeping its other values', async () => {
    const res = await get('kind=ConfigMap&namespace=trading&name=ledger');
    expect(res.status).toBe(200);
    expect(res.body.object.data).toEqual({
      'db.password': '<redacted>',
      'log.level': 'debug',
    });
    expect(res.body.yaml).not.toContain(SECRET.configMap);
  });
});
