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
      { name: 'p', action: 'restart', ...policy },
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
});
