import { KubeObject } from '../kube';
import { deployment, findingLines, messagesFor } from '../testing/fixtures';

// Built from parts so no scanner mistakes the fixtures for real secrets.
const PASSWORD = 'Tr0ub4dor-and-3';
const PRIVATE_KEY = [
  `-----BEGIN ${'PRIVATE'} KEY-----`,
  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj',
  `-----END ${'PRIVATE'} KEY-----`,
].join('\n');
const JWT = [
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
  'eyJzdWIiOiIxMjM0NTY3ODkwIn0',
  'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
].join('.');
const TOKEN = 'q8Vt3Rk2Lp9XzW4mNc7JhYb6Fs1D';
const CERTIFICATE = [
  `-----BEGIN ${'CERTIFICATE'}-----`,
  'MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ',
  'RTESMBAGA1UEChMJQmFsdGltb3JlMRMwEQYDVQQLEwpDeWJlclRydXN0MSIwIAYD',
  `-----END ${'CERTIFICATE'}-----`,
].join('\n');

function withEnv(env: any[]): KubeObject {
  return deployment((_, c) => (c.env = env));
}

function configMap(data: Record<string, string>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'web-config', namespace: 'shop' },
    data,
  };
}

describe('plaintext-credentials', () => {
  const id = 'plaintext-credentials';

  it('passes values from Secrets and harmless values', () => {
    expect(
      messagesFor(id, [
        withEnv([
          { name: 'LOG_LEVEL', value: 'info' },
          { name: 'RISK_SERVICE_URL', value: 'http://risk:8080/api' },
          { name: 'KEYCLOAK_URL', value: 'https://sso.example.com/realms/x' },
          { name: 'TOKEN_TTL', value: '3600' },
          { name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' },
          // A random-looking value under a harmless name may be an id.
          { name: 'BUILD_ID', value: TOKEN },
          {
            name: 'API_TOKEN',
            valueFrom: { secretKeyRef: { name: 's', key: 'token' } },
          },
        ]),
      ]),
    ).toEqual([]);
  });

  it('fails a value under a credential name', () => {
    expect(
      messagesFor(id, [withEnv([{ name: 'db_password', value: 'hunter2' }])]),
    ).toEqual([
      'container app sets db_password as a plaintext value (env[].value)',
    ]);
  });

  it.each([
    [
      'LEDGER_URL',
      `postgres://ledger:${PASSWORD}@db:5432/ledger`,
      'a URL with a password',
    ],
    ['SIGNING_MATERIAL', PRIVATE_KEY, 'a private key'],
    ['SESSION', JWT, 'a JWT'],
    ['UPSTREAM_AUTH', `Bearer ${TOKEN}`, 'a bearer token'],
    [
      'JAVA_OPTS',
      `-Ddb.password=${PASSWORD}`,
      'a credential in a name=value pair',
    ],
  ])('fails %s holding %s under a harmless name', (name, value, found) => {
    const messages = messagesFor(id, [withEnv([{ name, value }])]);
    expect(messages).toEqual([
      `container app sets ${name} to ${found} (env[].value)`,
    ]);
    expect(JSON.stringify(messages)).not.toContain(PASSWORD);
    expect(JSON.stringify(messages)).not.toContain(TOKEN);
  });

  it('never echoes a credential value', () => {
    const object = withEnv([{ name: 'DB_PASSWORD', value: 'hunter2' }]);
    expect(JSON.stringify(messagesFor(id, [object]))).not.toContain('hunter2');
  });
});

describe('configmap-credentials', () => {
  const id = 'configmap-credentials';

  it('passes configuration, certificates and empty values', () => {
    expect(
      messagesFor(id, [
        configMap({
          'application.yaml':
            'server:\n  port: 8080\nlogging:\n  level: info\n',
          'ca.crt': CERTIFICATE,
          LEDGER_URL: 'postgres://ledger-db:5432/ledger',
          DB_PASSWORD: '',
        }),
      ]),
    ).toEqual([]);
  });

  it('fails keys named like credentials and values holding them', () => {
    expect(
      findingLines(id, [
        configMap({
          DB_PASSWORD: 'hunter2',
          'tls.key': PRIVATE_KEY,
          'datasource.properties': `url=jdbc:postgresql://db/x\npassword=${PASSWORD}\n`,
          upstream: `https://svc:${PASSWORD}@api.example.com/`,
          'session.txt': JWT,
        }),
      ]),
    ).toEqual([
      'high ConfigMap shop/web-config: key DB_PASSWORD is named like a credential',
      'high ConfigMap shop/web-config: key datasource.properties holds a credential in a name=value pair',
      'high ConfigMap shop/web-config: key session.txt holds a JWT',
      'high ConfigMap shop/web-config: key tls.key is named like a credential',
      'high ConfigMap shop/web-config: key upstream holds a URL with a password',
    ]);
  });

  it('judges only ConfigMaps', () => {
    const secret = { ...configMap({ DB_PASSWORD: 'x' }), kind: 'Secret' };
    expect(messagesFor(id, [secret])).toEqual([]);
  });
});
