import { seededRandom } from '../detection/random';
import { HealingPlan } from './actions/HealingPlan';
import { FeatureRequest } from './features';
import { ClusterObject, objectsView } from './objects';
import { readHealingPolicies } from './policies';
import { DEFAULT_HEALING_BUDGETS } from './safetyRails';
import { HealingPipelineInput, runHealingPipeline } from './runHealingPipeline';

const startsAt = new Date('2026-11-26T10:00:00Z');
const now = new Date('2026-11-26T10:01:00Z');

const web: ClusterObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', uid: 'web' },
  spec: { replicas: 3, template: { metadata: {} } },
};

function input(
  policy: Record<string, unknown>,
  over: Partial<HealingPipelineInput> = {},
): HealingPipelineInput {
  return {
    id: 'attempt-1',
    now,
    alert: {
      fingerprint: 'f',
      name: 'WebErrors',
      status: 'firing',
      startsAt: startsAt.toISOString(),
      labels: { alertname: 'WebErrors' },
      annotations: {},
    },
    target: {
      cluster: 'c',
      namespace: 'shop',
      kind: 'Deployment',
      name: 'web',
    },
    view: objectsView([web]),
    workload: web,
    cluster: { state: 'ready', kinds: [] },
    neighbours: ['db'],
    policies: readHealingPolicies([
      {
        name: 'p',
        ...(policy.actions ? {} : { action: 'restart' }),
        ...policy,
      },
    ]),
    killSwitch: false,
    budgets: DEFAULT_HEALING_BUDGETS,
    history: [],
    ...over,
  };
}

/**
 * Feature series as Prometheus would answer: noisy normal levels, and for
 * `incident` the web error rate and p99 latency climbing from eight minutes
 * before the alert. The confidence, calibrated on NAB and RCD labels,
 * reaches 0.9 only for a shift of about a thousand robust sigmas held over
 * most of the detection window, so the incident starts well before the
 * alert and the noise is 2 %.
 */
function series(incident: boolean) {
  const requests: FeatureRequest[] = [];
  const fn = async (request: FeatureRequest) => {
    requests.push(request);
    const random = seededRandom(
      request.service.length * 31 + request.metric.length,
    );
    const points =
      (request.end.getTime() - request.start.getTime()) /
        (request.stepSeconds * 1000) +
      1;
    const onset = startsAt.getTime() - 480_000;
    return Array.from({ length: points }, (_, i) => {
      const at = request.start.getTime() + i * request.stepSeconds * 1000;
      const rising =
        incident &&
        request.service === 'web' &&
        (request.metric === 'error_rate' || request.metric === 'lat_99') &&
        at >= onset;
      const level = rising
        ? 0.01 + 0.3 * Math.min(1, (at - onset) / 60_000)
        : 0.01;
      return level * (1 + 0.02 * (random() * 2 - 1));
    });
  };
  return { fn, requests };
}

describe('runHealingPipeline and the entity healing-mode annotation', () => {
  const entityRef = 'component:default/web';
  const run = async (entityMode: HealingPipelineInput['entityMode']) => {
    const { fn, requests } = series(true);
    const applied: HealingPlan[] = [];
    const { attempt } = await runHealingPipeline(
      input({ mode: 'enforce', threshold: 0 }, { entityMode }),
      {
        series: fn,
        apply: async p => {
          applied.push(p);
        },
      },
    );
    return { attempt, applied, requests };
  };

  it('only records the alerts of an entity that disables healing', async () => {
    const { attempt, applied, requests } = await run({
      entityRef,
      mode: 'disabled',
    });
    expect(attempt.status).toBe('observed');
    expect(attempt.mode).toBe('observe');
    expect(attempt.reason).toBe(
      'component:default/web disables healing (cloud-native-platform.io/healing-mode: disabled): its alerts are recorded, never acted on',
    );
    expect(applied).toEqual([]);
    expect(requests).toEqual([]);
    expect(attempt.steps.map(s => s.name)).toEqual(['decision']);
  });

  it('caps an enforcing policy at dry-run for an entity that asks for it', async () => {
    const { attempt, applied } = await run({ entityRef, mode: 'dry-run' });
    expect(attempt.status).toBe('planned');
    expect(attempt.mode).toBe('dry-run');
    expect(attempt.reason).toMatch(
      /^dry run: component:default\/web caps healing at dry-run .*policy p would enforce; planned, not applied$/,
    );
    expect(attempt.change).toBeDefined();
    expect(applied).toEqual([]);
  });

  it('runs as a dry run when the annotation could not be read', async () => {
    const { attempt, applied } = await run({
      entityRef,
      unknown: 'the catalog answered 503',
    });
    expect(attempt.status).toBe('planned');
    expect(attempt.reason).toContain(
      'the healing-mode annotation of component:default/web could not be read (the catalog answered 503)',
    );
    expect(applied).toEqual([]);
  });

  it('acts as the policy says when the entity enforces', async () => {
    const { attempt, applied } = await run({ entityRef, mode: 'enforce' });
    expect(attempt.status).toBe('applied');
    expect(applied).toHaveLength(1);
  });
});

describe('runHealingPipeline', () => {
  it('records features, detection, root cause, decision and action, and applies when confident', async () => {
    const { fn, requests } = series(true);
    const applied: HealingPlan[] = [];
    const { attempt, plan } = await runHealingPipeline(
      input({ mode: 'enforce' }),
      {
        series: fn,
        apply: async p => {
          applied.push(p);
        },
      },
    );
    expect(attempt.steps.map(s => [s.name, s.status])).toEqual([
      ['features', 'ok'],
      ['detection', 'ok'],
      ['root-cause', 'ok'],
      ['decision', 'ok'],
      ['action', 'ok'],
    ]);
    // Target and neighbour, four features each, over the same range.
    expect(requests).toHaveLength(8);
    expect(new Set(requests.map(r => r.end.getTime()))).toEqual(
      new Set([now.getTime()]),
    );
    expect((attempt.steps[0].data as any).series).toContain('web_error_rate');
    expect((attempt.steps[0].data as any).series).toContain('db_cpu');
    expect(attempt.confidence).toBeGreaterThanOrEqual(0.9);
    expect(attempt.steps[1].summary).toContain(
      `calibrated confidence ${attempt.confidence}`,
    );
    expect(attempt.rootCause![0].service).toBe('web');
    // The mesh's error rate weighs as much as resources, latency half.
    expect(attempt.rootCause![0].evidence[0]).toContain('web_error_rate moved');
    expect(attempt.rootCause![0].evidence.join('\n')).toContain(
      'web_lat_99 moved',
    );
    expect(attempt).toMatchObject({
      status: 'applied',
      policy: 'p',
      mode: 'enforce',
      action: 'restart',
    });
    expect(applied).toEqual([plan]);
    expect(attempt.change?.object).toBe('Deployment shop/web');
  });

  it('observes below the threshold, and plans without applying in dry-run', async () => {
    const quiet = await runHealingPipeline(input({ mode: 'enforce' }), {
      series: series(false).fn,
      apply: () => Promise.reject(new Error('must not apply')),
    });
    expect(quiet.attempt.status).toBe('observed');
    expect(quiet.attempt.confidence).toBeLessThan(0.9);
    expect(quiet.attempt.reason).toContain('below the threshold 0.9');

    const apply = jest.fn();
    const dry = await runHealingPipeline(input({ mode: 'dry-run' }), {
      series: series(true).fn,
      apply,
    });
    expect(dry.attempt.status).toBe('planned');
    expect(dry.attempt.steps.map(s => s.name)).toEqual([
      'features',
      'detection',
      'root-cause',
      'decision',
    ]);
    expect(apply).not.toHaveBeenCalled();
  });

  it('asks for approval when Prometheus cannot answer, and records a failed action', async () => {
    const down = await runHealingPipeline(input({ mode: 'enforce' }), {
      series: () => Promise.reject(new Error('connection refused')),
    });
    expect(down.attempt.steps[0]).toMatchObject({
      name: 'features',
      status: 'skipped',
      summary: expect.stringContaining('connection refused'),
    });
    expect(down.attempt.steps[1]).toMatchObject({
      name: 'detection',
      status: 'skipped',
    });
    expect(down.attempt).toMatchObject({ status: 'pending-approval' });
    expect(down.attempt.confidence).toBeUndefined();

    const broken = await runHealingPipeline(
      input({ mode: 'enforce', threshold: 0 }),
      {
        apply: () => Promise.reject(new Error('403 forbidden')),
      },
    );
    expect(broken.attempt.status).toBe('failed');
    expect(broken.attempt.reason).toBe('the action failed: 403 forbidden');
    expect(broken.attempt.steps.at(-1)).toMatchObject({
      name: 'action',
      status: 'failed',
    });
  });

  it('records unmatched alerts without steps', async () => {
    const { attempt } = await runHealingPipeline(
      input({ mode: 'enforce', match: { alertname: 'Other' } }),
      {},
    );
    expect(attempt).toMatchObject({
      status: 'unmatched',
      reason: 'no policy matches alert WebErrors',
    });
    expect(attempt.steps).toEqual([]);
  });

  it('refuses while the cluster is degraded or a kind it plans from is not in sync', async () => {
    const apply = jest.fn();
    const degraded = await runHealingPipeline(
      input(
        { mode: 'enforce', threshold: 0 },
        {
          cluster: {
            state: 'degraded',
            error: 'API server unreachable',
            kinds: [],
          },
        },
      ),
      { apply },
    );
    expect(degraded.attempt).toMatchObject({
      status: 'refused',
      reason: 'cluster c is degraded: API server unreachable',
    });
    expect(degraded.attempt.steps.at(-1)?.data).toMatchObject({
      rail: 'cluster-sync',
    });
    const lagging = await runHealingPipeline(
      input(
        { mode: 'enforce', threshold: 0 },
        {
          cluster: {
            state: 'ready',
            kinds: [
              { kind: 'Deployment', state: 'ready' },
              { kind: 'PodDisruptionBudget', state: 'syncing' },
            ],
          },
        },
      ),
      { apply },
    );
    expect(lagging.attempt).toMatchObject({
      status: 'refused',
      reason:
        'PodDisruptionBudget objects of cluster c are not in sync (syncing)',
    });
    const unknown = await runHealingPipeline(
      input({ mode: 'enforce', threshold: 0 }, { cluster: undefined }),
      { apply },
    );
    expect(unknown.attempt.reason).toBe('the state of cluster c is unknown');
    expect(apply).not.toHaveBeenCalled();
  });

  it('applies only when the last check allows it, and refuses when it cannot be made', async () => {
    const apply = jest.fn(async () => {});
    const checked: string[] = [];
    const allowed = await runHealingPipeline(
      input({ mode: 'enforce', threshold: 0 }),
      {
        apply,
        lastCheck: async (plan, policy) => {
          checked.push(`${policy.name} ${plan.change.object}`);
          return { ok: true };
        },
      },
    );
    expect(allowed.attempt.status).toBe('applied');
    expect(checked).toEqual(['p Deployment shop/web']);
    expect(apply).toHaveBeenCalledTimes(1);

    const other = await runHealingPipeline(
      input({ mode: 'enforce', threshold: 0 }),
      {
        apply,
        lastCheck: async () => ({
          ok: false,
          rail: 'kill-switch',
          reason: 'the kill switch stops every action',
        }),
      },
    );
    expect(other.attempt).toMatchObject({
      status: 'refused',
      reason: 'the kill switch stops every action',
    });
    const down = await runHealingPipeline(
      input({ mode: 'enforce', threshold: 0 }),
      {
        apply,
        lastCheck: () => Promise.reject(new Error('database unavailable')),
      },
    );
    expect(down.attempt.status).toBe('refused');
    expect(down.attempt.reason).toContain('database unavailable');
    expect(down.attempt.steps.at(-1)?.data).toMatchObject({ rail: 'intent' });
    expect(apply).toHaveBeenCalledTimes(1);
  });

  it('returns the attempt redacted: an error quoting a credential and the alert carrying one', async () => {
    const { fn } = series(true);
    const { attempt } = await runHealingPipeline(
      input(
        { mode: 'enforce' },
        {
          alert: {
            ...input({}).alert,
            annotations: {
              runbook: 'https://ops:hunter2-runbook@wiki.example.com/web',
            },
          },
        },
      ),
      {
        series: fn,
        apply: async () => {
          throw new Error(
            'connect postgres://healer:s3cr3t-pw@db.shop:5432/x refused',
          );
        },
      },
    );
    expect(attempt.status).toBe('failed');
    const served = JSON.stringify(attempt);
    expect(served).not.toContain('s3cr3t-pw');
    expect(served).not.toContain('hunter2-runbook');
    expect(attempt.reason ?? served).toContain('db.shop:5432');
    expect(attempt.alert?.annotations.runbook).toContain('wiki.example.com');
  });

  describe('with several allowed actions', () => {
    const outcomes = (
      counts: Record<string, [number, number]>,
      alertName = 'WebErrors',
    ) =>
      Object.entries(counts).map(([action, [successes, failures]]) => ({
        alertName,
        workloadKind: 'Deployment',
        action: action as any,
        successes,
        failures,
        inconclusive: 0,
      }));
    const scaling = {
      mode: 'enforce',
      threshold: 0,
      actions: ['restart', 'scale'],
      scale: { step: 2, max: 10 },
    };

    it('takes the action verified outcomes favour, and says why on the attempt and in a step', async () => {
      const apply = jest.fn(async () => {});
      const checked: string[] = [];
      const { attempt, policy } = await runHealingPipeline(
        input(scaling, {
          outcomes: outcomes({ restart: [1, 9], scale: [9, 1] }),
        }),
        {
          apply,
          lastCheck: async (_plan, acting) => {
            checked.push(acting.action);
            return { ok: true };
          },
        },
      );
      expect(attempt).toMatchObject({ status: 'applied', action: 'scale' });
      expect(policy?.action).toBe('scale');
      expect(checked).toEqual(['scale']);
      expect(attempt.change?.after).toContain('replicas: 5');
      expect(attempt.steps.map(s => s.name)).toEqual([
        'features',
        'detection',
        'root-cause',
        'action-choice',
        'decision',
        'action',
      ]);
      expect(attempt.actionChoice).toMatchObject({
        chosen: 'scale',
        alertName: 'WebErrors',
        workloadKind: 'Deployment',
        summary:
          'scale healed 9 of 10 such WebErrors alerts on Deployments; restart 1 of 10',
      });
      expect(attempt.actionChoice!.candidates.map(c => c.action)).toEqual([
        'scale',
        'restart',
      ]);
      expect(attempt.steps[3].summary).toMatch(
        /^scale chosen by Thompson sampling\. scale healed 9 of 10/,
      );
    });

    it('draws the same for the same attempt id, and falls back to the policy order without evidence', async () => {
      const runs = await Promise.all(
        [1, 2].map(() =>
          runHealingPipeline(input({ ...scaling, mode: 'dry-run' }), {}),
        ),
      );
      expect(runs[0].attempt.actionChoice).toEqual(
        runs[1].attempt.actionChoice,
      );
      const actions = new Map<string, number>();
      for (let i = 0; i < 200; i++) {
        const { attempt } = await runHealingPipeline(
          input(
            { ...scaling, mode: 'dry-run' },
            {
              id: `attempt-${i}`,
              // Other alerts' outcomes are no evidence for this one.
              outcomes: outcomes({ scale: [50, 0] }, 'OtherAlert'),
            },
          ),
          {},
        );
        actions.set(attempt.action!, (actions.get(attempt.action!) ?? 0) + 1);
      }
      expect(actions.get('restart')!).toBeGreaterThan(120);
      expect(actions.get('scale')!).toBeGreaterThan(0);
    });

    it('passes over an action whose plan is refused, and refuses once every one is', async () => {
      const rollbackFirst = await runHealingPipeline(
        input(
          { mode: 'dry-run', actions: ['rollback', 'restart'] },
          { outcomes: outcomes({ rollback: [40, 0], restart: [0, 5] }) },
        ),
        {},
      );
      expect(rollbackFirst.attempt).toMatchObject({
        status: 'planned',
        action: 'restart',
      });
      const choice = rollbackFirst.attempt.actionChoice!;
      expect(choice.chosen).toBe('restart');
      expect(choice.candidates[0]).toMatchObject({
        action: 'rollback',
        refused: expect.stringContaining('no plan'),
      });
      expect(
        rollbackFirst.attempt.steps.find(s => s.name === 'action-choice')
          ?.summary,
      ).toContain('rollback passed over: no plan');

      const none = await runHealingPipeline(
        input(
          { mode: 'dry-run', actions: ['rollback', 'evict'] },
          { outcomes: outcomes({ rollback: [40, 0] }) },
        ),
        {},
      );
      expect(none.attempt.status).toBe('refused');
      expect(none.attempt.reason).toMatch(
        /^every action policy p allows was refused: rollback: no plan.*; evict: no plan/,
      );
      expect(none.attempt.actionChoice?.chosen).toBeUndefined();
    });

    it('stops at a rail that refuses every action alike', async () => {
      const { attempt } = await runHealingPipeline(
        input(scaling, { killSwitch: true }),
        { apply: jest.fn() },
      );
      expect(attempt).toMatchObject({
        status: 'refused',
        reason: 'the kill switch stops every action',
      });
      expect(
        attempt.actionChoice!.candidates.filter(c => c.refused),
      ).toHaveLength(1);
    });

    it('records the choice an observe policy would make', async () => {
      const { attempt } = await runHealingPipeline(
        input(
          { ...scaling, mode: 'observe' },
          { outcomes: outcomes({ scale: [30, 0], restart: [0, 30] }) },
        ),
        {},
      );
      expect(attempt).toMatchObject({ status: 'observed', action: 'scale' });
      expect(attempt.actionChoice?.chosen).toBe('scale');
    });
  });
});
