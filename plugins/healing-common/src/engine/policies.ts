import { HealingActionType, HealingMode, HealingTarget } from '../api';

const ACTIONS: readonly HealingActionType[] = [
  'restart',
  'scale',
  'traffic-shift',
  'rollback',
  'evict',
  'rollout-abort',
  'rollout-undo',
];
const MODES: readonly HealingMode[] = [
  'observe',
  'dry-run',
  'approval',
  'enforce',
];
const UNITS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/**
 * What a policy applies to; every given field must match, labels all of
 * theirs. An empty match applies to every alert.
 *
 * @public
 */
export interface HealingPolicyMatch {
  alertname?: string;
  labels?: Record<string, string>;
  cluster?: string;
  namespace?: string;
  entityRef?: string;
}

/**
 * One entry of `healing.policies`, with its defaults filled in.
 *
 * @public
 */
export interface HealingPolicy {
  name: string;
  match: HealingPolicyMatch;
  /** The action it takes; with several allowed, the first of `actions`. */
  action: HealingActionType;
  /**
   * Every action it allows, in order of preference; the action choice
   * picks among them from verified outcomes. Read from config it is always
   * set (`[action]` for a one-action policy); left out, `[action]`.
   */
  actions?: readonly HealingActionType[];
  mode: HealingMode;
  /** Calibrated confidence the detection must reach to act (0.9). */
  threshold: number;
  /** Time after an action on a target during which no other runs (15 min). */
  cooldownMs: number;
  /** How long after an action its effect is watched (10 min). */
  verifyWindowMs: number;
  /** Failed attempts in a row after which a target is left to people (3). */
  maxConsecutiveFailures: number;
  scale?: { step: number; max: number };
  trafficShift?: { percent: number; toSubset?: string; toCluster?: string };
}

/**
 * The defaults a policy entry gets for what it leaves out.
 *
 * @public
 */
export const HEALING_POLICY_DEFAULTS = {
  mode: 'dry-run' as HealingMode,
  threshold: 0.9,
  cooldownMs: 15 * 60_000,
  verifyWindowMs: 10 * 60_000,
  maxConsecutiveFailures: 3,
};

/**
 * Parses `15m`, `30s`, `1h30m`, `500ms` or a number of milliseconds.
 *
 * @public
 */
export function parseDuration(value: unknown, at: string): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
    return value;
  }
  if (typeof value !== 'string' || !/^(\d+(ms|s|m|h|d))+$/.test(value)) {
    throw new Error(
      `${at}: '${String(value)}' is not a duration such as 30s, 15m or 1h30m`,
    );
  }
  let total = 0;
  for (const [, amount, unit] of value.matchAll(/(\d+)(ms|s|m|h|d)/g)) {
    total += Number(amount) * UNITS[unit];
  }
  return total;
}

function record(value: unknown, at: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${at} must be an object`);
  }
  return value as Record<string, unknown>;
}

function optionalString(
  source: Record<string, unknown>,
  name: string,
  at: string,
): string | undefined {
  const value = source[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') {
    throw new Error(`${at}.${name} must be a non-empty string`);
  }
  return value;
}

function numberIn(
  value: unknown,
  at: string,
  min: number,
  max: number,
  integer = false,
): number {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (integer && !Number.isInteger(value))
  ) {
    throw new Error(
      `${at} must be ${
        integer ? 'a whole number' : 'a number'
      } from ${min} to ${max}, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function readMatch(value: unknown, at: string): HealingPolicyMatch {
  if (value === undefined) return {};
  const match = record(value, at);
  const known = ['alertname', 'labels', 'cluster', 'namespace', 'entityRef'];
  const unknown = Object.keys(match).filter(k => !known.includes(k));
  if (unknown.length) {
    throw new Error(
      `${at}.${unknown[0]} is not a match field; use ${known.join(', ')}`,
    );
  }
  let labels: Record<string, string> | undefined;
  if (match.labels !== undefined) {
    labels = {};
    for (const [k, v] of Object.entries(record(match.labels, `${at}.labels`))) {
      if (typeof v !== 'string') {
        throw new Error(`${at}.labels.${k} must be a string`);
      }
      labels[k] = v;
    }
  }
  const out: HealingPolicyMatch = {
    alertname: optionalString(match, 'alertname', at),
    cluster: optionalString(match, 'cluster', at),
    namespace: optionalString(match, 'namespace', at),
    entityRef: optionalString(match, 'entityRef', at),
    labels,
  };
  return Object.fromEntries(
    Object.entries(out).filter(([, v]) => v !== undefined),
  ) as HealingPolicyMatch;
}

function readPolicy(value: unknown, index: number): HealingPolicy {
  const at = `healing.policies[${index}]`;
  const entry = record(value, at);
  const name = optionalString(entry, 'name', at);
  if (!name) throw new Error(`${at}.name is required`);
  const actions = readActions(entry, at);
  const action = actions[0];
  const mode = (entry.mode ?? HEALING_POLICY_DEFAULTS.mode) as HealingMode;
  if (!MODES.includes(mode)) {
    throw new Error(
      `${at}.mode must be one of ${MODES.join(', ')}, got ${JSON.stringify(
        entry.mode,
      )}`,
    );
  }
  const policy: HealingPolicy = {
    name,
    match: readMatch(entry.match, `${at}.match`),
    action,
    actions,
    mode,
    threshold:
      entry.threshold === undefined
        ? HEALING_POLICY_DEFAULTS.threshold
        : numberIn(entry.threshold, `${at}.threshold`, 0, 1),
    cooldownMs:
      entry.cooldown === undefined
        ? HEALING_POLICY_DEFAULTS.cooldownMs
        : parseDuration(entry.cooldown, `${at}.cooldown`),
    verifyWindowMs:
      entry.verifyWindow === undefined
        ? HEALING_POLICY_DEFAULTS.verifyWindowMs
        : parseDuration(entry.verifyWindow, `${at}.verifyWindow`),
    maxConsecutiveFailures:
      entry.maxConsecutiveFailures === undefined
        ? HEALING_POLICY_DEFAULTS.maxConsecutiveFailures
        : numberIn(
            entry.maxConsecutiveFailures,
            `${at}.maxConsecutiveFailures`,
            1,
            1000,
            true,
          ),
  };
  if (entry.scale !== undefined) {
    const scale = record(entry.scale, `${at}.scale`);
    policy.scale = {
      step: nonZero(
        numberIn(scale.step, `${at}.scale.step`, -100_000, 100_000, true),
        `${at}.scale.step`,
      ),
      max: numberIn(scale.max, `${at}.scale.max`, 1, 100_000, true),
    };
  } else if (actions.includes('scale')) {
    throw new Error(`${at}.scale { step, max } is required for action scale`);
  }
  if (entry.trafficShift !== undefined) {
    const shift = record(entry.trafficShift, `${at}.trafficShift`);
    policy.trafficShift = {
      percent: numberIn(
        shift.percent,
        `${at}.trafficShift.percent`,
        1,
        100,
        true,
      ),
      toSubset: optionalString(shift, 'toSubset', `${at}.trafficShift`),
      toCluster: optionalString(shift, 'toCluster', `${at}.trafficShift`),
    };
    if (!policy.trafficShift.toSubset && !policy.trafficShift.toCluster) {
      throw new Error(`${at}.trafficShift needs toSubset or toCluster`);
    }
  } else if (actions.includes('traffic-shift')) {
    throw new Error(
      `${at}.trafficShift { percent, toSubset | toCluster } is required for action traffic-shift`,
    );
  }
  return policy;
}

function actionName(value: unknown, at: string): HealingActionType {
  if (!ACTIONS.includes(value as HealingActionType)) {
    throw new Error(
      `${at} must be one of ${ACTIONS.join(', ')}, got ${JSON.stringify(
        value,
      )}`,
    );
  }
  return value as HealingActionType;
}

/** `action: restart` or `actions: [restart, scale]`, never both. */
function readActions(
  entry: Record<string, unknown>,
  at: string,
): HealingActionType[] {
  if (entry.actions === undefined) {
    return [actionName(entry.action, `${at}.action`)];
  }
  if (entry.action !== undefined) {
    throw new Error(
      `${at} gives both action and actions; list every allowed action under actions, the preferred first`,
    );
  }
  if (!Array.isArray(entry.actions) || entry.actions.length === 0) {
    throw new Error(
      `${at}.actions must be a non-empty list of ${ACTIONS.join(', ')}`,
    );
  }
  const actions = entry.actions.map((a, i) =>
    actionName(a, `${at}.actions[${i}]`),
  );
  actions.forEach((a, i) => {
    if (actions.indexOf(a) !== i) {
      throw new Error(`${at}.actions[${i}] '${a}' is listed twice`);
    }
  });
  return actions;
}

/**
 * Every action a policy allows, preferred first.
 *
 * @public
 */
export function policyActions(
  policy: Pick<HealingPolicy, 'action' | 'actions'>,
): readonly HealingActionType[] {
  return policy.actions && policy.actions.length > 0
    ? policy.actions
    : [policy.action];
}

/**
 * Reads `healing.policies` (JSON as config gives it). A bad entry throws
 * with the key that is wrong, so a typo stops start-up rather than letting
 * a policy act differently than written.
 *
 * @public
 */
export function readHealingPolicies(json: unknown): HealingPolicy[] {
  if (json === undefined || json === null) return [];
  if (!Array.isArray(json)) throw new Error('healing.policies must be a list');
  const policies = json.map(readPolicy);
  const seen = new Set<string>();
  policies.forEach((p, i) => {
    if (seen.has(p.name)) {
      throw new Error(`healing.policies[${i}].name '${p.name}' is used twice`);
    }
    seen.add(p.name);
  });
  return policies;
}

/**
 * What {@link matchPolicy} compares a policy with.
 *
 * @public
 */
export interface PolicyAlert {
  name: string;
  labels: Record<string, string>;
}

/**
 * The policy for an alert on a target: the first, in configuration order,
 * whose every match field agrees. Order policies from the most specific to
 * the most general, since no later one is looked at once one matched.
 *
 * @public
 */
export function matchPolicy(
  policies: readonly HealingPolicy[],
  alert: PolicyAlert,
  target: Pick<HealingTarget, 'cluster' | 'namespace' | 'entityRef'>,
): HealingPolicy | undefined {
  return policies.find(({ match }) => {
    if (match.alertname !== undefined && match.alertname !== alert.name)
      return false;
    if (match.cluster !== undefined && match.cluster !== target.cluster)
      return false;
    if (match.namespace !== undefined && match.namespace !== target.namespace)
      return false;
    if (
      match.entityRef !== undefined &&
      match.entityRef.toLocaleLowerCase('en-US') !==
        target.entityRef?.toLocaleLowerCase('en-US')
    ) {
      return false;
    }
    return Object.entries(match.labels ?? {}).every(
      ([k, v]) => alert.labels[k] === v,
    );
  });
}

function nonZero(value: number, at: string): number {
  if (value === 0) throw new Error(`${at} must not be 0`);
  return value;
}
