import type { Deployment } from '@cloud-native-platform/plugin-cloud-native-common';
import { objectsView, ClusterObject } from './objects';
import { matchPolicy, policyActions, readHealingPolicies } from './policies';
import { checkSafetyRails, DEFAULT_HEALING_BUDGETS } from './safetyRails';
import { planScale } from './actions/planScale';
import { planRestart } from './actions/planRestart';
import { shiftWeights } from './actions/planTrafficShift';
import { verifyAttempt } from './verifyAttempt';
import { calibratedConfidence } from './calibrationTable';
import { disruptionBudgetsFor } from './disruptionBudgets';

const deploy = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', uid: 'd' },
  spec: { replicas: 4, template: { metadata: {} } },
} as Deployment;
const hpa: ClusterObject = {
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'web', namespace: 'shop' },
  spec: {
    scaleTargetRef: { kind: 'Deployment', name: 'web' },
    minReplicas: 2,
    maxReplicas: 6,
  },
};
const pod = (i: number): ClusterObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: `web-${i}`,
    namespace: 'shop',
    labels: { app: 'web' },
    ownerReferences: [
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd' },
    ],
  },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
});
const pdb: ClusterObject = {
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: 'web', namespace: 'shop' },
  spec: { minAvailable: 3, selector: { matchLabels: { app: 'web' } } },
};
const target = {
  cluster: 'c',
  namespace: 'shop',
  kind: 'Deployment',
  name: 'web',
};

describe('healing engine', () => {
  it('reads policies with defaults and names the bad key', () => {
    const [p] = readHealingPolicies([{ name: 'a', action: 'restart' }]);
    expect(p).toMatchObject({
      mode: 'dry-run',
      threshold: 0.9,
      cooldownMs: 900_000,
      verifyWindowMs: 600_000,
      maxConsecutiveFailures: 3,
    });
    expect(() =>
      readHealingPolicies([{ name: 'a', action: 'reboot' }]),
    ).toThrow('healing.policies[0].action');
    expect(() =>
      readHealingPolicies([{ name: 'a', action: 'restart', cooldown: 'soon' }]),
    ).toThrow('healing.policies[0].cooldown');
    expect(() => readHealingPolicies([{ name: 'a', action: 'scale' }])).toThrow(
      'healing.policies[0].scale',
    );
    const policies = readHealingPolicies([
      {
        name: 'specific',
        match: { alertname: 'X', labels: { severity: 'page' } },
        action: 'restart',
      },
      { name: 'any', action: 'evict' },
    ]);
    expect(
      matchPolicy(policies, { name: 'X', labels: { severity: 'page' } }, target)
        ?.name,
    ).toBe('specific');
    expect(matchPolicy(policies, { name: 'X', labels: {} }, target)?.name).toBe(
      'any',
    );
  });

  it('reads the ordered actions a policy allows, and names what is wrong with them', () => {
    const [one, several] = readHealingPolicies([
      { name: 'one', action: 'restart' },
      {
        name: 'several',
        actions: ['scale', 'restart'],
        scale: { step: 1, max: 5 },
      },
    ]);
    expect(one).toMatchObject({ action: 'restart', actions: ['restart'] });
    expect(several).toMatchObject({
      action: 'scale',
      actions: ['scale', 'restart'],
    });
    expect(policyActions({ action: 'evict' })).toEqual(['evict']);
    expect(() =>
      readHealingPolicies([
        { name: 'a', action: 'restart', actions: ['restart'] },
      ]),
    ).toThrow('healing.policies[0] gives both action and actions');
    expect(() => readHealingPolicies([{ name: 'a', actions: [] }])).toThrow(
      'healing.policies[0].actions must be a non-empty list',
    );
    expect(() =>
      readHealingPolicies([{ name: 'a', actions: ['restart', 'reboot'] }]),
    ).toThrow('healing.policies[0].actions[1] must be one of');
    expect(() =>
      readHealingPolicies([{ name: 'a', actions: ['restart', 'restart'] }]),
    ).toThrow("healing.policies[0].actions[1] 'restart' is listed twice");
    expect(() =>
      readHealingPolicies([{ name: 'a', actions: ['restart', 'scale'] }]),
    ).toThrow('healing.policies[0].scale { step, max } is required');
    expect(() =>
      readHealingPolicies([{ name: 'a', actions: ['traffic-shift'] }]),
    ).toThrow('healing.policies[0].trafficShift');
  });

  it('refuses by kill switch, cooldown, budget, failures and disruption budget', () => {
    const now = new Date('2026-11-26T10:00:00Z');
    const base = {
      now,
      killSwitch: false,
      policy: { cooldownMs: 900_000, maxConsecutiveFailures: 2 },
      target,
      budgets: DEFAULT_HEALING_BUDGETS,
      history: [],
    };
    expect(checkSafetyRails(base)).toEqual({ allowed: true });
    expect(checkSafetyRails({ ...base, killSwitch: true })).toMatchObject({
      rail: 'kill-switch',
    });
    const recent = {
      target,
      status: 'applied' as const,
      at: new Date(now.getTime() - 60_000),
    };
    expect(checkSafetyRails({ ...base, history: [recent] })).toMatchObject({
      rail: 'cooldown',
    });
    const other = (name: string) => ({
      target: { ...target, name },
      status: 'succeeded' as const,
      at: new Date(now.getTime() - 1_000),
    });
    expect(
      checkSafetyRails({
        ...base,
        history: [other('a'), other('b'), other('c')],
      }),
    ).toMatchObject({ rail: 'namespace-budget' });
    const failed = (m: number) => ({
      target,
      status: 'failed' as const,
      at: new Date(now.getTime() - m * 3_600_000),
    });
    expect(
      checkSafetyRails({ ...base, history: [failed(2), failed(3)] }),
    ).toMatchObject({ rail: 'consecutive-failures' });
    const view = objectsView([deploy, pod(1), pod(2), pod(3), pdb]);
    const budgets = disruptionBudgetsFor(view, [pod(1)]);
    expect(budgets).toEqual([{ name: 'web', allowed: 0 }]);
    expect(
      checkSafetyRails({ ...base, disruption: { podsRemoved: 1, budgets } }),
    ).toMatchObject({ rail: 'disruption-budget' });
  });

  it('plans a restart and a scale within the HPA', () => {
    const view = objectsView([deploy, hpa]);
    const now = new Date('2026-11-26T10:00:00Z');
    const restart = planRestart({ view, workload: deploy, now });
    if (!restart.ok) throw new Error(restart.reason);
    expect(restart.plan.patch).toMatchObject({
      method: 'PATCH',
      path: '/apis/apps/v1/namespaces/shop/deployments/web',
      contentType: 'application/merge-patch+json',
    });
    expect(
      (restart.plan.applyPatch(deploy) as Deployment).spec!.template.metadata!
        .annotations!['kubectl.kubernetes.io/restartedAt'],
    ).toBe(now.toISOString());
    expect(restart.plan.change.after).toContain(
      'kubectl.kubernetes.io/restartedAt',
    );
    expect(deploy.spec!.template.metadata!.annotations).toBeUndefined();
    const scale = planScale(
      { view, workload: deploy, now },
      { step: 5, max: 100 },
    );
    if (!scale.ok) throw new Error(scale.reason);
    expect(scale.plan.patch).toMatchObject({
      path: '/apis/apps/v1/namespaces/shop/deployments/web/scale',
      body: { spec: { replicas: 6 } },
    });
    const full = planScale(
      { view, workload: { ...deploy, spec: { replicas: 6 } }, now },
      { step: 5, max: 100 },
    );
    expect(full).toMatchObject({ ok: false });
  });

  it('shifts route weights toward the healthy subset, summing to 100', () => {
    const route = [
      { destination: { host: 'web', subset: 'stable' }, weight: 90 },
      { destination: { host: 'web', subset: 'canary' }, weight: 10 },
    ];
    expect(shiftWeights(route, { percent: 100, toSubset: 'stable' })).toEqual([
      100, 0,
    ]);
    const three = [
      { destination: { subset: 'a' } },
      { destination: { subset: 'b' } },
      { destination: { subset: 'c' } },
    ];
    const w = shiftWeights(three, { percent: 20, toSubset: 'a' })!;
    expect(w.reduce((s, x) => s + x, 0)).toBe(100);
    expect(w).toEqual([54, 23, 23]);
  });

  it('verifies outcomes and MTTR', () => {
    const appliedAt = new Date('2026-11-26T10:02:00Z');
    const alert = {
      startsAt: new Date('2026-11-26T10:00:00Z'),
      status: 'resolved' as const,
      resolvedAt: new Date('2026-11-26T10:05:00Z'),
    };
    expect(
      verifyAttempt({
        now: new Date('2026-11-26T10:06:00Z'),
        appliedAt,
        windowMs: 600_000,
        alert,
        health: [],
      }),
    ).toMatchObject({ outcome: 'succeeded', mttrSeconds: 300 });
    const firing = {
      ...alert,
      status: 'firing' as const,
      resolvedAt: undefined,
    };
    expect(
      verifyAttempt({
        now: new Date('2026-11-26T10:06:00Z'),
        appliedAt,
        windowMs: 600_000,
        alert: firing,
        health: [],
      }).outcome,
    ).toBe('pending');
    expect(
      verifyAttempt({
        now: new Date('2026-11-26T10:13:00Z'),
        appliedAt,
        windowMs: 600_000,
        alert: firing,
        health: [],
      }).outcome,
    ).toBe('failed');
    expect(
      verifyAttempt({
        now: new Date('2026-11-26T10:13:00Z'),
        appliedAt,
        windowMs: 600_000,
        alert: firing,
        health: [{ at: new Date('2026-11-26T10:11:00Z'), healthy: true }],
      }).outcome,
    ).toBe('inconclusive');
  });

  it('calibrates confidence monotonically from the committed table', () => {
    const at = (sigmas: number) => calibratedConfidence({ shift: [sigmas] });
    // A quiet window is rarely an anomaly; a shift of thousands of sigmas
    // (a CPU hog, a memory leak) nearly always is.
    expect(at(1)).toBeLessThan(0.1);
    expect(at(5000)).toBeGreaterThanOrEqual(0.9);
    expect(at(100)).toBeLessThan(at(1000));
    // The largest finite shift of the target's series counts.
    expect(calibratedConfidence({ shift: [NaN, 2, 5000] })).toBe(at(5000));
    expect(calibratedConfidence({ shift: [] })).toBe(at(0));
  });
});
