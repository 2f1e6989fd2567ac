import { REDACTED, credentialKinds, redactText } from './redactText';

// Built from parts so no scanner mistakes the fixtures for real secrets.
const SECRETS = {
  password: 'Tr0ub4dor-and-3',
  privateKey: [
    `-----BEGIN RSA ${'PRIVATE'} KEY-----`,
    'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
    'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK',
    `-----END RSA ${'PRIVATE'} KEY-----`,
  ].join('\n'),
  bearer: 'mF_9.B5f-4.1JqM',
  jwt: [
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
    'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkphbmUifQ',
    'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  ].join('.'),
  highEntropy: 'q8Vt3Rk2Lp9XzW4mNc7JhYb6Fs1D',
};

describe('redactText', () => {
  it.each([
    [
      'a URL with a password',
      `dial postgres://ledger:${SECRETS.password}@ledger-db:5432/ledger failed`,
      `dial postgres://${REDACTED}@ledger-db:5432/ledger failed`,
    ],
    [
      'a URL whose password holds an @',
      'redis://:p@ss@cache:6379/0',
      `redis://${REDACTED}@cache:6379/0`,
    ],
    [
      'a URL with a token as its user',
      `https://ghp_${'a1B2'.repeat(9)}@github.com/acme/repo.git`,
      `https://${REDACTED}@github.com/acme/repo.git`,
    ],
    [
      'a private key',
      `key:\n${SECRETS.privateKey}\nend`,
      `key:\n${REDACTED}\nend`,
    ],
    ['a private key cut short', `${SECRETS.privateKey.slice(0, 60)}`, REDACTED],
    [
      'a bearer token',
      `Authorization: Bearer ${SECRETS.bearer}`,
      `Authorization: Bearer ${REDACTED}`,
    ],
    [
      'Basic credentials',
      `Authorization: Basic ${btoa('admin:hunter22')}`,
      `Authorization: Basic ${REDACTED}`,
    ],
    ['a JWT', `token=${SECRETS.jwt} rejected`, `token=${REDACTED} rejected`],
    ['a JWT alone', `got ${SECRETS.jwt}`, `got ${REDACTED}`],
    [
      'a random token',
      `signed with ${SECRETS.highEntropy} today`,
      `signed with ${REDACTED} today`,
    ],
    [
      'password= pairs',
      `connect host=db password=${SECRETS.password} sslmode=require`,
      `connect host=db password=${REDACTED} sslmode=require`,
    ],
    [
      'flags',
      `--db-password=${SECRETS.password} --port=5432`,
      `--db-password=${REDACTED} --port=5432`,
    ],
    [
      'JSON pairs',
      `{"apiKey":"${SECRETS.password}","region":"eu-1"}`,
      `{"apiKey":"${REDACTED}","region":"eu-1"}`,
    ],
    [
      'YAML pairs',
      `db:\n  password: ${SECRETS.password}\n  host: db`,
      `db:\n  password: ${REDACTED}\n  host: db`,
    ],
    [
      'query strings',
      `GET /cb?access_token=${SECRETS.password}&state=1`,
      `GET /cb?access_token=${REDACTED}&state=1`,
    ],
    [
      'env entries written as YAML',
      `env:\n  - name: DB_PASSWORD\n    value: ${SECRETS.password}\n  - name: LOG_LEVEL\n    value: info`,
      `env:\n  - name: DB_PASSWORD\n    value: ${REDACTED}\n  - name: LOG_LEVEL\n    value: info`,
    ],
    [
      'env entries written as JSON',
      `[{"name":"DB_PASSWORD","value":"${SECRETS.password}"},{"name":"LOG_LEVEL","value":"info"}]`,
      `[{"name":"DB_PASSWORD","value":"${REDACTED}"},{"name":"LOG_LEVEL","value":"info"}]`,
    ],
    [
      'an AWS access key id',
      'key id AKIAIOSFODNN7EXAMPLE',
      `key id ${REDACTED}`,
    ],
  ])('redacts %s', (_kind, text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  it.each([
    'Back-off restarting failed container engine in pod trading-engine-5d4f-abcde',
    'cluster prod-east-a watch for pods restarted after 410',
    'GET https://prod-east-a.example.com:6443/api/v1/namespaces/trading/pods failed: 503',
    'image registry.example.com/trading/engine:2.4.1@sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    'ssh://git@github.com/acme/repo.git',
    'uid 9f219227-2d68-5ad8-9672-cfbf685924d6',
    'the Bearer token expired; Basic auth is off',
    'token: null, password: true',
    'secretKeyRef: { name: engine, key: token }',
    'INFO',
    '42',
    'Scale Deployment risk-service from 3 to 4 replicas within HorizontalPodAutoscaler risk-service (2–10)',
    'MaxRAMPercentage=75 -XX:+UseZGC',
    `-----BEGIN ${'CERTIFICATE'}-----`,
  ])('leaves %s alone', text => {
    expect(redactText(text)).toBe(text);
  });

  it('gives the same text when run again on its own output', () => {
    const text = [
      `postgres://u:${SECRETS.password}@db/x`,
      `env:\n  - name: DB_PASSWORD\n    value: "${SECRETS.password}"`,
      `[{"name":"API_TOKEN","value":"${SECRETS.password}"}]`,
      `Authorization: Bearer ${SECRETS.bearer}`,
      `password=${SECRETS.password} ${SECRETS.jwt} ${SECRETS.highEntropy}`,
    ].join('\n');
    const once = redactText(text);
    expect(redactText(once)).toBe(once);
    expect(once).toContain('value: <redacted>');
  });

  it('never tells the length or first characters of a secret', () => {
    const short = redactText('password=ab');
    const long = redactText(`password=ab${'c'.repeat(40)}`);
    expect(short).toBe(long);
    expect(short).not.toContain('ab');
  });
});

describe('credentialKinds', () => {
  it.each([
    [`postgres://ledger:${SECRETS.password}@db/ledger`, ['url-password']],
    [SECRETS.privateKey, ['private-key']],
    [`Authorization: Bearer ${SECRETS.bearer}`, ['bearer-token']],
    [`session ${SECRETS.jwt}`, ['jwt']],
    [`password=${SECRETS.password}`, ['named-credential']],
    [`AKIA${'IOSFODNN7EXAMPLE'}`, ['service-token']],
    [SECRETS.highEntropy, ['random-token']],
    [
      `${SECRETS.jwt} and https://u:${SECRETS.password}@h/`,
      ['jwt', 'url-password'],
    ],
  ])('names what redactText removes from %s', (text, kinds) => {
    expect(credentialKinds(text)).toEqual(kinds);
    expect(redactText(text)).not.toBe(text);
  });

  it.each([
    'http://risk-service.trading.svc.cluster.local:8080',
    '-XX:MaxRAMPercentage=75 -XX:+UseZGC',
    'ledger-db.trading.svc.cluster.local',
    '9f219227-2d68-5ad8-9672-cfbf685924d6',
    'short',
  ])('finds nothing in %s, which redactText keeps', text => {
    expect(credentialKinds(text)).toEqual([]);
    expect(redactText(text)).toBe(text);
  });
});
