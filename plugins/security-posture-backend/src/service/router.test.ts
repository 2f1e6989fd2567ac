import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import fs from 'node:fs';
import request from 'supertest';
import { securityPosturePlugin } from '../plugin';
import {
  fleetCatalog,
  fleetConfig,
  waitFor,
  writeFleet,
} from './__testUtils__/fleet';

jest.setTimeout(30_000);

const CONFIG_EXCEPTION = {
  check: 'cpu-limits-missing',
  reason: 'CPU is not limited on purpose',
  owner: 'group:default/platform-team',
  expires: '2099-01-01',
  cluster: 'prod',
};

describe('security-posture router', () => {
  let fleet: ReturnType<typeof writeFleet>;
  beforeAll(() => {
    fleet = writeFleet();
  });
  afterAll(() => fs.rmSync(fleet.dir, { recursive: true, force: true }));

  async function start(...extra: any[]) {
    const { server } = await startTestBackend({
      features: [
        securityPosturePlugin,
        fleetCatalog(),
        fleetConfig(fleet.clusters, {
          securityPosture: { exceptions: [CONFIG_EXCEPTION] },
        }),
        ...extra,
      ],
    });
    const get = (url: string) =>
      request(server)
        .get(`/api/security-posture${url}`)
        .set('Authorization', mockCredentials.user.header());
    // Every cluster has been read once.
    await waitFor(async () => {
      const r = await get('/report?entityRef=trading-engine');
      return r.body.clusters?.every(
        (c: any) => c.error !== 'the cluster has not been read yet',
      )
        ? r
        : undefined;
    });
    return { server, get };
  }

  const finding = (body: any, checkId: string, name: string) =>
    body.findings.find(
      (f: any) => f.checkId === checkId && f.resource.name === name,
    );

  it('reports a cluster with the three sources of exceptions applied', async () => {
    const { get } = await start();
    const res = await get('/report?cluster=prod');
    expect(res.status).toBe(200);
    expect(res.body.scope).toEqual({ cluster: 'prod' });
    expect(res.body.score).toEqual(expect.any(Number));
    expect(res.body.clusters).toEqual([
      {
        cluster: 'prod',
        score: expect.any(Number),
        meshCoverage: { covered: 0, total: 2, ratio: 0 },
      },
    ]);
    expect(
      finding(res.body, 'run-as-non-root', 'trading-engine'),
    ).toMatchObject({
      resource: {
        cluster: 'prod',
        kind: 'Deployment',
        namespace: 'trading',
        name: 'trading-engine',
      },
    });
    expect(
      finding(res.body, 'run-as-non-root', 'trading-engine').excepted,
    ).toBeUndefined();
    // The workload's own annotation.
    expect(
      finding(res.body, 'run-as-non-root', 'risk-service').excepted,
    ).toMatchObject({ source: 'workload', reason: 'vendor image' });
    // The owning entity's annotation, found through the kubernetes-id label.
    expect(
      finding(res.body, 'readiness-probe-missing', 'trading-engine').excepted,
    ).toMatchObject({ source: 'entity' });
    expect(
      finding(res.body, 'readiness-probe-missing', 'risk-service').excepted,
    ).toBeUndefined();
    // Config, scoped to the cluster.
    expect(
      res.body.findings
        .filter((f: any) => f.checkId === 'cpu-limits-missing')
        .map((f: any) => f.excepted?.source),
    ).toEqual(['config', 'config']);
    expect(res.body.exceptedCount).toBeGreaterThan(2);
    expect(res.body.resources.map((r: any) => r.resource.name)).toEqual(
      expect.arrayContaining(['trading-engine', 'risk-service']),
    );
  });

  it('reports a namespace, and a degraded cluster with its error', async () => {
    const { get } = await start();
    const ns = await get('/report?cluster=prod&namespace=trading');
    expect(ns.body.scope).toEqual({ cluster: 'prod', namespace: 'trading' });
    expect(
      ns.body.findings.every((f: any) => f.resource.namespace === 'trading'),
    ).toBe(true);

    const staging = await get('/report?cluster=staging');
    expect(staging.status).toBe(200);
    expect(staging.body.clusters).toEqual([
      {
        cluster: 'staging',
        score: expect.any(Number),
        meshCoverage: { covered: 0, total: 2, ratio: 0 },
        error: expect.stringContaining('broken.yaml'),
      },
    ]);
  });

  it("reports an entity's workloads in every cluster, with its exceptions", async () => {
    const { get } = await start();
    const res = await get('/report?entityRef=trading-engine');
    expect(res.status).toBe(200);
    expect(res.body.scope).toEqual({
      entityRef: 'component:default/trading-engine',
    });
    expect(res.body.clusters.map((c: any) => c.cluster)).toEqual([
      'prod',
      'staging',
      'dr',
    ]);
    expect(res.body.clusters[1].error).toContain('broken.yaml');
    const resources = new Set(
      res.body.findings.map(
        (f: any) => `${f.resource.kind}/${f.resource.name}`,
      ),
    );
    // Its workload's findings, and the network findings of its namespace.
    expect([...resources].sort()).toEqual([
      'Deployment/trading-engine',
      'Namespace/trading',
    ]);
    expect(
      res.body.findings
        .filter((f: any) => f.resource.kind === 'Namespace')
        .every((f: any) => ['mesh', 'network'].includes(f.category)),
    ).toBe(true);
    expect(
      res.body.findings
        .filter((f: any) => f.checkId === 'readiness-probe-missing')
        .map((f: any) => f.excepted?.source),
    ).toEqual(['entity', 'entity', 'entity']);
  });

  it("reports a team's components", async () => {
    const { get } = await start();
    const res = await get('/report?team=trading-team');
    expect(res.status).toBe(200);
    expect(res.body.scope).toEqual({ team: 'group:default/trading-team' });
    expect(
      new Set(
        res.body.findings
          .filter((f: any) => f.resource.kind !== 'Namespace')
          .map((f: any) => f.resource.name),
      ),
    ).toEqual(new Set(['trading-engine']));
  });

  it('serves the overview worst first, with teams from the catalog', async () => {
    const { get } = await start();
    const res = await get('/overview');
    expect(res.status).toBe(200);
    expect(res.body.clusters.map((c: any) => [c.name, c.role])).toEqual([
      ['prod', 'production'],
      ['staging', 'staging'],
      ['dr', 'disaster-recovery'],
    ]);
    expect(res.body.clusters[1].error).toContain('broken.yaml');
    expect(res.body.namespaces.map((n: any) => n.name)).toEqual(
      expect.arrayContaining(['prod/trading', 'staging/trading', 'dr/trading']),
    );
    expect(res.body.teams.map((t: any) => t.name)).toEqual([
      'group:default/trading-team',
    ]);
    expect(res.body.topChecks[0]).toEqual({
      checkId: expect.any(String),
      title: expect.any(String),
      severity: expect.any(String),
      category: expect.any(String),
      count: expect.any(Number),
    });
  });

  it('returns the mesh coverage of a cluster, a namespace, an entity and the fleet', async () => {
    const { get } = await start();
    // dr: payments-api is covered; trading-engine and risk-service run
    // without sidecars. prod and staging run no mesh: 0 of 2 each.
    const dr = await get('/report?cluster=dr');
    expect(dr.body.meshCoverage).toEqual({
      covered: 1,
      total: 3,
      ratio: 1 / 3,
    });
    expect(dr.body.clusters).toEqual([
      {
        cluster: 'dr',
        score: expect.any(Number),
        meshCoverage: { covered: 1, total: 3, ratio: 1 / 3 },
      },
    ]);
    expect(
      dr.body.findings
        .filter((f: any) => f.checkId === 'mesh-sidecar-missing')
        .map((f: any) => `${f.severity} ${f.resource.name}`),
    ).toEqual(['medium risk-service', 'medium trading-engine']);

    const payments = await get('/report?cluster=dr&namespace=payments');
    expect(payments.body.meshCoverage).toEqual({
      covered: 1,
      total: 1,
      ratio: 1,
    });

    const entity = await get('/report?entityRef=trading-engine');
    expect(entity.body.meshCoverage).toEqual({
      covered: 0,
      total: 3,
      ratio: 0,
    });

    const fleetReport = await get('/report');
    expect(fleetReport.body.meshCoverage).toEqual({
      covered: 1,
      total: 7,
      ratio: 1 / 7,
    });

    const overview = await get('/overview');
    expect(overview.body.meshCoverage).toEqual(fleetReport.body.meshCoverage);
    expect(
      overview.body.clusters.map((c: any) => [c.name, c.meshCoverage]),
    ).toEqual([
      ['prod', { covered: 0, total: 2, ratio: 0 }],
      ['staging', { covered: 0, total: 2, ratio: 0 }],
      ['dr', { covered: 1, total: 3, ratio: 1 / 3 }],
    ]);
    expect(
      overview.body.namespaces.find((n: any) => n.name === 'dr/payments')
        .meshCoverage,
    ).toEqual({ covered: 1, total: 1, ratio: 1 });
  });

  it('lists every check, the runtime ones included', async () => {
    const { get } = await start();
    const ids = (await get('/checks')).body.items.map((c: any) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'run-as-non-root',
        'posture-exception-expired',
        'falco-critical',
      ]),
    );
  });

  it.each([
    ['/report?foo=1', 400, 'unknown query parameter foo'],
    [
      '/report?cluster=prod&team=x',
      400,
      'give one of entityRef, cluster or team',
    ],
    ['/report?namespace=trading', 400, 'namespace needs a cluster'],
    ['/report?cluster=a&cluster=b', 400, 'cluster must be given once'],
    ['/report?entityRef=', 400, 'entityRef must not be empty'],
    ['/report?entityRef=component:default/', 400, 'is not an entity reference'],
    [
      '/report?cluster=nope',
      404,
      'no cluster named nope; clusters are prod, staging, dr',
    ],
    [
      '/report?cluster=prod&namespace=nope',
      404,
      'cluster prod has no namespace nope',
    ],
    ['/report?entityRef=nope', 404, 'no entity component:default/nope'],
    ['/report?team=nope', 404, 'no team group:default/nope'],
    ['/history?days=0', 400, "days '0' must be a whole number from 1 to 365"],
    ['/history?days=1.5', 400, "days '1.5' must be a whole number"],
    ['/history?cluster=nope', 404, 'no cluster named nope'],
    ['/overview?cluster=prod', 400, 'unknown query parameter cluster'],
  ])('answers %s with %i', async (url, status, message) => {
    const { get } = await start();
    const res = await get(url);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toContain(message);
  });

  it('serves its OpenAPI spec at /openapi.json', async () => {
    const { get } = await start();
    const res = await get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.0.3');
    expect(Object.keys(res.body.paths).sort()).toEqual(
      ['audit', 'checks', 'falco', 'history', 'overview', 'report'].map(
        p => `/api/security-posture/${p}`,
      ),
    );
  });

  it('leaves out clusters the caller may not read', async () => {
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(r => ({
          result:
            (r as any).resourceRef === 'dr'
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })),
    });
    const { get } = await start(permissions.factory);
    const denied = await get('/report?cluster=dr');
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toContain('cluster dr');

    const entity = await get('/report?entityRef=trading-engine');
    expect(entity.body.clusters).toContainEqual({
      cluster: 'dr',
      error: 'not permitted',
    });
    expect(
      entity.body.findings.some((f: any) => f.resource.cluster === 'dr'),
    ).toBe(false);

    const overview = await get('/overview');
    expect(overview.body.clusters.find((c: any) => c.name === 'dr')).toEqual({
      name: 'dr',
      error: 'not permitted',
      resources: 0,
      counts: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
    });
    expect(
      overview.body.namespaces.some((n: any) => n.name.startsWith('dr/')),
    ).toBe(false);

    expect((await get('/history')).status).toBe(403);
    expect((await get('/history?cluster=prod')).status).toBe(200);
  });

  it('requires credentials', async () => {
    const { server } = await startTestBackend({
      features: [
        securityPosturePlugin,
        fleetCatalog(),
        fleetConfig(fleet.clusters),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
    const res = await request(server).get('/api/security-posture/overview');
    expect(res.status).toBe(401);
  });
});
