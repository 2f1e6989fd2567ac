import {
  HIGH_ENTROPY_MIN_LENGTH,
  isCredentialName,
  isHighEntropyToken,
  isKnownToken,
  shannonEntropy,
} from './credentialHeuristics';

// A seeded generator, so the measured rates are the same on every run.
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE64 = `${BASE62}+/`;

function randomTokens(alphabet: string, length: number, count: number) {
  const next = generator(length * 7919 + alphabet.length);
  return Array.from({ length: count }, () =>
    Array.from(
      { length },
      () => alphabet[Math.floor(next() * alphabet.length)],
    ).join(''),
  );
}

describe('isCredentialName', () => {
  it.each([
    'DB_PASSWORD',
    'db_password',
    'PGPASSWORD',
    'MYSQL_ROOT_PASSWD',
    'SSH_PASSPHRASE',
    'ADMIN_PASS',
    'ADMIN_PW',
    'AWS_SECRET_ACCESS_KEY',
    'clientSecret',
    'API_TOKEN',
    'GITHUB_TOKEN',
    'apiKey',
    'APIKey',
    'S3_KEY',
    'KEY',
    'SENTRY_DSN',
    'GIT_CREDENTIALS',
    'GOOGLE_APPLICATION_CREDENTIALS_JSON',
    'PRIVATEKEY',
    '--password',
    '--token',
    '--client-key',
  ])('%s is a credential name', name => {
    expect(isCredentialName(name)).toBe(true);
  });

  it.each([
    'KEYCLOAK_URL',
    'MONKEY_PATCH',
    'BYPASS_CACHE',
    'PASSTHROUGH_MODE',
    'LOG_LEVEL',
    'LEDGER_URL',
    'DB_HOST',
    'TOKEN_TTL',
    'DB_SECRET_NAME',
    'SSL_KEY_FILE',
    'API_KEY_HEADER',
    'CREDENTIALS_PATH',
    '--tls-private-key-file',
    'ISTIO_META_CLUSTER_ID',
    '',
  ])('%s is not', name => {
    expect(isCredentialName(name)).toBe(false);
  });
});

describe('isHighEntropyToken', () => {
  // Measured: share of random tokens caught, by alphabet and length.
  it.each([
    ['base62', BASE62, 20, 0.85],
    ['base64', BASE64, 20, 0.85],
    ['base62', BASE62, 24, 0.9],
    ['base64', BASE64, 24, 0.9],
    ['base62', BASE62, 32, 0.96],
    ['base64', BASE64, 40, 0.98],
  ])(
    'catches random %s tokens of %i characters at a rate of at least %d',
    (_label, alphabet, length, share) => {
      const tokens = randomTokens(alphabet as string, length as number, 2000);
      const caught = tokens.filter(isHighEntropyToken).length / tokens.length;
      expect(caught).toBeGreaterThanOrEqual(share as number);
    },
  );

  it.each([
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'dXNlcm5hbWU6cGFzc3dvcmQxMjM=',
    'Zk9wX2Q3bT1vY2tzLXNlY3JldC0yMDI2',
    'q8Vt3Rk2Lp9XzW4mNc7JhYb6',
  ])('takes %s for a secret', word => {
    expect(isHighEntropyToken(word)).toBe(true);
  });

  it.each([
    'MyServiceAccountName2024Production',
    'KubernetesClusterSourceFactory1',
    'TradingEngineDeployment20240101',
    'ProductionEastCluster2024AlphaBeta',
    'zipOpenNewFileInZip4_6',
    'XMLHttpRequestV2Handler',
    'sha256WithRSAEncryption2048Bits',
    '9f219227-2d68-5ad8-9672-cfbf685924d6',
    '9F219227-2D68-5AD8-9672-CFBF685924D6',
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    'trading-engine-5d4f8b7c9-abcde',
    '/var/lib/postgresql/data/pgdata',
    'registry.example.com/trading/engine:2.4.1',
    'INFO',
    '1234567890123456789012345',
    'Ab1',
  ])('takes %s for an ordinary value', word => {
    expect(isHighEntropyToken(word)).toBe(false);
  });

  it(`ignores words shorter than ${HIGH_ENTROPY_MIN_LENGTH} characters`, () => {
    const word = 'q8Vt3Rk2Lp9XzW4mNc7JhYb6';
    expect(isHighEntropyToken(word.slice(0, HIGH_ENTROPY_MIN_LENGTH))).toBe(
      true,
    );
    expect(isHighEntropyToken(word.slice(0, HIGH_ENTROPY_MIN_LENGTH - 1))).toBe(
      false,
    );
  });

  it('measures entropy in bits per character', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
  });
});

describe('isKnownToken', () => {
  it.each([
    'AKIAIOSFODNN7EXAMPLE',
    `ghp_${'a1B2'.repeat(9)}`,
    `glpat-${'x9Y8'.repeat(5)}`,
    'xoxb-123456789012-abcdefghijkl',
    `sk_live_${'4eC39HqLyjWDarjtT1zdp7dc'}`,
    `AIza${'SyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe'}`,
  ])('knows %s', word => {
    expect(isKnownToken(word)).toBe(true);
  });

  it('needs the whole word', () => {
    expect(isKnownToken('AKIA')).toBe(false);
    expect(isKnownToken('prefix-AKIAIOSFODNN7EXAMPLE')).toBe(false);
  });
});
