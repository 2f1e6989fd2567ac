import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import fs from 'node:fs';
import request from 'supertest';
import { securityPosturePlugin } from '../../plugin';
import {
  fleetCatalog,
  fleetConfig,
  waitFor,
  writeFleet,
} from '../__testUtils__/fleet';

jest.setTimeout(30_000);

const ALERT = {
  uuid: '0b1c2d3e-0000-4000-8000-000000000001',
  output: 'Notice A shell was spawned in a container (user=root shell=bash)',
  priority: 'Notice',
  rule: 'Terminal shell in container',
  time: '2026-11-26T10:00:00.123456789Z',
  source: 'syscall',
  tags: ['container', 'shell'],
  hostname: 'node-1',
  output_fields: {
    'k8s.ns.name': 'trading',
    'k8s.pod.name': 'trading-engine-5d4f-abcde',
    'container.name': 'engine',
    'container.image.repository': 'registry.example.com/trading/engine',
  },
};

/** mockCredentials.service() is external:test-service. */
const SENDERS = {
  securityPosture: {
    falco: {
      senders: [
        { subject: 'test-service', clusters: ['prod', 'dr', 'elsewhere'] },
      ],
    },
  },
};

describe('POST /api/security-posture/falco', () => {
  let fleet: ReturnType<typeof writeFleet>;
  beforeAll(() => {
    fleet = writeFleet();
  });
  afterAll(() => fs.rmSync(fleet.dir, { recursive: true, force: true }));

  async function start() {
    const { server } = await startTestBackend({
      features: [
        securityPosturePlugin,
        fleetCatalog(),
        fleetConfig(fleet.clusters, SENDERS),
      ],
    });
    const get = (url: string) =>
      request(server)
        .get(`/api/security-posture${url}`)
        .set('Authorization', mockCredentials.user.header());
    const post = (url: string, body: unknown) =>
      request(server)
        .post(`/api/security-posture${url}`)
        .set('Authorization', mockCredentials.service.header())
        .send(body as object);
    await waitFor(async () => {
      const r = await get('/report?cluster=prod');
      return r.body.resources?.length > 0 ? r : undefined;
    });
    return { server, get, post };
  }

  const runtime = (report: any) =>
    report.findings.filter((f: any) => f.category === 'runtime');

  it('stores an alert on the workload of its pod and reports it', async () => {
    const { get, post } = await start();
    const res = await post('/falco?cluster=prod', ALERT);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({
      duplicate: false,
      cluster: 'prod',
      workload: {
        kind: 'Deployment',
        namespace: 'trading',
        name: 'trading-engine',
      },
    });

    const report = await get('/report?cluster=prod');
    expect(runtime(report.body)).toEqual([
      expect.objectContaining({
        checkId: 'falco-notice',
        severity: 'low',
        resource: {
          cluster: 'prod',
          kind: 'Deployment',
          namespace: 'trading',
          name: 'trading-engine',
          container: 'engine',
        },
        message: expect.stringContaining('Terminal shell in container'),
      }),
    ]);
    const entity = await get('/report?entityRef=trading-engine');
    expect(runtime(entity.body)).toHaveLength(1);
    // Another cluster's report does not see it.
    expect(runtime((await get('/report?cluster=dr')).body)).toEqual([]);
  });

  it('drops a repeated uuid and counts repeats of a rule in one finding', async () => {
    const { get, post } = await start();
    await post('/falco?cluster=prod', ALERT);
    const again = await post('/falco?cluster=prod', ALERT);
    expect(again.status).toBe(202);
    expect(again.body.duplicate).toBe(true);
    await post('/falco', {
      ...ALERT,
      uuid: undefined,
      output_fields: { ...ALERT.output_fields, 'k8s.cluster.name': 'prod' },
    });
    const [finding] = runtime((await get('/report?cluster=prod')).body);
    expect(finding.message).toMatch(/\(2 alerts in the last 14 days\)$/);
  });

  it('reads the cluster from a tag, and stores alerts of unknown clusters unattributed', async () => {
    const { get, post } = await start();
    const tagged = await post('/falco', {
      ...ALERT,
      uuid: 'tagged',
      tags: ['cluster:dr'],
    });
    expect(tagged.body.cluster).toBe('dr');
    const unknown = await post('/falco?cluster=elsewhere', {
      ...ALERT,
      uuid: 'unknown',
    });
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual({ duplicate: false });
    expect(runtime((await get('/report?cluster=dr')).body)).toHaveLength(1);
    expect(runtime((await get('/report?cluster=prod')).body)).toEqual([]);
    // The overview counts the alert no cluster took.
    expect((await get('/overview')).body.unattributedFalcoAlerts).toBe(1);
  });

  it.each([
    [
      { ...ALERT, rule: '' },
      'invalid Falco payload: rule must be a non-empty string',
    ],
    [{ ...ALERT, priority: 'Loud' }, "priority 'Loud' is not a Falco priority"],
    [{ ...ALERT, output_fields: 'x' }, 'output_fields must be an object'],
    ['not json', 'invalid Falco payload'],
  ])(
    'rejects a malformed payload (#%#) and stores nothing',
    async (body, message) => {
      const { get, post } = await start();
      const res = await post('/falco?cluster=prod', body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
      expect(runtime((await get('/report?cluster=prod')).body)).toEqual([]);
    },
  );

  it('rejects unknown query parameters', async () => {
    const { post } = await start();
    const res = await post('/falco?clusterName=prod', ALERT);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(
      'unknown query parameter clusterName',
    );
  });

  it('takes only service tokens, each for its own clusters', async () => {
    const { server } = await startTestBackend({
      features: [
        securityPosturePlugin,
        fleetCatalog(),
        fleetConfig(fleet.clusters, {
          securityPosture: {
            falco: {
              senders: [
                { subject: 'test-service', clusters: ['prod'] },
                { subject: 'falco-dr', clusters: ['dr'] },
              ],
            },
          },
        }),
      ],
    });
    const post = (url: string, auth: string, body: unknown = ALERT) =>
      request(server)
        .post(`/api/security-posture${url}`)
        .set('Authorization', auth)
        .send(body as object);
    const user = await post(
      '/falco?cluster=prod',
      mockCredentials.user.header(),
    );
    expect(user.status).toBe(403);
    expect(user.body.error.message).toContain('security-posture.falco.create');

    const service = mockCredentials.service.header();
    const foreign = await post('/falco?cluster=dr', service);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.message).toBe(
      'service test-service may post Falco events for prod, not for cluster dr',
    );
    // A sender of one cluster need not name it.
    const implicit = await post('/falco', service);
    expect(implicit.status).toBe(202);
    expect(implicit.body.cluster).toBe('prod');

    const unlisted = await post(
      '/falco?cluster=prod',
      mockCredentials.service.header({
        onBehalfOf: mockCredentials.service('external:other'),
        targetPluginId: 'security-posture',
      }),
    );
    expect(unlisted.status).toBe(403);
    expect(unlisted.body.error.message).toContain(
      'service other may post Falco events for no cluster',
    );
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
    const res = await request(server)
      .post('/api/security-posture/falco')
      .send(ALERT);
    expect(res.status).toBe(401);
  });
});
