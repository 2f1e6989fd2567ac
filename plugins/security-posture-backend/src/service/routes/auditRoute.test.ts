import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { securityPosturePlugin } from '../../plugin';
import { fleetCatalog, fleetConfig } from '../__testUtils__/fleet';

jest.setTimeout(30_000);

const MANIFESTS = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  annotations:
    cloud-native-platform.io/posture-exceptions: '[{"check":"run-as-non-root","reason":"legacy","owner":"group:default/web","expires":"2099-01-01"}]'
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: web
          image: nginx:latest
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop }
spec: { ports: [{ port: 80 }] }
`;

describe('POST /api/security-posture/audit', () => {
  async function start() {
    const { server } = await startTestBackend({
      features: [securityPosturePlugin, fleetCatalog(), fleetConfig([])],
    });
    return (query = '', type = 'application/yaml') =>
      request(server)
        .post(`/api/security-posture/audit${query}`)
        .set('Authorization', mockCredentials.user.header())
        .set('Content-Type', type);
  }

  it('audits YAML with workload exceptions', async () => {
    const post = await start();
    const res = await post('?clusterRole=production').send(MANIFESTS);
    expect(res.status).toBe(200);
    expect(res.body.documents).toBe(2);
    expect(res.body.score).toEqual(expect.any(Number));
    const checks = res.body.findings.map((f: any) => f.checkId);
    expect(checks).toEqual(
      expect.arrayContaining(['image-tag-latest', 'single-replica']),
    );
    expect(
      res.body.findings.find((f: any) => f.checkId === 'run-as-non-root')
        .excepted,
    ).toMatchObject({ source: 'workload' });
    expect(res.body.resources).toEqual([
      {
        resource: { kind: 'Deployment', namespace: 'shop', name: 'web' },
        score: expect.any(Number),
      },
    ]);
  });

  it('reports a lone PERMISSIVE PeerAuthentication, and no coverage without workloads', async () => {
    const post = await start();
    const res = await post().send(`
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: { name: default, namespace: shop }
spec: { mtls: { mode: PERMISSIVE } }
`);
    expect(res.status).toBe(200);
    expect(
      res.body.findings.map((f: any) => [
        f.checkId,
        f.resource.kind,
        f.category,
      ]),
    ).toEqual([['mesh-mtls-permissive', 'PeerAuthentication', 'mesh']]);
    expect(res.body.meshCoverage).toEqual({
      covered: 0,
      total: 0,
      ratio: null,
    });
  });

  it('returns the mesh coverage of the audited workloads', async () => {
    const post = await start();
    const res = await post().send(`${MANIFESTS}
---
apiVersion: v1
kind: Namespace
metadata: { name: shop, labels: { istio-injection: enabled } }
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: { name: default, namespace: istio-system }
spec: { mtls: { mode: STRICT } }
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: { name: deny-admin, namespace: shop }
spec:
  action: DENY
  rules: [{ to: [{ operation: { paths: [/admin] } }] }]
`);
    expect(res.body.meshCoverage).toEqual({ covered: 1, total: 1, ratio: 1 });
  });

  it.each(['text/yaml', 'application/x-yaml', 'text/plain'])(
    'reads %s',
    async type => {
      const post = await start();
      const res = await post('', type).send(MANIFESTS);
      expect(res.status).toBe(200);
      expect(res.body.documents).toBe(2);
    },
  );

  it('audits objects without a namespace in ?namespace= (default `default`), where kubectl would apply them', async () => {
    const post = await start();
    const manifests = MANIFESTS.replace(/ *namespace: shop\n/, '')
      .replace('namespace: shop ', '')
      .concat(
        `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: deny }
spec: { podSelector: {} }
`,
      );
    const inDefault = await post().send(manifests);
    expect(inDefault.status).toBe(200);
    expect(inDefault.body.resources.map((r: any) => r.resource)).toEqual([
      { kind: 'Deployment', namespace: 'default', name: 'web' },
    ]);
    const checks = inDefault.body.findings.map((f: any) => f.checkId);
    expect(checks).toContain('image-tag-latest');
    expect(checks).not.toContain('network-policy-missing');

    const inTeam = await post('?namespace=team-a').send(manifests);
    expect(inTeam.body.resources.map((r: any) => r.resource)).toEqual([
      { kind: 'Deployment', namespace: 'team-a', name: 'web' },
    ]);
    const bad = await post('?namespace=Team_A').send(manifests);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("namespace 'Team_A'");
  });

  it('reads JSON and returns SARIF on request', async () => {
    const post = await start();
    const json = JSON.stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'x' },
      spec: { containers: [{ name: 'c', image: 'busybox' }] },
    });
    const res = await post('', 'application/json').send(json);
    expect(res.status).toBe(200);
    expect(res.body.documents).toBe(1);
    const sarif = await post('?format=sarif', 'application/json').send(json);
    expect(sarif.status).toBe(200);
    expect(sarif.headers['content-type']).toContain('application/sarif+json');
    expect(JSON.parse(sarif.text)).toMatchObject({ version: '2.1.0' });
  });

  it.each([
    ['', 'kind: Pod\nmetadata: [broken\n', 400, 'request body'],
    [
      '?clusterRole=prod',
      MANIFESTS,
      400,
      "clusterRole 'prod' is not a cluster role",
    ],
    ['?format=xml', MANIFESTS, 400, "format 'xml' is not one of json, sarif"],
    ['?cluster=prod', MANIFESTS, 400, 'unknown query parameter cluster'],
  ])('answers %s with %i', async (query, body, status, message) => {
    const post = await start();
    const res = await post(query).send(body);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toContain(message);
  });

  it('refuses other media types and bodies above 10 MB', async () => {
    const post = await start();
    const other = await post('', 'application/octet-stream').send(
      Buffer.from(MANIFESTS),
    );
    expect(other.status).toBe(415);
    expect(other.body.error.message).toContain('application/yaml');

    const big = await post().send(`# ${'x'.repeat(10 * 1024 * 1024)}\n`);
    expect(big.status).toBe(413);
    expect(big.body.error.message).toContain('10 MB');
  });
});
