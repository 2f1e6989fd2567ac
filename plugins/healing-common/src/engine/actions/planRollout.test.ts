import { gitOpsSelfHealRefusal } from '../gitOpsSelfHeal';
import { ClusterObject, objectsView } from '../objects';
import { planAction } from './planAction';

const now = new Date('2026-12-04T10:00:00Z');

const template = (image: string, hash: string) => ({
  metadata: {
    labels: { app: 'checkout', 'rollouts-pod-template-hash': hash },
  },
  spec: { containers: [{ name: 'checkout', image }] },
});

const rollout = (
  status: Record<string, unknown>,
  spec: Record<string, unknown> = {},
): ClusterObject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  metadata: {
    name: 'checkout',
    namespace: 'commerce',
    uid: 'uid-rollout',
    annotations: { 'rollout.argoproj.io/revision': '3' },
  },
  spec: {
    replicas: 5,
    template: {
      metadata: { labels: { app: 'checkout' } },
      spec: { containers: [{ name: 'checkout', image: 'checkout:3' }] },
    },
    strategy: { canary: { steps: [{ setWeight: 50 }, { pause: {} }] } },
    ...spec,
  },
  status,
});

const replicaSet = (revision: number, hash: string): ClusterObject => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: {
    name: `checkout-${hash}`,
    namespace: 'commerce',
    uid: `uid-rs-${revision}`,
    annotations: { 'rollout.argoproj.io/revision': String(revision) },
    ownerReferences: [
      {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Rollout',
        name: 'checkout',
        uid: 'uid-rollout',
      },
    ],
  },
  spec: { template: template(`checkout:${revision}`, hash) },
});

const pausedStatus = {
  phase: 'Paused',
  stableRS: 'b2',
  currentPodHash: 'c3',
  currentStepIndex: 1,
};
const paused = rollout(pausedStatus);
const sets = [replicaSet(1, 'a1'), replicaSet(2, 'b2'), replicaSet(3, 'c3')];

function plan(
  action: 'rollout-abort' | 'rollout-undo',
  objects: ClusterObject[],
  workload = objects[0],
) {
  return planAction({ action }, { view: objectsView(objects), workload, now });
}

const selfHealing: ClusterObject = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: { name: 'staging-commerce', namespace: 'argocd' },
  spec: {
    destination: { server: 'https://kubernetes.default.svc' },
    syncPolicy: { automated: { selfHeal: true } },
  },
  status: {
    resources: [
      {
        group: 'argoproj.io',
        kind: 'Rollout',
        namespace: 'commerce',
        name: 'checkout',
      },
    ],
  },
};

describe('rollout-abort', () => {
  it('sets status.abort through the status subresource of a Rollout under way', () => {
    const planned = plan('rollout-abort', [paused, ...sets]);
    if (!planned.ok) throw new Error(planned.reason);
    expect(planned.plan.patch).toEqual({
      method: 'PATCH',
      path: '/apis/argoproj.io/v1alpha1/namespaces/commerce/rollouts/checkout/status',
      contentType: 'application/merge-patch+json',
      body: { status: { abort: true } },
    });
    expect(planned.plan.change.description).toBe(
      'Abort the update of Rollout checkout: traffic back to its stable ReplicaSet (b2)',
    );
    expect(planned.plan.applyPatch(paused)?.status).toMatchObject({
      abort: true,
      abortedAt: now.toISOString(),
      phase: 'Degraded',
    });
    // The stable ReplicaSet keeps every replica.
    expect(planned.plan.podsRemoved).toBe(0);
  });

  it('goes through the Rollout that runs a Deployment by workloadRef', () => {
    const deployment: ClusterObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'checkout-app', namespace: 'commerce', uid: 'uid-d' },
      spec: { replicas: 0 },
    };
    const byRef = rollout(pausedStatus, {
      template: undefined,
      workloadRef: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'checkout-app',
      },
    });
    const planned = plan('rollout-abort', [deployment, byRef], deployment);
    expect(planned.ok && planned.plan.object).toEqual({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      namespace: 'commerce',
      name: 'checkout',
    });
    // Undo has no template of the Rollout's own to put back.
    expect(plan('rollout-undo', [deployment, byRef], deployment)).toEqual({
      ok: false,
      reason:
        "Rollout checkout takes its template from Deployment checkout-app: undo that workload's change instead",
    });
  });

  it('says why there is nothing to abort', () => {
    expect(
      plan('rollout-abort', [
        rollout({ phase: 'Healthy', stableRS: 'c3', currentPodHash: 'c3' }),
      ]),
    ).toEqual({
      ok: false,
      reason:
        'Rollout checkout has no update under way: its current pods are its stable ones',
    });
    expect(
      plan('rollout-abort', [rollout({ ...pausedStatus, abort: true })]),
    ).toEqual({ ok: false, reason: 'Rollout checkout is already aborted' });
    const deployment = { ...sets[0], kind: 'Deployment' };
    expect(plan('rollout-abort', [deployment])).toEqual({
      ok: false,
      reason:
        'Deployment checkout-a1 is not an Argo Rollouts Rollout and no Rollout refers to it',
    });
  });

  it('holds under Argo CD self-heal, which never compares the status', () => {
    const objects = [paused, ...sets, selfHealing];
    const planned = plan('rollout-abort', objects);
    if (!planned.ok) throw new Error(planned.reason);
    expect(
      gitOpsSelfHealRefusal(objectsView(objects), 'staging', planned.plan),
    ).toBeUndefined();
  });
});

describe('rollout-undo', () => {
  it("puts back the previous revision's template without the hash label", () => {
    const planned = plan('rollout-undo', [paused, ...sets]);
    if (!planned.ok) throw new Error(planned.reason);
    expect(planned.plan.change.description).toBe(
      'Undo Rollout checkout from revision 3 to revision 2 (ReplicaSet checkout-b2)',
    );
    expect(planned.plan.patch).toMatchObject({
      path: '/apis/argoproj.io/v1alpha1/namespaces/commerce/rollouts/checkout',
      contentType: 'application/json-patch+json',
      body: [
        {
          op: 'replace',
          path: '/spec/template',
          value: {
            metadata: { labels: { app: 'checkout' } },
            spec: { containers: [{ name: 'checkout', image: 'checkout:2' }] },
          },
        },
      ],
    });
  });

  it('needs an earlier revision', () => {
    expect(plan('rollout-undo', [paused, sets[2]])).toEqual({
      ok: false,
      reason:
        'Rollout checkout has no ReplicaSet of an earlier revision than 3',
    });
  });

  it('is refused under Argo CD self-heal, pointing to the abort', () => {
    const objects = [paused, ...sets, selfHealing];
    const planned = plan('rollout-undo', objects);
    if (!planned.ok) throw new Error(planned.reason);
    expect(
      gitOpsSelfHealRefusal(objectsView(objects), 'staging', planned.plan),
    ).toBe(
      "managed by Argo CD application staging-commerce with automated self-heal: a change of the Rollout's spec would be reverted; abort the Rollout (rollout-abort) or revert the change in Git",
    );
  });
});
