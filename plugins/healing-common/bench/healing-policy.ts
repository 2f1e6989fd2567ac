/*
 * Replays simulated incidents through the healing engine's action choice
 * (src/engine/chooseAction.ts, the ranking runHealingPipeline uses) and
 * measures what learning from verified outcomes gains.
 *
 *   npm run bench:healing-policy -- [--incidents 5000] [--seed 1]
 *
 * The simulator: six contexts (alert name × workload kind), each with a
 * policy's ordered actions and a known probability that each action heals
 * an incident of that context. The best action differs between contexts
 * and is not always the policy's first. Incidents arrive in a seeded random
 * order of contexts (equally likely). For incident i of context c the
 * chooser ranks the policy's actions with the outcomes verified so far
 * (its random source seeded with the incident's attempt id, as in the
 * pipeline); the top action a_i is taken. One uniform draw u_i per incident
 * decides every action's outcome at once (action a heals when
 * u_i < p(c, a)), so the chosen action and the two baselines below are
 * compared on the same luck. The outcome is fed back as verified: healed
 * → succeeded, not healed → failed, except that with probability 0.05 the
 * verifier cannot tell and it is fed back as inconclusive (which the
 * chooser counts neither way; the incident still counts as healed or not).
 *
 * Figures (N incidents; p(c, a) the healing probability; best(c) the
 * action with the highest p in c, first(c) the policy's first action):
 *   successes                   Σ_i [u_i < p(c_i, a_i)], incidents healed
 *   successes_best_fixed        Σ_i [u_i < p(c_i, best(c_i))]
 *   successes_first_choice      Σ_i [u_i < p(c_i, first(c_i))]
 *   regret_vs_best_fixed        Σ_i p(c_i, best(c_i)) − p(c_i, a_i): the
 *                               expected incidents lost against the oracle
 *                               that always takes each context's best
 *                               action (≥ 0)
 *   regret_vs_first_choice      Σ_i p(c_i, first(c_i)) − p(c_i, a_i): the
 *                               same against always taking the policy's
 *                               first action; negative is a gain
 *   realized_regret_vs_best_fixed    successes_best_fixed − successes
 *   realized_regret_vs_first_choice  successes_first_choice − successes
 * Expected regret is printed first as it does not depend on the luck of
 * the draws u_i, only on the choices.
 *
 * It prints a table per context, then `name: value` lines.
 */
import { HealingActionType } from '../src/api';
import { ActionOutcomeCount, rankActions } from '../src/engine/chooseAction';
import { seededRandom } from '../src/detection/random';
import { UsageError, log, parseOptions } from './lib/args';

/** The chance the verifier cannot tell whether an action healed. */
const INCONCLUSIVE = 0.05;

interface SimulatedContext {
  alertName: string;
  workloadKind: string;
  /** The policy's actions, preferred first, with their healing probability. */
  actions: Array<[HealingActionType, number]>;
}

const CONTEXTS: SimulatedContext[] = [
  {
    // The policy's first choice is right: learning must not lose much.
    alertName: 'KubePodCrashLooping',
    workloadKind: 'Deployment',
    actions: [
      ['restart', 0.85],
      ['rollback', 0.55],
      ['scale', 0.25],
    ],
  },
  {
    alertName: 'KubePodCrashLooping',
    workloadKind: 'StatefulSet',
    actions: [
      ['restart', 0.4],
      ['evict', 0.7],
      ['scale', 0.15],
    ],
  },
  {
    alertName: 'HighLatency',
    workloadKind: 'Deployment',
    actions: [
      ['restart', 0.35],
      ['scale', 0.8],
      ['traffic-shift', 0.6],
    ],
  },
  {
    alertName: 'FlashSaleOrderSurge',
    workloadKind: 'Deployment',
    actions: [
      ['scale', 0.9],
      ['traffic-shift', 0.5],
      ['restart', 0.1],
    ],
  },
  {
    alertName: 'ErrorRateAfterDeploy',
    workloadKind: 'Deployment',
    actions: [
      ['restart', 0.3],
      ['rollback', 0.9],
      ['scale', 0.15],
    ],
  },
  {
    // Two close actions, the better one last.
    alertName: 'ZoneFailure',
    workloadKind: 'Deployment',
    actions: [
      ['restart', 0.05],
      ['scale', 0.6],
      ['traffic-shift', 0.7],
    ],
  },
];

function integerOption(value: string, name: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    throw new UsageError(
      `--${name} must be a whole number of at least ${min}, got '${value}'`,
    );
  }
  return n;
}

interface ContextTally {
  incidents: number;
  successes: number;
  picks: Map<HealingActionType, number>;
  /** Picks of the best action in the last quarter of this context's incidents. */
  latePicks: number[];
}

function main() {
  const options = parseOptions(process.argv.slice(2), {
    incidents: '5000',
    seed: '1',
  });
  const incidents = integerOption(options.incidents, 'incidents', 1);
  const seed = integerOption(options.seed, 'seed', 0);
  const random = seededRandom(seed);

  // Verified outcomes per context and action, fed back as the store would.
  const outcomes = CONTEXTS.map(c =>
    c.actions.map(
      ([action]): ActionOutcomeCount => ({
        alertName: c.alertName,
        workloadKind: c.workloadKind,
        action,
        successes: 0,
        failures: 0,
        inconclusive: 0,
      }),
    ),
  );
  const tallies: ContextTally[] = CONTEXTS.map(() => ({
    incidents: 0,
    successes: 0,
    picks: new Map(),
    latePicks: [],
  }));
  let successes = 0;
  let successesBest = 0;
  let successesFirst = 0;
  let regretBest = 0;
  let regretFirst = 0;
  let choosingMs = 0;

  for (let i = 0; i < incidents; i++) {
    const index = Math.floor(random() * CONTEXTS.length);
    const context = CONTEXTS[index];
    const probability = new Map(context.actions);
    const best = Math.max(...context.actions.map(([, p]) => p));
    const first = context.actions[0][1];

    const started = performance.now();
    const [top] = rankActions({
      seed: `incident-${seed}-${i}`,
      alertName: context.alertName,
      workloadKind: context.workloadKind,
      actions: context.actions.map(([a]) => a),
      outcomes: outcomes[index],
    });
    choosingMs += performance.now() - started;
    const chosen = probability.get(top.action)!;

    const luck = random();
    const healed = luck < chosen;
    successes += healed ? 1 : 0;
    successesBest += luck < best ? 1 : 0;
    successesFirst += luck < first ? 1 : 0;
    regretBest += best - chosen;
    regretFirst += first - chosen;

    const counts = outcomes[index].find(o => o.action === top.action)!;
    if (random() < INCONCLUSIVE) counts.inconclusive++;
    else if (healed) counts.successes++;
    else counts.failures++;

    const tally = tallies[index];
    tally.incidents++;
    tally.successes += healed ? 1 : 0;
    tally.picks.set(top.action, (tally.picks.get(top.action) ?? 0) + 1);
    tally.latePicks.push(chosen === best ? 1 : 0);
  }

  log(
    `${incidents} incidents over ${
      CONTEXTS.length
    } contexts, seed ${seed}; inconclusive verification ${
      INCONCLUSIVE * 100
    } %`,
  );
  log('');
  log(
    [
      'context'.padEnd(38),
      'first'.padEnd(18),
      'best'.padEnd(18),
      'incidents'.padStart(9),
      'healed'.padStart(7),
      'best picked, last quarter'.padStart(26),
      '  picks',
    ].join(' '),
  );
  CONTEXTS.forEach((context, index) => {
    const tally = tallies[index];
    const bestAction = [...context.actions].sort((a, b) => b[1] - a[1])[0];
    const late = tally.latePicks.slice(
      Math.floor((tally.latePicks.length * 3) / 4),
    );
    const lateShare = late.length
      ? late.reduce((s, x) => s + x, 0) / late.length
      : 0;
    log(
      [
        `${context.alertName} × ${context.workloadKind}`.padEnd(38),
        `${context.actions[0][0]} ${context.actions[0][1]}`.padEnd(18),
        `${bestAction[0]} ${bestAction[1]}`.padEnd(18),
        String(tally.incidents).padStart(9),
        String(tally.successes).padStart(7),
        `${(lateShare * 100).toFixed(1)} %`.padStart(26),
        `  ${context.actions
          .map(([a]) => `${a} ${tally.picks.get(a) ?? 0}`)
          .join(', ')}`,
      ].join(' '),
    );
  });
  log('');
  const signed = (x: number, digits = 2) =>
    x > 0 ? `+${x.toFixed(digits)}` : x.toFixed(digits);
  log(`successes: ${successes}`);
  log(`successes_best_fixed: ${successesBest}`);
  log(`successes_first_choice: ${successesFirst}`);
  log(`realized_regret_vs_best_fixed: ${signed(successesBest - successes, 0)}`);
  log(
    `realized_regret_vs_first_choice: ${signed(successesFirst - successes, 0)}`,
  );
  log(
    `choice_us_per_incident: ${((choosingMs * 1000) / incidents).toFixed(1)}`,
  );
  log(`regret_vs_best_fixed: ${regretBest.toFixed(2)}`);
  log(`regret_vs_first_choice: ${signed(regretFirst)}`);
  log(`incidents: ${incidents}`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
}
