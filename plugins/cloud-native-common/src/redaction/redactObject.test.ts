import {
  LAST_APPLIED_ANNOTATION,
  redactObject,
  redactStrings,
} from './redactObject';
import { REDACTED } from './redactText';

const PASSWORD = 'Tr0ub4dor-and-3';
const TOKEN = 'q8Vt3Rk2Lp9XzW4mNc7JhYb6Fs1D';
const KEY = [
  `-----BEGIN ${'PRIVATE'} KEY-----`,
  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj',
  `-----END ${'PRIVATE'} KEY-----`,
].join('\n');
const JWT = [
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
  'eyJzdWIiOiIxMjM0NTY3ODkwIn0',
  'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
].join('.');

const container = (name: string) => ({
  name,
  image: 'registry.example.com/trading/ledger:3.1.0',
  env: [
    { name: 'LEDGER_URL', value: `postgres://ledger:${PASSWORD}@db/x` },
    { name: 'SIGNING_MATERIAL', value: KEY },
    { name: 'UPSTREAM_AUTH', value: `Bearer ${TOKEN}` },
    { name: 'SESSION', value: JWT },
    { name: 'SEED', value: TOKEN },
    { name: 'DB_PASSWORD', value: 'short' },
    { name: 'LOG_LEVEL', value: 'INFO' },
    { name: 'REPLICAS', value: '3' },
    { name: 'KEYCLOAK_URL', value: 'https://sso.example.com/realms/acme' },
    { name: 'INSTANCE_ID', value: '9f219227-2d68-5ad8-9672-cfbf685924d6' },
    { name: 'DB_HOST', value: 'ledger-db.trading.svc.cluster.local' },
    {
      name: 'API_TOKEN',
      valueFrom: { secretKeyRef: { name: 'ledger', key: 'token' } },
    },
  ],
  args: [
    '--token',
    TOKEN,
    `--password=${PASSWORD}`,
    '--upstream',
    `https://svc:${PASSWORD}@api.example.com`,
    '--port',
    '8080',
    '--log-level=info',
  ],
  command: ['sh', '-c', `psql "host=db password=${PASSWORD}" -c 'select 1'`],
});

const podSpec = () => ({
  initContainers: [container('migrate')],
  containers: [container('ledger')],
  ephemeralContainers: [container('debug')],
});

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object')
    return Object.values(value).flatMap(strings);
  return [];
}

function expectNoSecret(value: unknown) {
  const text = JSON.stringify(value);
  for (const secret of [
    PASSWORD,
    TOKEN,
    'MIIEvQIBADANBgkqhkiG9w0',
    JWT,
    'short',
  ]) {
    expect(text).not.toContain(secret);
  }
}

function expectRedactedContainer(c: any) {
  const env = Object.fromEntries(
    c.env.map((e: any) => [e.name, e.value ?? e.valueFrom]),
  );
  expect(env).toEqual({
    LEDGER_URL: `postgres://${REDACTED}@db/x`,
    SIGNING_MATERIAL: REDACTED,
    UPSTREAM_AUTH: `Bearer ${REDACTED}`,
    SESSION: REDACTED,
    SEED: REDACTED,
    DB_PASSWORD: REDACTED,
    LOG_LEVEL: 'INFO',
    REPLICAS: '3',
    KEYCLOAK_URL: 'https://sso.example.com/realms/acme',
    INSTANCE_ID: '9f219227-2d68-5ad8-9672-cfbf685924d6',
    DB_HOST: 'ledger-db.trading.svc.cluster.local',
    API_TOKEN: { secretKeyRef: { name: 'ledger', key: 'token' } },
  });
  expect(c.args).toEqual([
    '--token',
    REDACTED,
    `--password=${REDACTED}`,
    '--upstream',
    `https://${REDACTED}@api.example.com`,
    '--port',
    '8080',
    '--log-level=info',
  ]);
  expect(c.command).toEqual([
    'sh',
    '-c',
    `psql "host=db password=${REDACTED}" -c 'select 1'`,
  ]);
  expect(c.image).toBe('registry.example.com/trading/ledger:3.1.0');
}

describe('redactObject', () => {
  it.each([
    [
      'Deployment',
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'ledger', namespace: 'trading' },
        spec: { replicas: 2, template: { spec: podSpec() } },
      },
      (o: any) => o.spec.template.spec,
    ],
    [
      'Pod',
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'ledger-0', namespace: 'trading' },
        spec: podSpec(),
      },
      (o: any) => o.spec,
    ],
    [
      'CronJob',
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: 'backup', namespace: 'trading' },
        spec: { jobTemplate: { spec: { template: { spec: podSpec() } } } },
      },
      (o: any) => o.spec.jobTemplate.spec.template.spec,
    ],
    [
      'custom resource',
      {
        apiVersion: 'kubevirt.io/v1',
        kind: 'VirtualMachine',
        metadata: { name: 'settlement', namespace: 'trading' },
        spec: { deep: { nested: { template: { spec: podSpec() } } } },
      },
      (o: any) => o.spec.deep.nested.template.spec,
    ],
  ])(
    'redacts every container of a %s and leaves ordinary values',
    (_kind, object, specOf) => {
      const before = structuredClone(object);
      const safe = redactObject(object);
      const spec = specOf(safe);
      for (const list of [
        'initContainers',
        'containers',
        'ephemeralContainers',
      ]) {
        expectRedactedContainer(spec[list][0]);
      }
      expectNoSecret(safe);
      expect(object).toEqual(before);
      expect((safe as any).metadata).toEqual(object.metadata);
    },
  );

  it('redacts the object kubectl repeats in last-applied-configuration', () => {
    const applied = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'ledger', namespace: 'trading' },
      spec: { template: { spec: podSpec() } },
    };
    const safe = redactObject({
      ...applied,
      metadata: {
        ...applied.metadata,
        annotations: {
          [LAST_APPLIED_ANNOTATION]: JSON.stringify(applied),
          'deployment.kubernetes.io/revision': '4',
          'vault.example.com/db-password': PASSWORD,
          'example.com/webhook': `https://hooks.example.com/x?token=${TOKEN}`,
        },
      },
    });
    const annotations = safe.metadata.annotations;
    expect(annotations['deployment.kubernetes.io/revision']).toBe('4');
    expect(annotations['vault.example.com/db-password']).toBe(REDACTED);
    expect(annotations['example.com/webhook']).toBe(
      `https://hooks.example.com/x?token=${REDACTED}`,
    );
    const repeated = JSON.parse(annotations[LAST_APPLIED_ANNOTATION]);
    expectRedactedContainer(repeated.spec.template.spec.containers[0]);
    expectNoSecret(safe);
  });

  it('redacts an unparseable last-applied-configuration as text', () => {
    const safe = redactObject({
      kind: 'Service',
      metadata: {
        name: 's',
        annotations: {
          [LAST_APPLIED_ANNOTATION]: `{"broken": "password=${PASSWORD}`,
        },
      },
    });
    expect(safe.metadata.annotations[LAST_APPLIED_ANNOTATION]).toBe(
      `{"broken": "password=${REDACTED}`,
    );
  });

  it('keeps a ConfigMap’s data but the values that are credentials', () => {
    const safe = redactObject({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'ledger', namespace: 'trading' },
      data: {
        'db.password': PASSWORD,
        LOG_LEVEL: 'debug',
        'tls.key': KEY,
        'application.properties': `db.url=jdbc:postgresql://db/x\ndb.password=${PASSWORD}\npool=10`,
        DSN: `postgres://u:${PASSWORD}@db/x`,
        upstream: `Bearer ${TOKEN}`,
      },
      binaryData: {
        'keystore.p12': 'MIIKXgIBAzCCChQGCSqGSIb3DQEHAaCCCgUEggoBMIIJ',
      },
    });
    expect(safe.data).toEqual({
      'db.password': REDACTED,
      LOG_LEVEL: 'debug',
      'tls.key': REDACTED,
      'application.properties': `db.url=jdbc:postgresql://db/x\ndb.password=${REDACTED}\npool=10`,
      DSN: REDACTED,
      upstream: `Bearer ${REDACTED}`,
    });
    expect(safe.binaryData).toEqual({ 'keystore.p12': REDACTED });
    expectNoSecret(safe);
  });

  it('drops the data of Secrets and of every kind but ConfigMap', () => {
    for (const kind of ['Secret', 'SealedThing']) {
      const safe = redactObject({
        kind,
        metadata: { name: 's' },
        data: { token: 'c2VjcmV0' },
        stringData: { password: PASSWORD },
      }) as Record<string, unknown>;
      expect(safe.data).toBeUndefined();
      expect(safe.stringData).toBeUndefined();
    }
  });

  it('redacts each item of a List', () => {
    const safe: any = redactObject({
      kind: 'List',
      items: [
        { kind: 'Secret', metadata: { name: 's' }, data: { a: 'b' } },
        { kind: 'Pod', metadata: { name: 'p' }, spec: podSpec() },
      ],
    });
    expect(safe.items[0].data).toBeUndefined();
    expectRedactedContainer(safe.items[1].spec.containers[0]);
  });

  it('leaves an object without credentials as it was', () => {
    const object = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'risk-service',
        namespace: 'trading',
        uid: '9f219227-2d68-5ad8-9672-cfbf685924d6',
        labels: { 'app.kubernetes.io/name': 'risk-service' },
        annotations: { 'deployment.kubernetes.io/revision': '3' },
      },
      spec: {
        replicas: 3,
        template: {
          spec: {
            containers: [
              {
                name: 'risk',
                image: 'registry.example.com/trading/risk:1.9.0',
                args: ['--port', '8080', '--log-level=info'],
                env: [{ name: 'RISK_MODEL_PATH', value: '/opt/risk/models' }],
                resources: { limits: { cpu: '500m', memory: '512Mi' } },
              },
            ],
          },
        },
      },
      status: { replicas: 3, readyReplicas: 3 },
    };
    expect(redactObject(object)).toEqual(object);
    expect(strings(redactObject(object))).not.toContain(REDACTED);
  });
});

describe('redactStrings', () => {
  it('redacts every string of a record and keeps the rest', () => {
    const record = {
      id: 'a1',
      steps: [
        { summary: `failed: password=${PASSWORD}`, ok: false, count: 3 },
        { summary: 'fine', data: { error: `Bearer ${TOKEN}` } },
      ],
    };
    expect(redactStrings(record)).toEqual({
      id: 'a1',
      steps: [
        { summary: `failed: password=${REDACTED}`, ok: false, count: 3 },
        { summary: 'fine', data: { error: `Bearer ${REDACTED}` } },
      ],
    });
  });
});
