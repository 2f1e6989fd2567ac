import { planScale } from './actions/planScale';
import { clusterNotReadyReason } from './clusterReadiness';
import { ClusterObject, objectsView } from './objects';

describe('clusterNotReadyReason', () => {
  it('allows a ready cluster whose kinds are read or not served', () => {
    expect(
      clusterNotReadyReason(
        'c',
        {
          state: 'ready',
          kinds: [
            { kind: 'Pod', state: 'ready' },
            { kind: 'Rollout', state: 'absent' },
          ],
        },
        ['Pod', 'Rollout', 'PodDisruptionBudget'],
      ),
    ).toBeUndefined();
  });

  it('names what is not in sync', () => {
    expect(
      clusterNotReadyReason('c', { state: 'syncing', kinds: [] }, ['Pod']),
    ).toBe('cluster c is still syncing');
    expect(
      clusterNotReadyReason(
        'c',
        {
          state: 'ready',
          kinds: [{ kind: 'Pod', state: 'error', error: '403 forbidden' }],
        },
        ['Deployment', 'Pod'],
      ),
    ).toBe('Pod objects of cluster c are not in sync (error: 403 forbidden)');
    expect(clusterNotReadyReason('c', undefined, [])).toBe(
      'the state of cluster c is unknown',
    );
  });
});

describe('planScale down', () => {
  const labels = { app: 'web' };
  const web = (replicas: number): ClusterObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop', uid: 'web' },
    spec: { replicas, template: { metadata: { labels } } },
  });
  const pdb = (minAvailable: number | string, name = 'web-pdb') => ({
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name, namespace: 'shop' },
    spec: { minAvailable, selector: { matchLabels: labels } },
  });
  const now = new Date('2026-11-26T10:00:00Z');
  const plan = (replicas: number, step: number, extra: ClusterObject[]) => {
    const workload = web(replicas);
    return planScale(
      { view: objectsView([workload, ...extra]), workload, now },
      { step, max: 10 },
    );
  };

  it('never goes below one replica', () => {
    const result = plan(2, -5, []);
    expect(result.ok && result.plan.patch.body).toEqual({
      spec: { replicas: 1 },
    });
    const atOne = plan(1, -1, []);
    expect(atOne).toEqual({
      ok: false,
      reason:
        'Deployment web is already at 1 replicas, the limit (a scale-down keeps at least 1)',
    });
  });

  it('keeps the minAvailable of the budgets selecting the workload, as a count or a percentage of the replicas', () => {
    const counted = plan(6, -5, [pdb(4), pdb(2, 'loose')]);
    expect(counted.ok && counted.plan.patch.body).toEqual({
      spec: { replicas: 4 },
    });
    // 50% of 6 replicas, rounded up: 3.
    const percent = plan(6, -5, [pdb('50%')]);
    expect(percent.ok && percent.plan.patch.body).toEqual({
      spec: { replicas: 3 },
    });
    const blocked = plan(3, -1, [pdb(3)]);
    expect(blocked).toEqual({
      ok: false,
      reason:
        'Deployment web is already at 3 replicas, the limit (PodDisruptionBudget web-pdb keeps at least 3)',
    });
    // Below the budget already: a scale-down must not raise it either.
    expect(plan(2, -1, [pdb(3)]).ok).toBe(false);
    // A budget of other pods does not count.
    const other = {
      ...pdb(5, 'db-pdb'),
      spec: { minAvailable: 5, selector: { matchLabels: { app: 'db' } } },
    };
    const unrelated = plan(3, -2, [other]);
    expect(unrelated.ok && unrelated.plan.patch.body).toEqual({
      spec: { replicas: 1 },
    });
  });
});
