import { seededRandom } from '../detection/random';
import {
  ActionOutcomeCount,
  actionPrior,
  rankActions,
  sampleBeta,
  summarizeActionChoice,
} from './chooseAction';

const context = {
  alertName: 'KubePodCrashLooping',
  workloadKind: 'Deployment',
};

function outcome(
  action: ActionOutcomeCount['action'],
  successes: number,
  failures: number,
  inconclusive = 0,
  over: Partial<ActionOutcomeCount> = {},
): ActionOutcomeCount {
  return { ...context, action, successes, failures, inconclusive, ...over };
}

/** How often each action comes first over many attempt ids. */
function firstChoices(
  actions: ActionOutcomeCount['action'][],
  outcomes: ActionOutcomeCount[],
  runs = 2000,
) {
  const counts: Record<string, number> = {};
  for (let i = 0; i < runs; i++) {
    const [first] = rankActions({
      seed: `attempt-${i}`,
      ...context,
      actions,
      outcomes,
    });
    counts[first.action] = (counts[first.action] ?? 0) + 1;
  }
  return counts;
}

describe('sampleBeta', () => {
  it('draws with the mean and spread of the Beta distribution', () => {
    const random = seededRandom(7);
    for (const [a, b] of [
      [2, 5],
      [0.5, 0.5],
      [30, 3],
    ]) {
      const draws = Array.from({ length: 20_000 }, () =>
        sampleBeta(a, b, random),
      );
      const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
      const variance =
        draws.reduce((s, x) => s + (x - mean) ** 2, 0) / draws.length;
      expect(mean).toBeCloseTo(a / (a + b), 2);
      expect(variance).toBeCloseTo((a * b) / ((a + b) ** 2 * (a + b + 1)), 2);
      expect(draws.every(x => x >= 0 && x <= 1)).toBe(true);
    }
  });

  it('refuses parameters that are not positive', () => {
    expect(() => sampleBeta(0, 1, Math.random)).toThrow(
      'Beta parameters must be positive, got alpha 0 and beta 1',
    );
  });
});

describe('rankActions', () => {
  it('gives the policy order a small lead that falls to none for the last action', () => {
    expect([0, 1, 2].map(i => actionPrior(i, 3))).toEqual([2, 1, 0]);
    const ranked = rankActions({
      seed: 'a',
      ...context,
      actions: ['restart', 'scale'],
      outcomes: [],
    });
    expect(ranked.map(c => [c.action, c.prior])).toEqual(
      expect.arrayContaining([
        ['restart', 2],
        ['scale', 0],
      ]),
    );
    // Without evidence the first action is chosen most of the time, not always.
    const counts = firstChoices(['restart', 'scale'], []);
    expect(counts.restart / 2000).toBeGreaterThan(0.65);
    expect(counts.restart / 2000).toBeLessThan(0.85);
  });

  it('lets evidence override the prior', () => {
    const counts = firstChoices(
      ['restart', 'scale'],
      [outcome('restart', 1, 9), outcome('scale', 8, 1)],
    );
    expect(counts.scale / 2000).toBeGreaterThan(0.95);
  });

  it('is reproducible per seed and ranks by sample, highest first', () => {
    const input = {
      seed: 'attempt-42',
      ...context,
      actions: ['restart', 'scale', 'rollback'] as const,
      outcomes: [outcome('restart', 3, 2), outcome('rollback', 1, 1)],
    };
    const once = rankActions({ ...input, actions: [...input.actions] });
    const again = rankActions({ ...input, actions: [...input.actions] });
    expect(again).toEqual(once);
    expect(once.map(c => c.sample)).toEqual(
      [...once.map(c => c.sample)].sort((a, b) => b - a),
    );
    expect(once.find(c => c.action === 'restart')).toMatchObject({
      successes: 3,
      failures: 2,
    });
  });

  it('counts only the context and actions asked for; inconclusive counts neither way', () => {
    const ranked = rankActions({
      seed: 's',
      ...context,
      actions: ['scale', 'restart'],
      outcomes: [
        outcome('restart', 9, 1, 4),
        outcome('restart', 1, 0),
        outcome('restart', 50, 0, 0, { alertName: 'HighLatency' }),
        outcome('restart', 50, 0, 0, { workloadKind: 'StatefulSet' }),
        outcome('evict', 100, 0),
      ],
    });
    expect(ranked.map(c => c.action).sort()).toEqual(['restart', 'scale']);
    expect(ranked.find(c => c.action === 'restart')).toMatchObject({
      successes: 10,
      failures: 1,
      inconclusive: 4,
    });
    // Inconclusive outcomes do not move the posterior.
    const withInconclusive = firstChoices(
      ['restart', 'scale'],
      [outcome('restart', 0, 0, 40)],
    );
    expect(withInconclusive.restart / 2000).toBeGreaterThan(0.65);
    expect(() =>
      rankActions({ seed: 's', ...context, actions: [], outcomes: [] }),
    ).toThrow('rankActions needs at least one action');
  });
});

describe('summarizeActionChoice', () => {
  it('names the chosen action first with its evidence, then the others', () => {
    const candidates = [
      { action: 'scale', successes: 1, failures: 2, inconclusive: 0 },
      { action: 'restart', successes: 9, failures: 0, inconclusive: 1 },
      { action: 'rollback', successes: 0, failures: 0, inconclusive: 0 },
    ].map(c => ({ ...c, prior: 0, sample: 0.5 })) as any;
    expect(
      summarizeActionChoice({ ...context, chosen: 'restart', candidates }),
    ).toBe(
      'restart healed 9 of 10 such KubePodCrashLooping alerts on Deployments; scale 1 of 3; rollback not tried yet',
    );
    expect(
      summarizeActionChoice({
        alertName: 'NodeDown',
        workloadKind: 'Node',
        chosen: 'rollback',
        candidates,
      }),
    ).toBe(
      'rollback has no verified outcome yet on NodeDown alerts on Nodes; scale 1 of 3; restart 9 of 10',
    );
  });
});
