import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './runCli';

const ROOT_POD = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: risk
  namespace: trading
  annotations:
    cloud-native-platform.io/posture-exceptions: >-
      [{"check":"run-as-non-root","reason":"vendor image","owner":"group:default/trading","expires":"2027-03-31"}]
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: risk
          image: registry.example.com/risk:1.0.0
          securityContext: { runAsUser: 0 }
`;
const ROLE = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: everything }
rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]
`;

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cnp-posture-'));
  await fs.mkdir(path.join(dir, 'deploy', 'rbac'), { recursive: true });
  await fs.writeFile(path.join(dir, 'deploy', 'app.yaml'), ROOT_POD);
  await fs.writeFile(path.join(dir, 'deploy', 'rbac', 'role.yml'), ROLE);
  await fs.writeFile(
    path.join(dir, 'deploy', 'notes.txt'),
    'not: yaml: at all',
  );
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

async function run(argv: string[], now = '2027-01-01T00:00:00Z') {
  let stdout = '';
  let stderr = '';
  const code = await runCli({
    argv,
    cwd: dir,
    stdout: text => {
      stdout += text;
    },
    stderr: text => {
      stderr += text;
    },
    now: () => new Date(now),
  });
  return { code, stdout, stderr };
}

describe('cnp-posture audit', () => {
  it('prints a table with score, counts and findings by severity', async () => {
    const { code, stdout, stderr } = await run(['audit', 'deploy']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Security posture audit: 2 resources scored from 2 documents in 2 files/,
    );
    expect(stdout).toMatch(/Score: \d+\/100/);
    // The one workload has no sidecar, policies or mesh around it.
    expect(stdout).toContain(
      '\nMesh coverage: 0% (0 of 1 workloads with sidecar, STRICT mTLS, AuthorizationPolicy)\n',
    );
    expect(stdout).toContain(
      '\nCRITICAL (1)\n  rbac-admin-wildcard ClusterRole everything\n',
    );
    expect(stdout).toContain('EXCEPTED (1)');
    expect(stdout).toContain(
      'excepted: vendor image (group:default/trading, until 2027-03-31)',
    );
    for (const line of stdout.split('\n')) {
      expect(line.length).toBeLessThanOrEqual(100);
    }
  });

  it('writes the AuditReport as JSON and fails under the threshold', async () => {
    const { code, stdout, stderr } = await run([
      'audit',
      'deploy/app.yaml',
      path.join(dir, 'deploy', 'rbac'),
      '--format=json',
      '--fail-under',
      '99',
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: score \d+ is under --fail-under 99\n$/);
    const report = JSON.parse(stdout);
    expect(report.documents).toBe(2);
    expect(report.exceptedCount).toBe(1);
    expect(report.resources).toHaveLength(2);
    expect(report.findings[0].checkId).toBe('rbac-admin-wildcard');
    expect(Object.keys(report).sort()).toEqual([
      'counts',
      'documents',
      'exceptedCount',
      'findings',
      'generatedAt',
      'meshCoverage',
      'penalties',
      'resources',
      'score',
    ]);
    // One Deployment and no mesh: nothing covered.
    expect(report.meshCoverage).toEqual({ covered: 0, total: 1, ratio: 0 });
  });

  it('reports an expired workload exception', async () => {
    const { stdout } = await run(
      ['audit', 'deploy', '--format', 'json'],
      '2027-04-01T00:00:00Z',
    );
    const report = JSON.parse(stdout);
    expect(report.exceptedCount).toBe(0);
    expect(report.findings.map((f: any) => f.checkId)).toContain(
      'posture-exception-expired',
    );
  });

  it('writes SARIF with the file each object came from', async () => {
    const { code, stdout } = await run(['audit', '.', '--format', 'sarif']);
    expect(code).toBe(0);
    const sarif = JSON.parse(stdout);
    expect(sarif.version).toBe('2.1.0');
    const uris = new Set(
      sarif.runs[0].results.map(
        (r: any) => r.locations[0].physicalLocation.artifactLocation.uri,
      ),
    );
    expect(uris).toEqual(new Set(['deploy/app.yaml', 'deploy/rbac/role.yml']));
    const excepted = sarif.runs[0].results.filter((r: any) => r.suppressions);
    expect(excepted).toHaveLength(1);
  });

  it('honours --disable and --cluster-role', async () => {
    const plain = JSON.parse(
      (await run(['audit', 'deploy', '--format', 'json'])).stdout,
    );
    const tuned = JSON.parse(
      (
        await run([
          'audit',
          'deploy',
          '--format',
          'json',
          '--cluster-role',
          'production',
          '--disable',
          'rbac-admin-wildcard,host-ports',
        ])
      ).stdout,
    );
    const ids = (r: any) => r.findings.map((f: any) => f.checkId);
    expect(ids(plain)).toContain('rbac-admin-wildcard');
    expect(ids(tuned)).not.toContain('rbac-admin-wildcard');
    expect(ids(plain)).not.toContain('single-replica');
    expect(ids(tuned)).toContain('single-replica');
  });

  it('warns about bad exception entries and still audits', async () => {
    await fs.writeFile(
      path.join(dir, 'deploy', 'app.yaml'),
      ROOT_POD.replace('"vendor image"', '""'),
    );
    const { code, stderr } = await run(['audit', 'deploy']);
    expect(code).toBe(0);
    expect(stderr).toContain(
      'warning: deploy/app.yaml: Deployment trading/risk: cloud-native-platform.io/posture-exceptions entry 0 (run-as-non-root): reason',
    );
  });

  it.each([
    [[], 'no command given'],
    [['scan', 'x'], "unknown command 'scan'"],
    [['audit'], 'at least one file or directory'],
    [
      ['audit', 'deploy', '--format', 'xml'],
      '--format must be one of table, json, sarif',
    ],
    [['audit', 'deploy', '--fail-under', 'high'], '--fail-under needs a score'],
    [['audit', 'deploy', '--fail-under'], '--fail-under needs a value'],
    [
      ['audit', 'deploy', '--disable', 'no-such-check'],
      'no check named no-such-check',
    ],
    [['audit', 'deploy', '--verbose'], "unknown option '--verbose'"],
    [
      ['audit', 'deploy', '--namespace', 'Team_A'],
      "--namespace: namespace 'Team_A' is not a DNS label",
    ],
  ])('exits 2 on the usage error %j', async (argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toContain(message);
    expect(stderr).toContain('usage: cnp-posture audit');
  });

  it('audits objects without a namespace where kubectl would apply them', async () => {
    // A Deployment and its NetworkPolicy, written without a namespace.
    await fs.writeFile(
      path.join(dir, 'deploy', 'app.yaml'),
      `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: registry.example.com/web:1.0.0 }]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web }
spec:
  podSelector: { matchLabels: { app: web } }
  policyTypes: [Ingress]
`,
    );
    const policy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny, namespace: team-a }
spec: { podSelector: {} }
`;
    await fs.writeFile(path.join(dir, 'deploy', 'team-a.yaml'), policy);
    const findings = async (argv: string[]) =>
      JSON.parse(
        (await run(['audit', 'deploy', '--format', 'json', ...argv])).stdout,
      ).findings as Array<{ checkId: string; resource: any }>;

    const inDefault = await findings([]);
    expect(
      inDefault.filter(f => f.checkId === 'network-policy-missing'),
    ).toEqual([]);
    expect(
      inDefault.find(f => f.resource.kind === 'Deployment')?.resource,
    ).toMatchObject({ namespace: 'default', name: 'web' });

    const inTeamA = await findings(['--namespace', 'team-a']);
    expect(
      inTeamA.find(f => f.resource.kind === 'Deployment')?.resource,
    ).toMatchObject({ namespace: 'team-a', name: 'web' });
    expect(inTeamA.filter(f => f.checkId === 'network-policy-missing')).toEqual(
      [],
    );
  });

  it('prints the usage on --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('usage: cnp-posture audit');
  });

  it('names the file and document of a bad manifest, without a stack', async () => {
    await fs.writeFile(
      path.join(dir, 'deploy', 'app.yaml'),
      `${ROLE}---\n${ROLE}---\nkind: [oops\n`,
    );
    const { code, stderr } = await run(['audit', 'deploy']);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^error: deploy\/app\.yaml: document 3: line \d+: .+\n$/,
    );
  });

  it.each([
    [
      ['audit', 'missing.yaml'],
      'error: missing.yaml: no such file or directory\n',
    ],
    [
      ['audit', 'deploy/rbac/../../empty'],
      'error: deploy/rbac/../../empty: no such file or directory\n',
    ],
  ])('exits 2 on a path that cannot be read: %j', async (argv, message) => {
    const { code, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stderr).toBe(message);
  });

  it('exits 2 on a directory without manifests', async () => {
    await fs.mkdir(path.join(dir, 'empty'));
    const { code, stderr } = await run(['audit', 'empty']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'error: empty: no *.yaml, *.yml or *.json files in it\n',
    );
  });
});
