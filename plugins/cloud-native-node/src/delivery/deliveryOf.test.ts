import {
  KubeObject,
  PipelineRun,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { ClusterObjectStore } from '../state/ClusterObjectStore';
import {
  deliveryOf,
  fleetApplications,
  pipelineRunBelongsTo,
  summarizePipelineRun,
  summarizeRollout,
} from './deliveryOf';

const NOW = new Date('2026-12-01T12:00:00Z');

function deployment(
  name: string,
  extra: {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  } = {},
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'trading', uid: `uid-${name}`, ...extra },
    spec: { replicas: 2 },
  };
}

function application(
  name: string,
  fields: {
    namespace?: string;
    destination?: { server?: string; name?: string; namespace?: string };
    resources?: Array<{
      group: string;
      kind: string;
      namespace: string;
      name: string;
    }>;
    selfHeal?: boolean;
    automated?: boolean;
  } = {},
): KubeObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name, namespace: fields.namespace ?? 'argocd' },
    spec: {
      destination: fields.destination ?? {
        server: 'https://kubernetes.default.svc',
        namespace: 'trading',
      },
      syncPolicy:
        fields.automated === false
          ? {}
          : { automated: { prune: true, selfHeal: fields.selfHeal ?? false } },
    },
    status: {
      sync: { status: 'Synced', revision: '4f2c9e1' },
      health: { status: 'Healthy' },
      operationState: {
        phase: 'Succeeded',
        startedAt: '2026-12-01T11:40:00Z',
        finishedAt: '2026-12-01T11:40:12Z',
      },
      resources: fields.resources ?? [],
    },
  };
}

function pipelineRun(
  name: string,
  labels: Record<string, string>,
  status: Record<string, unknown>,
): KubeObject {
  return {
    apiVersion: 'tekton.dev/v1',
    kind: 'PipelineRun',
    metadata: { name, namespace: 'ci', labels },
    spec: { pipelineRef: { name: 'build-and-deploy' } },
    status,
  };
}

function storeOf(...objects: KubeObject[]): ClusterObjectStore {
  const store = new ClusterObjectStore();
  for (const object of objects) store.upsert(object);
  return store;
}

describe('deliveryOf: Argo CD', () => {
  const engine = deployment('trading-engine');

  it('finds the application whose status.resources lists the workload', () => {
    const store = storeOf(
      engine,
      application('other', {
        resources: [
          {
            group: 'apps',
            kind: 'Deployment',
            namespace: 'trading',
            name: 'ledger',
          },
        ],
      }),
      application('trading', {
        selfHeal: true,
        resources: [
          {
            group: 'apps',
            kind: 'Deployment',
            namespace: 'trading',
            name: 'trading-engine',
          },
        ],
      }),
    );
    const cluster = { name: 'prod-east-a', store };
    const delivery = deliveryOf(cluster, engine, {
      applications: fleetApplications([cluster]),
      now: NOW,
    });
    expect(delivery.argocd).toEqual({
      application: 'argocd/trading',
      applicationCluster: 'prod-east-a',
      syncStatus: 'Synced',
      health: 'Healthy',
      revision: '4f2c9e1',
      lastSyncAt: '2026-12-01T11:40:12Z',
      automated: true,
      selfHeal: true,
    });
  });

  it('does not take an object of another group and kind for the listed one', () => {
    const store = storeOf(
      engine,
      application('trading', {
        resources: [
          {
            group: 'argoproj.io',
            kind: 'Rollout',
            namespace: 'trading',
            name: 'trading-engine',
          },
        ],
      }),
    );
    const cluster = { name: 'prod-east-a', store };
    expect(
      deliveryOf(cluster, engine, {
        applications: fleetApplications([cluster]),
        now: NOW,
      }).argocd,
    ).toBeUndefined();
  });

  it('matches by tracking id, and by instance label, when status.resources is empty', () => {
    const tracked = deployment('risk-service', {
      annotations: {
        'argocd.argoproj.io/tracking-id':
          'trading:apps/Deployment:trading/risk-service',
      },
    });
    const labelled = deployment('ledger', {
      labels: { 'app.kubernetes.io/instance': 'trading' },
    });
    const foreign = deployment('quotes', {
      annotations: {
        'argocd.argoproj.io/tracking-id':
          'market-data:apps/Deployment:trading/quotes',
      },
      labels: { 'app.kubernetes.io/instance': 'trading' },
    });
    const store = storeOf(tracked, labelled, foreign, application('trading'));
    const cluster = { name: 'prod-east-a', store };
    const applications = fleetApplications([cluster]);
    const of = (w: KubeObject) =>
      deliveryOf(cluster, w, { applications, now: NOW }).argocd?.application;
    expect(of(tracked)).toBe('argocd/trading');
    expect(of(labelled)).toBe('argocd/trading');
    // The tracking id wins over the label: Argo CD tracks by one of them.
    expect(of(foreign)).toBeUndefined();
  });

  it('reads applications of a management cluster that deploy to this cluster by name', () => {
    const workloads = storeOf(engine);
    const management = storeOf(
      application('elsewhere', {
        destination: { name: 'prod-east-b' },
        resources: [
          {
            group: 'apps',
            kind: 'Deployment',
            namespace: 'trading',
            name: 'trading-engine',
          },
        ],
      }),
      application('here', {
        destination: { name: 'prod-east-a' },
        resources: [
          {
            group: 'apps',
            kind: 'Deployment',
            namespace: 'trading',
            name: 'trading-engine',
          },
        ],
      }),
    );
    const clusters = [
      { name: 'prod-east-a', store: workloads },
      { name: 'argocd-hub', store: management },
    ];
    const delivery = deliveryOf(clusters[0], engine, {
      applications: fleetApplications(clusters),
      now: NOW,
    });
    expect(delivery.argocd?.application).toBe('argocd/here');
    expect(delivery.argocd?.applicationCluster).toBe('argocd-hub');
    // An in-cluster application of the hub manages the hub's objects only.
    const hubLocal = storeOf(
      application('local', {
        resources: [
          {
            group: 'apps',
            kind: 'Deployment',
            namespace: 'trading',
            name: 'trading-engine',
          },
        ],
      }),
    );
    expect(
      deliveryOf(clusters[0], engine, {
        applications: fleetApplications([
          clusters[0],
          { name: 'argocd-hub', store: hubLocal },
        ]),
        now: NOW,
      }).argocd,
    ).toBeUndefined();
  });

  it('says when sync is manual', () => {
    const store = storeOf(
      engine,
      application('trading', {
        automated: false,
        resources: [
          {
            group: 'apps',
            kind: 'Deployment',
            namespace: 'trading',
            name: 'trading-engine',
          },
        ],
      }),
    );
    const cluster = { name: 'c', store };
    const argocd = deliveryOf(cluster, engine, {
      applications: fleetApplications([cluster]),
      now: NOW,
    }).argocd;
    expect(argocd).toMatchObject({ automated: false, selfHeal: false });
  });

  it('ignores Application objects of other API groups', () => {
    const store = storeOf(engine, {
      ...application('trading', {
        resources: [
          {
            group: 'apps',
            kind: 'Deployment',
            namespace: 'trading',
            name: 'trading-engine',
          },
        ],
      }),
      apiVersion: 'app.k8s.io/v1beta1',
    });
    const cluster = { name: 'c', store };
    expect(
      deliveryOf(cluster, engine, {
        applications: fleetApplications([cluster]),
        now: NOW,
      }).argocd,
    ).toBeUndefined();
  });
});

describe('deliveryOf: Argo Rollouts', () => {
  const steps = [
    { setWeight: 20 },
    { pause: { duration: '10m' } },
    { setWeight: 50 },
    { analysis: { templates: [{ templateName: 'success-rate' }] } },
    { setWeight: 100 },
  ];
  const rollout = (
    status: Record<string, unknown>,
    spec: Record<string, unknown> = {},
  ) =>
    ({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      metadata: { name: 'checkout', namespace: 'commerce' },
      spec: { strategy: { canary: { steps } }, ...spec },
      status,
    } as const);

  it('reports the step, the weight the steps set so far and the analysis', () => {
    expect(
      summarizeRollout(
        rollout({
          phase: 'Progressing',
          currentStepIndex: 3,
          canary: { currentStepAnalysisRunStatus: { status: 'Running' } },
        }),
      ),
    ).toEqual({
      rollout: 'commerce/checkout',
      strategy: 'canary',
      step: 3,
      totalSteps: 5,
      canaryWeight: 50,
      analysis: 'Running',
      phase: 'Progressing',
      aborted: false,
    });
  });

  it('prefers the weight the controller reports, and shows 0 once aborted', () => {
    expect(
      summarizeRollout(
        rollout({
          currentStepIndex: 1,
          canary: { weights: { canary: { weight: 25 } } },
        }),
      ).canaryWeight,
    ).toBe(25);
    expect(
      summarizeRollout(
        rollout({ currentStepIndex: 2, abort: true, phase: 'Degraded' }),
      ),
    ).toMatchObject({ canaryWeight: 0, aborted: true, phase: 'Degraded' });
    expect(
      summarizeRollout(rollout({ currentStepIndex: 5 })).canaryWeight,
    ).toBe(100);
  });

  it('names a blue-green rollout without canary fields', () => {
    expect(
      summarizeRollout(
        rollout(
          { phase: 'Healthy' },
          { strategy: { blueGreen: { activeService: 'a' } } },
        ),
      ),
    ).toEqual({
      rollout: 'commerce/checkout',
      strategy: 'blueGreen',
      phase: 'Healthy',
      aborted: false,
    });
  });

  it('finds the Rollout that drives a Deployment through workloadRef', () => {
    const web: KubeObject = {
      ...deployment('web'),
      metadata: { name: 'web', namespace: 'commerce' },
    };
    const store = storeOf(
      web,
      rollout(
        { currentStepIndex: 0 },
        {
          workloadRef: {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: 'web',
          },
        },
      ),
    );
    const delivery = deliveryOf({ name: 'c', store }, web, {
      applications: [],
      now: NOW,
    });
    expect(delivery.rollout).toMatchObject({
      rollout: 'commerce/checkout',
      canaryWeight: 20,
    });
  });
});

describe('deliveryOf: Tekton', () => {
  const engine = deployment('trading-engine', {
    labels: {
      'backstage.io/kubernetes-id': 'trading-engine',
      'app.kubernetes.io/name': 'trading-engine',
    },
  });

  it('summarises succeeded, failed, cancelled, running and pending runs', () => {
    const done = summarizePipelineRun(
      pipelineRun(
        'a',
        { 'tekton.dev/pipeline': 'build-and-deploy' },
        {
          startTime: '2026-12-01T10:00:00Z',
          completionTime: '2026-12-01T10:04:30Z',
          conditions: [
            { type: 'Succeeded', status: 'True', reason: 'Succeeded' },
          ],
        },
      ) as PipelineRun,
      NOW,
    );
    expect(done).toEqual({
      name: 'a',
      namespace: 'ci',
      pipeline: 'build-and-deploy',
      status: 'Succeeded',
      reason: 'Succeeded',
      startedAt: '2026-12-01T10:00:00Z',
      durationSeconds: 270,
    });
    const status = (s: Record<string, unknown>) =>
      summarizePipelineRun(pipelineRun('x', {}, s) as PipelineRun, NOW);
    expect(
      status({
        startTime: '2026-12-01T11:00:00Z',
        completionTime: '2026-12-01T11:01:00Z',
        conditions: [{ type: 'Succeeded', status: 'False', reason: 'Failed' }],
      }),
    ).toMatchObject({
      status: 'Failed',
      durationSeconds: 60,
      pipeline: 'build-and-deploy',
    });
    expect(
      status({
        startTime: '2026-12-01T11:00:00Z',
        conditions: [
          { type: 'Succeeded', status: 'False', reason: 'Cancelled' },
        ],
      }),
    ).toMatchObject({ status: 'Cancelled', durationSeconds: undefined });
    expect(
      status({
        startTime: '2026-12-01T11:59:00Z',
        conditions: [
          { type: 'Succeeded', status: 'Unknown', reason: 'Running' },
        ],
      }),
    ).toMatchObject({ status: 'Running', durationSeconds: 60 });
    expect(status({})).toMatchObject({
      status: 'Pending',
      durationSeconds: undefined,
    });
  });

  it('ties runs to a workload by catalog id, app name or pipeline label', () => {
    const run = (labels: Record<string, string>) =>
      pipelineRun('r', labels, {});
    expect(
      pipelineRunBelongsTo(
        run({ 'backstage.io/kubernetes-id': 'trading-engine' }),
        engine,
      ),
    ).toBe(true);
    expect(
      pipelineRunBelongsTo(
        run({ 'backstage.io/kubernetes-id': 'ledger' }),
        engine,
      ),
    ).toBe(false);
    expect(
      pipelineRunBelongsTo(
        run({ 'app.kubernetes.io/name': 'trading-engine' }),
        engine,
      ),
    ).toBe(true);
    expect(
      pipelineRunBelongsTo(
        run({ 'tekton.dev/pipeline': 'trading-engine' }),
        engine,
      ),
    ).toBe(true);
    expect(
      pipelineRunBelongsTo(
        run({ 'tekton.dev/pipeline': 'build-and-deploy' }),
        engine,
      ),
    ).toBe(false);
    // The catalog id decides when present, whatever the other labels say.
    expect(
      pipelineRunBelongsTo(
        run({
          'backstage.io/kubernetes-id': 'ledger',
          'app.kubernetes.io/name': 'trading-engine',
        }),
        engine,
      ),
    ).toBe(false);
  });

  it("lists a workload's runs newest first, from any namespace", () => {
    const store = storeOf(
      engine,
      pipelineRun(
        'old',
        { 'app.kubernetes.io/name': 'trading-engine' },
        { startTime: '2026-12-01T09:00:00Z' },
      ),
      pipelineRun(
        'new',
        { 'app.kubernetes.io/name': 'trading-engine' },
        { startTime: '2026-12-01T11:00:00Z' },
      ),
      pipelineRun(
        'other',
        { 'app.kubernetes.io/name': 'ledger' },
        { startTime: '2026-12-01T11:30:00Z' },
      ),
    );
    const runs = deliveryOf({ name: 'c', store }, engine, {
      applications: [],
      now: NOW,
    }).pipelineRuns;
    expect(runs.map(r => r.name)).toEqual(['new', 'old']);
  });
});
