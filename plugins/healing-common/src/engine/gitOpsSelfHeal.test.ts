import { planAction } from './actions/planAction';
import { GITOPS_SELF_HEAL_RAIL, gitOpsSelfHealRefusal } from './gitOpsSelfHeal';
import { ClusterObject, objectsView } from './objects';
import { prepareAction } from './prepareAction';
import { DEFAULT_HEALING_BUDGETS } from './safetyRails';

const now = new Date('2026-11-26T10:00:00Z');

const engine: ClusterObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'trading-engine',
    namespace: 'trading',
    uid: 'uid-engine',
    annotations: {
      'argocd.argoproj.io/tracking-id':
        'prod-east-a-trading:apps/Deployment:trading/trading-engine',
    },
  },
  spec: {
    replicas: 3,
    template: { spec: { containers: [{ name: 'engine', image: 'engine:2' }] } },
  },
};

const pod: ClusterObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'trading-engine-1',
    namespace: 'trading',
    uid: 'uid-pod',
    ownerReferences: [
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'trading-engine',
        uid: 'uid-engine',
      },
    ],
  },
};

const application = (selfHeal: boolean, server?: string): ClusterObject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name: 'prod-east-a-trading', namespace: 'argocd' },
  spec: {
    destination: { server: server ?? 'https://kubernetes.default.svc' },
    syncPolicy: { automated: { selfHeal } },
  },
});

const REASON =
  'managed by Argo CD application prod-east-a-trading with automated self-heal: a patch would be reverted; change it in Git or act through the Rollout';

function plan(
  view: ReturnType<typeof objectsView>,
  action: 'restart' | 'evict' | 'scale',
) {
  const planned = planAction(
    { action, scale: { step: 1, max: 10 } },
    { view, workload: engine, now },
    { pod: 'trading-engine-1' },
  );
  if (!planned.ok) throw new Error(planned.reason);
  return planned.plan;
}

describe('gitOpsSelfHealRefusal', () => {
  it('refuses patches of an object an application with self-heal manages', () => {
    const view = objectsView([engine, pod, application(true)]);
    expect(
      gitOpsSelfHealRefusal(view, 'prod-east-a', plan(view, 'restart')),
    ).toBe(REASON);
    expect(
      gitOpsSelfHealRefusal(view, 'prod-east-a', plan(view, 'scale')),
    ).toBe(REASON);
  });

  it('lets an eviction through: it patches nothing the application owns', () => {
    const view = objectsView([engine, pod, application(true)]);
    expect(
      gitOpsSelfHealRefusal(view, 'prod-east-a', plan(view, 'evict')),
    ).toBeUndefined();
  });

  it('lets patches through without self-heal, or for an application of another cluster', () => {
    const manual = objectsView([engine, pod, application(false)]);
    expect(
      gitOpsSelfHealRefusal(manual, 'prod-east-a', plan(manual, 'restart')),
    ).toBeUndefined();
    const remote = objectsView([
      engine,
      pod,
      application(true, 'https://10.0.0.1:6443'),
    ]);
    expect(
      gitOpsSelfHealRefusal(remote, 'prod-east-a', plan(remote, 'restart')),
    ).toBeUndefined();
  });

  it('is a rail of prepareAction, with the plan kept for its diff', () => {
    const view = objectsView([engine, pod, application(true)]);
    const input = {
      policy: {
        name: 'engine-restart',
        match: {},
        action: 'restart',
        mode: 'enforce',
        threshold: 0,
        cooldownMs: 0,
        verifyWindowMs: 60_000,
        maxConsecutiveFailures: 3,
      },
      target: {
        cluster: 'prod-east-a',
        namespace: 'trading',
        kind: 'Deployment',
        name: 'trading-engine',
      },
      view,
      workload: engine,
      cluster: {
        state: 'ready',
        kinds: [{ kind: 'Application', state: 'ready' }],
      },
      now,
      killSwitch: false,
      budgets: DEFAULT_HEALING_BUDGETS,
      history: [],
    } satisfies Parameters<typeof prepareAction>[0];
    const outcome = prepareAction(input);
    expect(outcome).toMatchObject({
      ok: false,
      rail: GITOPS_SELF_HEAL_RAIL,
      reason: REASON,
    });
    expect(!outcome.ok && outcome.plan?.action).toBe('restart');
    // Until the Applications are read, nothing is sent.
    const syncing = prepareAction({
      ...input,
      cluster: {
        state: 'ready',
        kinds: [{ kind: 'Application', state: 'syncing' }],
      },
    });
    expect(syncing).toMatchObject({ ok: false, rail: 'cluster-sync' });
  });
});
