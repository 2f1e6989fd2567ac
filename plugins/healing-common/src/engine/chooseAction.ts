import {
  HealingActionCandidate,
  HealingActionChoice,
  HealingActionType,
} from '../api';
import { Random, seededRandom } from '../detection/random';

/**
 * Verified outcomes of one action in one context (alert name × workload
 * kind), as counted from stored attempts.
 *
 * @public
 */
export interface ActionOutcomeCount {
  alertName: string;
  workloadKind: string;
  action: HealingActionType;
  /** Attempts verified `succeeded`. */
  successes: number;
  /** Attempts verified `failed` (the action did not heal, or could not be sent). */
  failures: number;
  /** Attempts verified `inconclusive`: shown, but evidence neither way. */
  inconclusive: number;
}

/**
 * What {@link rankActions} weighs.
 *
 * @public
 */
export interface ActionRankingInput {
  /** Seeds the random source: the same attempt draws the same samples. */
  seed: string;
  alertName: string;
  workloadKind: string;
  /** The actions the policy allows, preferred first; only these are ranked. */
  actions: readonly HealingActionType[];
  outcomes: readonly ActionOutcomeCount[];
}

/**
 * Pseudo-successes the policy's first action has over its last before any
 * evidence; the ones between get a share by position. Small on purpose:
 * a handful of verified outcomes outweighs it.
 *
 * @public
 */
export const ACTION_PRIOR_LEAD = 2;

/** A 32-bit FNV-1a hash of a string: the seed of an attempt's random source. */
function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function standardNormal(random: Random): number {
  // Box–Muller; 1 - u keeps the logarithm finite.
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A Gamma(shape, 1) draw (Marsaglia and Tsang; shape < 1 by boosting). */
function gamma(shape: number, random: Random): number {
  if (shape < 1) {
    return gamma(shape + 1, random) * Math.pow(1 - random(), 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (u < 1 - 0.0331 * x ** 4) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * A draw from Beta(alpha, beta), both positive.
 *
 * @public
 */
export function sampleBeta(
  alpha: number,
  beta: number,
  random: Random,
): number {
  if (!(alpha > 0) || !(beta > 0)) {
    throw new Error(
      `Beta parameters must be positive, got alpha ${alpha} and beta ${beta}`,
    );
  }
  const x = gamma(alpha, random);
  const y = gamma(beta, random);
  return x / (x + y);
}

/**
 * The prior pseudo-successes of the action at `index` of `count`:
 * {@link ACTION_PRIOR_LEAD} for the first, falling linearly to 0 for the last.
 *
 * @public
 */
export function actionPrior(index: number, count: number): number {
  if (count <= 1) return ACTION_PRIOR_LEAD;
  return (ACTION_PRIOR_LEAD * (count - 1 - index)) / (count - 1);
}

/**
 * Ranks the actions a policy allows by Thompson sampling: each action's
 * success rate in this context has the posterior
 * Beta(1 + prior + successes, 1 + failures), where the prior comes from the
 * policy's order ({@link actionPrior}) and inconclusive outcomes count
 * neither way; one sample is drawn from each, in the policy's order, from a
 * random source seeded with `seed`. Highest sample first; ties keep the
 * policy's order. Outcomes of other contexts or of actions the policy does
 * not allow are ignored.
 *
 * @public
 */
export function rankActions(
  input: ActionRankingInput,
): HealingActionCandidate[] {
  if (input.actions.length === 0) {
    throw new Error('rankActions needs at least one action to rank');
  }
  const random = seededRandom(hashSeed(input.seed));
  const candidates = input.actions.map((action, index) => {
    const counts = { successes: 0, failures: 0, inconclusive: 0 };
    for (const o of input.outcomes) {
      if (
        o.action === action &&
        o.alertName === input.alertName &&
        o.workloadKind === input.workloadKind
      ) {
        counts.successes += o.successes;
        counts.failures += o.failures;
        counts.inconclusive += o.inconclusive;
      }
    }
    const prior = actionPrior(index, input.actions.length);
    const sample = sampleBeta(
      1 + prior + counts.successes,
      1 + counts.failures,
      random,
    );
    return {
      candidate: {
        action,
        ...counts,
        prior: Math.round(prior * 1000) / 1000,
        sample: Math.round(sample * 1000) / 1000,
      } as HealingActionCandidate,
      index,
      raw: sample,
    };
  });
  return candidates
    .sort((a, b) => b.raw - a.raw || a.index - b.index)
    .map(c => c.candidate);
}

function plural(kind: string): string {
  if (/(s|x|ch|sh)$/.test(kind)) return `${kind}es`;
  return `${kind}s`;
}

/**
 * One line of evidence, the chosen action first, e.g.
 * `restart healed 9 of 10 such KubePodCrashLooping alerts on Deployments; scale 1 of 3`.
 *
 * @public
 */
export function summarizeActionChoice(
  choice: Pick<
    HealingActionChoice,
    'chosen' | 'candidates' | 'alertName' | 'workloadKind'
  >,
): string {
  const ordered = [
    ...choice.candidates.filter(c => c.action === choice.chosen),
    ...choice.candidates.filter(c => c.action !== choice.chosen),
  ];
  const kinds = plural(choice.workloadKind);
  return ordered
    .map((c, i) => {
      const tried = c.successes + c.failures + c.inconclusive;
      if (i === 0) {
        return tried === 0
          ? `${c.action} has no verified outcome yet on ${choice.alertName} alerts on ${kinds}`
          : `${c.action} healed ${c.successes} of ${tried} such ${choice.alertName} alerts on ${kinds}`;
      }
      return tried === 0
        ? `${c.action} not tried yet`
        : `${c.action} ${c.successes} of ${tried}`;
    })
    .join('; ');
}
