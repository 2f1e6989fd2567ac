import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { SECURITY_POSTURE_CLUSTER_RESOURCE_TYPE } from '@cloud-native-platform/plugin-security-posture-common';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { securityPosturePlugin } from './plugin';
import {
  fleetCatalog,
  fleetConfig,
  waitFor,
  writeFleet,
} from './service/__testUtils__/fleet';

jest.setTimeout(30_000);

describe('securityPosturePlugin', () => {
  let fleet: ReturnType<typeof writeFleet>;
  beforeAll(() => {
    fleet = writeFleet();
  });
  afterAll(() => fs.rmSync(fleet.dir, { recursive: true, force: true }));

  it('registers its permission, resource type and IS_CLUSTER rule', async () => {
    const { server } = await startTestBackend({
      features: [
        securityPosturePlugin,
        fleetCatalog(),
        fleetConfig(fleet.clusters),
      ],
    });
    const metadata = await request(server).get(
      '/api/security-posture/.well-known/backstage/permissions/metadata',
    );
    expect(metadata.body.permissions).toContainEqual(
      expect.objectContaining({
        name: 'security-posture.report.read',
        resourceType: SECURITY_POSTURE_CLUSTER_RESOURCE_TYPE,
      }),
    );
    expect(metadata.body.rules).toContainEqual(
      expect.objectContaining({
        name: 'IS_CLUSTER',
        resourceType: SECURITY_POSTURE_CLUSTER_RESOURCE_TYPE,
        paramsSchema: expect.objectContaining({
          required: ['clusters'],
        }),
      }),
    );

    const condition = {
      rule: 'IS_CLUSTER',
      resourceType: SECURITY_POSTURE_CLUSTER_RESOURCE_TYPE,
      params: { clusters: ['prod'] },
    };
    const applied = await request(server)
      .post(
        '/api/security-posture/.well-known/backstage/permissions/apply-conditions',
      )
      .set('Authorization', mockCredentials.service.header())
      .send({
        items: ['prod', 'dr', 'nope'].map(name => ({
          id: name,
          resourceRef: name,
          resourceType: SECURITY_POSTURE_CLUSTER_RESOURCE_TYPE,
          conditions: condition,
        })),
      });
    expect(applied.status).toBe(200);
    expect(applied.body.items.map((i: any) => [i.id, i.result])).toEqual([
      ['prod', 'ALLOW'],
      ['dr', 'DENY'],
      ['nope', 'DENY'],
    ]);

    const invalid = await request(server)
      .post(
        '/api/security-posture/.well-known/backstage/permissions/apply-conditions',
      )
      .set('Authorization', mockCredentials.service.header())
      .send({
        items: [
          {
            id: '1',
            resourceRef: 'prod',
            resourceType: SECURITY_POSTURE_CLUSTER_RESOURCE_TYPE,
            conditions: { ...condition, params: { clusters: 'prod' } },
          },
        ],
      });
    expect(invalid.status).toBe(400);
  });

  it('schedules a global snapshot task whose scores /history serves', async () => {
    const scheduler = mockServices.scheduler.mock();
    const { server } = await startTestBackend({
      features: [
        securityPosturePlugin,
        fleetCatalog(),
        fleetConfig(fleet.clusters, {
          securityPosture: { history: { frequency: { minutes: 30 } } },
        }),
        scheduler.factory,
      ],
    });
    const get = (url: string) =>
      request(server)
        .get(`/api/security-posture${url}`)
        .set('Authorization', mockCredentials.user.header());
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'security-posture-snapshots',
        scope: 'global',
        frequency: { minutes: 30 },
        timeout: { minutes: 5 },
        initialDelay: { minutes: 1 },
      }),
    );
    await waitFor(async () => {
      const r = await get('/report?cluster=prod');
      return r.body.resources?.length > 0 ? r : undefined;
    });
    expect((await get('/history')).body).toEqual({ scope: {}, points: [] });

    const { fn } = scheduler.scheduleTask.mock.calls[0][0];
    await (fn as any)(new AbortController().signal);

    const report = await get('/report?cluster=prod');
    const cluster = await get('/history?cluster=prod');
    expect(cluster.status).toBe(200);
    expect(cluster.body).toEqual({
      scope: { cluster: 'prod' },
      points: [
        {
          takenAt: expect.any(String),
          score: report.body.score,
          counts: report.body.counts,
        },
      ],
    });
    const entity = await get('/report?entityRef=trading-engine');
    const entityTrend = await get('/history?entityRef=trading-engine&days=7');
    expect(entityTrend.body.scope).toEqual({
      entityRef: 'component:default/trading-engine',
    });
    expect(entityTrend.body.points.map((p: any) => p.score)).toEqual([
      entity.body.score,
    ]);
    for (const url of [
      '/history',
      '/history?team=trading-team',
      '/history?cluster=prod&namespace=trading',
    ]) {
      expect((await get(url)).body.points).toHaveLength(1);
    }
  });

  it('reports the demo fleet without errors', async () => {
    const demo = path.resolve(__dirname, '../../../examples/clusters');
    const { server } = await startTestBackend({
      features: [
        securityPosturePlugin,
        fleetCatalog(),
        fleetConfig(
          ['prod-east-a', 'prod-east-b', 'dr-west', 'staging'].map(name => ({
            name,
            role: name.startsWith('prod') ? 'production' : 'staging',
            manifests: { path: path.join(demo, name) },
          })),
        ),
      ],
    });
    const res = await waitFor(async () => {
      const r = await request(server)
        .get('/api/security-posture/overview')
        .set('Authorization', mockCredentials.user.header());
      return r.body.clusters?.every((c: any) => c.resources > 0)
        ? r
        : undefined;
    });
    expect(res.status).toBe(200);
    expect(res.body.clusters.map((c: any) => c.error)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(res.body.namespaces.length).toBeGreaterThan(4);
    expect(res.body.topChecks.length).toBeGreaterThan(0);
  });
});
