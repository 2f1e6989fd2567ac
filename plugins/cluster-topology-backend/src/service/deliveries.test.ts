import { PermissionsService } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
} from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { EntityDeliveriesResponse } from '@cloud-native-platform/plugin-cluster-topology-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { clusterTopologyPlugin } from '../plugin';

const MANIFESTS = `
apiVersion: v1
kind: Namespace
metadata: { name: trading }
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: trading-engine
  namespace: trading
  uid: d1
  labels: { backstage.io/kubernetes-id: trading-engine }
  annotations:
    argocd.argoproj.io/tracking-id: trading:apps/Deployment:trading/trading-engine
spec:
  replicas: 1
  template:
    metadata: { labels: { backstage.io/kubernetes-id: trading-engine } }
    spec: { containers: [{ name: engine, image: engine:1 }] }
---
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: { name: trading, namespace: argocd }
spec:
  destination: { server: https://kubernetes.default.svc, namespace: trading }
  syncPolicy: { automated: { prune: true, selfHeal: true } }
status:
  sync: { status: OutOfSync, revision: 3b1f0c2 }
  health: { status: Progressing }
  operationState: { phase: Succeeded, startedAt: '2026-11-30T10:00:00Z', finishedAt: '2026-11-30T10:00:20Z' }
---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: trading-engine
  namespace: trading
spec:
  workloadRef: { apiVersion: apps/v1, kind: Deployment, name: trading-engine }
  strategy:
    canary:
      steps: [{ setWeight: 10 }, { pause: {} }, { setWeight: 60 }, { pause: { duration: 5m } }]
status:
  phase: Progressing
  currentStepIndex: 2
  canary:
    currentStepAnalysisRunStatus: { name: engine-7, status: Running }
---
apiVersion: tekton.dev/v1
kind: PipelineRun
metadata:
  name: engine-release-1
  namespace: ci
  labels: { tekton.dev/pipeline: engine-release, backstage.io/kubernetes-id: trading-engine }
status:
  startTime: '2026-11-30T09:00:00Z'
  completionTime: '2026-11-30T09:12:00Z'
  conditions: [{ type: Succeeded, status: 'True', reason: Succeeded }]
`;

/** Allows cluster-topology.object.read on staging only, as a per-cluster rule would. */
function stagingOnly(calls: AuthorizePermissionRequest[][]) {
  return mockServices.permissions.mock({
    authorize: (async (requests: AuthorizePermissionRequest[]) => {
      // Reading the entity is the catalog's permission, allowed here.
      if (requests.every(r => r.permission.name === 'catalog.entity.read')) {
        return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
      }
      calls.push(requests);
      return requests.map(r => ({
        result:
          'resourceRef' in r && r.resourceRef === 'staging'
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      }));
    }) as PermissionsService['authorize'],
  }).factory;
}

describe('GET /api/cluster-topology/deliveries', () => {
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'topology-deliveries-'));
    for (const cluster of ['prod-east-a', 'staging']) {
      fs.mkdirSync(path.join(dir, cluster));
      fs.writeFileSync(path.join(dir, cluster, 'all.yaml'), MANIFESTS);
    }
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function start(calls: AuthorizePermissionRequest[][]) {
    const { server } = await startTestBackend({
      features: [
        clusterTopologyPlugin,
        stagingOnly(calls),
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: {
                name: 'trading-engine',
                namespace: 'default',
                annotations: {
                  'backstage.io/kubernetes-id': 'trading-engine',
                  'cloud-native-platform.io/clusters': 'prod-east-a,staging',
                },
              },
              spec: { type: 'service', owner: 'trading-team' },
            },
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            cloudNativePlatform: {
              clusters: ['prod-east-a', 'staging'].map(name => ({
                name,
                role: name === 'staging' ? 'staging' : 'production',
                manifests: { path: path.join(dir, name) },
              })),
            },
          },
        }),
      ],
    });
    const get = (query: string) =>
      request(server)
        .get(`/api/cluster-topology/deliveries${query}`)
        .set('Authorization', mockCredentials.user.header());
    // The manifests load in the background once the backend starts.
    for (let i = 0; i < 200; i++) {
      const res = await get('?entityRef=component:default/trading-engine');
      if (res.body.items?.length) break;
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    calls.length = 0;
    return get;
  }

  it("serves the Argo CD, Rollout and Tekton state of the entity's workloads", async () => {
    const calls: AuthorizePermissionRequest[][] = [];
    const get = await start(calls);
    const res = await get('?entityRef=trading-engine');
    expect(res.status).toBe(200);
    const body = res.body as EntityDeliveriesResponse;
    expect(body.items).toEqual([
      {
        cluster: 'staging',
        workload: {
          kind: 'Deployment',
          namespace: 'trading',
          name: 'trading-engine',
        },
        argocd: {
          application: 'argocd/trading',
          syncStatus: 'OutOfSync',
          health: 'Progressing',
          revision: '3b1f0c2',
          lastSyncAt: '2026-11-30T10:00:20Z',
          automated: true,
          selfHeal: true,
        },
        rollout: {
          strategy: 'canary',
          step: 2,
          totalSteps: 4,
          canaryWeight: 60,
          analysis: 'Running',
          phase: 'Progressing',
        },
        pipelineRuns: [
          {
            name: 'engine-release-1',
            pipeline: 'engine-release',
            status: 'Succeeded',
            startedAt: '2026-11-30T09:00:00Z',
            durationSeconds: 720,
          },
        ],
      },
    ]);
    // The cluster whose objects the caller may not read is named, not served.
    expect(body.errors).toEqual([
      {
        cluster: 'prod-east-a',
        error:
          'reading objects of cluster prod-east-a needs the cluster-topology.object.read permission',
      },
    ]);
    expect(calls).toHaveLength(1);
    expect(
      calls[0].map(r => 'resourceRef' in r && r.resourceRef).sort(),
    ).toEqual(['prod-east-a', 'staging']);
  });

  it('answers 400 without an entityRef and 404 for an entity not in the catalog', async () => {
    const get = await start([]);
    const missing = await get('');
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain(
      'entityRef query parameter is required',
    );
    const unknown = await get('?entityRef=component:default/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe(
      'no entity component:default/nope in the catalog',
    );
  });

  it('requires credentials', async () => {
    const { server } = await startTestBackend({
      features: [
        clusterTopologyPlugin,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.rootConfig.factory({
          data: { cloudNativePlatform: { clusters: [] } },
        }),
      ],
    });
    const res = await request(server).get(
      '/api/cluster-topology/deliveries?entityRef=trading-engine',
    );
    expect(res.status).toBe(401);
  });
});
