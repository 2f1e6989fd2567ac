import type {
  Deployment,
  VirtualService,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { planEviction } from './actions/planEviction';
import { planRollback, REVISION_ANNOTATION } from './actions/planRollback';
import { planTrafficShift } from './actions/planTrafficShift';
import { ClusterObject, objectsView } from './objects';

const now = new Date('2026-11-26T10:00:00Z');

const deployment = (name: string, revision?: number): ClusterObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name,
    namespace: 'trading',
    uid: `uid-${name}`,
    labels: { 'app.kubernetes.io/name': name },
    annotations: revision ? { [REVISION_ANNOTATION]: String(revision) } : {},
  },
  spec: {
    replicas: 3,
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name, image: `${name}:2.4.1` }] },
    },
  },
});

const virtualService = {
  apiVersion: 'networking.istio.io/v1',
  kind: 'VirtualService',
  metadata: { name: 'trading-engine', namespace: 'trading', uid: 'vs' },
  spec: {
    hosts: ['trading-engine.trading.svc.cluster.local'],
    http: [
      {
        name: 'primary',
        route: [
          {
            destination: {
              host: 'trading-engine.trading.svc.cluster.local',
              subset: 'stable',
            },
            weight: 90,
          },
          {
            destination: {
              host: 'trading-engine.trading.svc.cluster.local',
              subset: 'canary',
            },
            weight: 10,
          },
        ],
      },
    ],
  },
} as VirtualService;

describe('planTrafficShift', () => {
  it('moves the canary share to the stable subset as a merge patch of the whole routes', () => {
    const workload = deployment('trading-engine');
    const view = objectsView([workload, virtualService]);
    const result = planTrafficShift(
      { view, workload, now },
      { percent: 100, toSubset: 'stable' },
    );
    if (!result.ok) throw new Error(result.reason);
    const { plan } = result;
    expect(plan.change.object).toBe('VirtualService trading/trading-engine');
    expect(plan.change.before).toContain('weight: 10\n');
    expect(plan.change.after).toContain('weight: 100\n');
    expect(plan.change.after).toContain('weight: 0\n');
    expect(plan.patch).toMatchObject({
      method: 'PATCH',
      path: '/apis/networking.istio.io/v1/namespaces/trading/virtualservices/trading-engine',
      contentType: 'application/merge-patch+json',
    });
    const after = plan.applyPatch(virtualService) as VirtualService;
    expect(after.spec!.http![0].route!.map(d => d.weight)).toEqual([100, 0]);
    expect(after.spec!.http![0].name).toBe('primary');
    expect(after.spec!.hosts).toEqual(virtualService.spec!.hosts);
    // What a live cluster receives is what the manifests cluster applies.
    expect((plan.patch.body as any).spec.http).toEqual(after.spec!.http);
    expect(virtualService.spec!.http![0].route![0].weight).toBe(90);
    expect(plan.podsRemoved).toBe(0);
  });

  it('shifts part of the traffic toward a cluster and says when it cannot', () => {
    const workload = deployment('trading-engine');
    const vs = structuredClone(virtualService);
    vs.spec!.http![0].route = [
      {
        destination: { host: 'trading-engine.prod-east-a.global' },
        weight: 50,
      },
      {
        destination: { host: 'trading-engine.prod-east-b.global' },
        weight: 50,
      },
    ];
    const view = objectsView([workload, vs]);
    const half = planTrafficShift(
      { view, workload, now },
      { percent: 30, toCluster: 'prod-east-b' },
    );
    if (!half.ok) throw new Error(half.reason);
    expect(
      (half.plan.applyPatch(vs) as VirtualService).spec!.http![0].route!.map(
        d => d.weight,
      ),
    ).toEqual([20, 80]);

    const nowhere = planTrafficShift(
      { view, workload, now },
      { percent: 30, toSubset: 'blue' },
    );
    expect(nowhere).toMatchObject({ ok: false });
    const other = deployment('risk-service');
    expect(
      planTrafficShift(
        { view: objectsView([other, vs]), workload: other, now },
        { percent: 30, toSubset: 'stable' },
      ),
    ).toEqual({
      ok: false,
      reason: 'no VirtualService in trading routes to risk-service',
    });
  });
});

describe('planRollback', () => {
  const replicaSet = (revision: number, image: string): ClusterObject => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `trading-engine-${revision}`,
      namespace: 'trading',
      uid: `rs-${revision}`,
      annotations: { [REVISION_ANNOTATION]: String(revision) },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'trading-engine',
          uid: 'uid-trading-engine',
          controller: true,
        },
      ],
    },
    spec: {
      template: {
        metadata: {
          labels: {
            app: 'trading-engine',
            'pod-template-hash': `h${revision}`,
          },
        },
        spec: { containers: [{ name: 'trading-engine', image }] },
      },
    },
  });

  it('puts back the pod template of the previous revision as a JSON patch', () => {
    const workload = deployment('trading-engine', 4);
    const view = objectsView([
      workload,
      replicaSet(2, 'trading-engine:2.3.0'),
      replicaSet(3, 'trading-engine:2.4.0'),
      replicaSet(4, 'trading-engine:2.4.1'),
    ]);
    const result = planRollback({ view, workload, now });
    if (!result.ok) throw new Error(result.reason);
    const { plan } = result;
    expect(plan.change.description).toBe(
      'Roll back Deployment trading-engine from revision 4 to revision 3 (ReplicaSet trading-engine-3)',
    );
    expect(plan.change.before).toContain('image: trading-engine:2.4.1');
    expect(plan.change.after).toContain('image: trading-engine:2.4.0');
    expect(plan.change.after).not.toContain('pod-template-hash');
    const template = {
      metadata: { labels: { app: 'trading-engine' } },
      spec: {
        containers: [{ name: 'trading-engine', image: 'trading-engine:2.4.0' }],
      },
    };
    expect(plan.patch).toEqual({
      method: 'PATCH',
      path: '/apis/apps/v1/namespaces/trading/deployments/trading-engine',
      contentType: 'application/json-patch+json',
      body: [{ op: 'replace', path: '/spec/template', value: template }],
    });
    const after = plan.applyPatch(workload) as Deployment;
    expect(after.spec!.template).toEqual(template);
    expect(after.spec!.replicas).toBe(3);
    expect(
      (workload as Deployment).spec!.template.spec!.containers[0].image,
    ).toBe('trading-engine:2.4.1');
  });

  it('needs a Deployment with an earlier revision', () => {
    const workload = deployment('trading-engine', 2);
    const view = objectsView([workload, replicaSet(2, 'trading-engine:2.3.0')]);
    expect(planRollback({ view, workload, now })).toMatchObject({
      ok: false,
      reason: expect.stringContaining(
        'no ReplicaSet of an earlier revision than 2',
      ),
    });
    const set = { ...workload, kind: 'StatefulSet' };
    expect(planRollback({ view, workload: set, now })).toEqual({
      ok: false,
      reason: 'rollback needs a Deployment, not a StatefulSet',
    });
  });
});

describe('planEviction', () => {
  const pod = (i: number, ready: boolean, restarts: number): ClusterObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `risk-service-${i}`,
      namespace: 'trading',
      uid: `pod-${i}`,
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'risk-service',
          uid: 'uid-risk-service',
        },
      ],
    },
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
      containerStatuses: [{ name: 'risk', restartCount: restarts }],
    },
  });
  const workload = deployment('risk-service');
  const view = objectsView([
    workload,
    pod(1, true, 9),
    pod(2, false, 3),
    pod(3, false, 7),
  ]);

  it('evicts the sickest pod through the Eviction API', () => {
    const result = planEviction({ view, workload, now });
    if (!result.ok) throw new Error(result.reason);
    const { plan } = result;
    expect(plan.object).toMatchObject({ kind: 'Pod', name: 'risk-service-3' });
    expect(plan.patch).toEqual({
      method: 'POST',
      path: '/api/v1/namespaces/trading/pods/risk-service-3/eviction',
      contentType: 'application/json',
      body: {
        apiVersion: 'policy/v1',
        kind: 'Eviction',
        metadata: { name: 'risk-service-3', namespace: 'trading' },
      },
    });
    expect(plan.change.before).toContain('name: risk-service-3');
    expect(plan.change.after).toBeUndefined();
    expect(plan.applyPatch(plan.pods[0])).toBeNull();
    expect(plan.podsRemoved).toBe(1);
  });

  it('evicts the named pod, and only a pod of the workload', () => {
    const named = planEviction({ view, workload, now }, 'risk-service-1');
    expect(named.ok && named.plan.patch.path).toBe(
      '/api/v1/namespaces/trading/pods/risk-service-1/eviction',
    );
    expect(planEviction({ view, workload, now }, 'other-1')).toEqual({
      ok: false,
      reason: 'pod other-1 is not a pod of Deployment risk-service',
    });
  });
});
