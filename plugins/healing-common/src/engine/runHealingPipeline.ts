import {
  HealingActionCandidate,
  HealingAlert,
  HealingAttempt,
  HealingStep,
  HealingTarget,
  RootCauseRank,
} from '../api';
import { rankRootCauses } from '../rca/rankRootCauses';
import { HealingPlan } from './actions/HealingPlan';
import { calibratedConfidence } from './calibrationTable';
import { DETECTION_POINTS, detectionScore } from './detectionScore';
import {
  FEATURE_METRICS,
  FEATURE_STEP_SECONDS,
  FeatureRequest,
  featureRange,
} from './features';
import { ClusterReadiness } from './clusterReadiness';
import { ClusterObjectsView, ClusterObject } from './objects';
import {
  ActionOutcomeCount,
  rankActions,
  summarizeActionChoice,
} from './chooseAction';
import { EntityHealingMode, capPolicyByEntity } from './entityHealingMode';
import { HealingPolicy, matchPolicy, policyActions } from './policies';
import { PreparedAction, prepareAction } from './prepareAction';
import { redactAttempt } from './redactAttempt';
import { HealingBudgets, RailHistoryEntry } from './safetyRails';

/**
 * One alert to run through the pipeline, with the cluster as it is now.
 *
 * @public
 */
export interface HealingPipelineInput {
  id: string;
  now: Date;
  alert: HealingAlert;
  target: HealingTarget;
  /** Set when the alert names no known cluster or workload: the attempt is `unmatched`. */
  unmatchedReason?: string;
  /** A pod the alert named, for eviction. */
  pod?: string;
  view?: ClusterObjectsView;
  workload?: ClusterObject;
  /** How far `view` is from the cluster; the engine acts only on a cluster in sync. */
  cluster: ClusterReadiness | undefined;
  /** Workload names of the target's topology neighbours. */
  neighbours: readonly string[];
  /** Service → services it calls, for the root-cause ranking. */
  dependencies?: Record<string, readonly string[]>;
  policies: readonly HealingPolicy[];
  killSwitch: boolean;
  budgets: HealingBudgets;
  history: readonly RailHistoryEntry[];
  /**
   * Verified outcomes per alert name, workload kind and action, from which
   * a policy that allows several actions chooses one; none counts as no
   * evidence, so the policy's order decides.
   */
  outcomes?: readonly ActionOutcomeCount[];
  /**
   * The healing-mode annotation of the target's catalog entity, which can
   * lower the matched policy's mode (see `capPolicyByEntity`).
   */
  entityMode?: EntityHealingMode;
  /** Seeds the action choice's random source; the attempt id by default. */
  choiceSeed?: string;
}

/**
 * What the pipeline reaches outside itself through.
 *
 * @public
 */
export interface HealingPipelineDeps {
  /** One feature series; undefined or a throw when there is no Prometheus or no data. */
  series?(request: FeatureRequest): Promise<ArrayLike<number> | undefined>;
  /** Carries the plan out; called only in enforce mode. */
  apply?(plan: HealingPlan): Promise<void>;
  /**
   * The last word right before `apply`: the caller reads the kill switch
   * and the rails' history again and records that it is about to act, so
   * no other instance (nor a later run of this one) acts on it too. A
   * refusal makes the attempt `refused` and nothing is applied; a throw
   * (the store is down) refuses as well, since acting unrecorded is what
   * this guards against.
   */
  lastCheck?(
    plan: HealingPlan,
    policy: HealingPolicy,
  ): Promise<{ ok: true } | { ok: false; rail: string; reason: string }>;
}

/**
 * The attempt the pipeline recorded, with the policy and plan it used.
 *
 * @public
 */
export interface HealingPipelineResult {
  attempt: HealingAttempt;
  policy?: HealingPolicy;
  plan?: HealingPlan;
}

type Series = Map<string, ArrayLike<number>>;

/** Rails that refuse whatever the action: trying the next action is moot. */
const ACTION_INDEPENDENT_RAILS = new Set([
  'kill-switch',
  'consecutive-failures',
  'cooldown',
  'namespace-budget',
  'cluster-budget',
  'fleet-budget',
]);

function refusesEveryAction(
  refusal: Extract<PreparedAction, { ok: false }>,
): boolean {
  if (!refusal.rail) return false;
  // Out of sync before any plan: the target's own kinds, not the action's.
  if (refusal.rail === 'cluster-sync') return !refusal.plan;
  return ACTION_INDEPENDENT_RAILS.has(refusal.rail);
}

async function collectFeatures(
  input: HealingPipelineInput,
  deps: HealingPipelineDeps,
): Promise<{ series: Series; failures: string[] }> {
  const range = featureRange(new Date(input.alert.startsAt), input.now);
  const services = [
    input.target.name,
    ...input.neighbours.filter(n => n !== input.target.name),
  ];
  const series: Series = new Map();
  const failures: string[] = [];
  await Promise.all(
    services.flatMap(service =>
      FEATURE_METRICS.map(async metric => {
        try {
          const values = await deps.series!({
            cluster: input.target.cluster,
            namespace: input.target.namespace,
            service,
            metric,
            ...range,
            stepSeconds: FEATURE_STEP_SECONDS,
          });
          if (values && values.length > 0)
            series.set(`${service}_${metric}`, values);
        } catch (error) {
          failures.push(`${service} ${metric}: ${(error as Error).message}`);
        }
      }),
    ),
  );
  return { series, failures };
}

function rootCauses(
  series: Series,
  input: HealingPipelineInput,
): RootCauseRank[] {
  const normal: Record<string, ArrayLike<number>> = {};
  const anomalous: Record<string, ArrayLike<number>> = {};
  for (const [name, values] of series) {
    const at = Math.max(0, values.length - DETECTION_POINTS);
    normal[name] = Array.prototype.slice.call(values, 0, at);
    anomalous[name] = Array.prototype.slice.call(values, at);
  }
  return rankRootCauses(normal, anomalous, {
    dependencies: input.dependencies,
    limit: 3,
  }).map(c => ({
    service: c.service,
    score: Math.round(c.score * 100) / 100,
    evidence: c.evidence
      .slice(0, 3)
      .map(
        e =>
          `${e.metric} moved ${e.sigmas.toFixed(
            1,
          )} sigmas from its normal median`,
      ),
  }));
}

/**
 * Runs one alert through features → detection → root cause → decision →
 * action, recording each as a step. Observe and dry-run never call
 * `deps.apply`; approval leaves the attempt pending; enforce applies when
 * the calibrated confidence reaches the policy's threshold and every
 * safety rail allows it. Without metrics there is no confidence, so an
 * enforce policy falls back to asking for approval (unless its threshold is 0).
 * The attempt comes back redacted (see `redactAttempt`): its steps quote
 * the cluster's objects and errors, and it is stored and served as is.
 *
 * @public
 */
export async function runHealingPipeline(
  input: HealingPipelineInput,
  deps: HealingPipelineDeps,
): Promise<HealingPipelineResult> {
  const result = await runPipeline(input, deps);
  return { ...result, attempt: redactAttempt(result.attempt) };
}

async function runPipeline(
  input: HealingPipelineInput,
  deps: HealingPipelineDeps,
): Promise<HealingPipelineResult> {
  const at = input.now.toISOString();
  const steps: HealingStep[] = [];
  const attempt: HealingAttempt = {
    id: input.id,
    kind: 'remediation',
    cluster: input.target.cluster,
    target: input.target,
    alert: input.alert,
    mode: 'observe',
    status: 'unmatched',
    createdAt: at,
    updatedAt: at,
    steps,
  };
  if (input.unmatchedReason || !input.view || !input.workload) {
    attempt.reason =
      input.unmatchedReason ?? 'the alert names no known workload';
    return { attempt };
  }
  const matched = matchPolicy(input.policies, input.alert, input.target);
  if (!matched) {
    attempt.reason = `no policy matches alert ${input.alert.name}`;
    return { attempt };
  }
  const { policy, note: capNote } = capPolicyByEntity(
    matched,
    input.entityMode,
  );
  attempt.policy = policy.name;
  attempt.mode = policy.mode;
  attempt.action = policy.action;
  if (input.entityMode?.mode === 'disabled') {
    // Ignored as the entity asks: no queries, no plan.
    attempt.status = 'observed';
    attempt.reason = capNote;
    steps.push({
      name: 'decision',
      at,
      status: 'ok',
      summary: capNote!,
      data: { policy: policy.name, entityMode: input.entityMode },
    });
    return { attempt, policy };
  }

  let series: Series = new Map();
  if (!deps.series) {
    steps.push({
      name: 'features',
      at,
      status: 'skipped',
      summary: `no Prometheus for cluster ${input.target.cluster}`,
    });
  } else {
    const collected = await collectFeatures(input, deps);
    series = collected.series;
    steps.push(
      series.size === 0
        ? {
            name: 'features',
            at,
            status: 'skipped',
            summary: collected.failures.length
              ? `Prometheus could not answer: ${collected.failures[0]}`
              : 'Prometheus has no samples for the target',
            data: { failures: collected.failures.slice(0, 10) },
          }
        : {
            name: 'features',
            at,
            status: 'ok',
            summary: `${series.size} series of ${
              1 + input.neighbours.length
            } services`,
            data: {
              series: [...series.keys()].sort(),
              failures: collected.failures.slice(0, 10),
            },
          },
    );
  }

  const targetSeries = FEATURE_METRICS.map(m =>
    series.get(`${input.target.name}_${m}`),
  ).filter((s): s is ArrayLike<number> => !!s);
  if (targetSeries.length === 0) {
    steps.push({
      name: 'detection',
      at,
      status: 'skipped',
      summary: 'no feature series of the target',
    });
    steps.push({
      name: 'root-cause',
      at,
      status: 'skipped',
      summary: 'no feature series',
    });
  } else {
    const scores = detectionScore(targetSeries);
    attempt.confidence = calibratedConfidence(scores);
    steps.push({
      name: 'detection',
      at,
      status: 'ok',
      summary: `raw score ${scores.raw.toFixed(3)}, calibrated confidence ${
        attempt.confidence
      }`,
      data: scores,
    });
    attempt.rootCause = rootCauses(series, input);
    steps.push({
      name: 'root-cause',
      at,
      status: 'ok',
      summary: attempt.rootCause.length
        ? `most likely ${attempt.rootCause[0].service}`
        : 'no service stands out',
      data: attempt.rootCause,
    });
  }

  const decide = (
    status: HealingAttempt['status'],
    reason: string,
    rail?: string,
  ) => {
    attempt.status = status;
    attempt.reason = reason;
    steps.push({
      name: 'decision',
      at,
      status: 'ok',
      summary: reason,
      data: {
        policy: policy.name,
        threshold: policy.threshold,
        confidence: attempt.confidence,
        rail,
      },
    });
  };
  const allowed = policyActions(policy);
  // One allowed action leaves nothing to choose: no choice is recorded.
  const ranked =
    allowed.length > 1
      ? rankActions({
          seed: input.choiceSeed ?? input.id,
          alertName: input.alert.name,
          workloadKind: input.target.kind,
          actions: allowed,
          outcomes: input.outcomes ?? [],
        })
      : undefined;
  const recordChoice = (chosen: HealingActionCandidate | undefined) => {
    if (!ranked) return;
    const choice = {
      chosen: chosen?.action,
      alertName: input.alert.name,
      workloadKind: input.target.kind,
      candidates: ranked,
      summary: summarizeActionChoice({
        chosen: chosen?.action,
        alertName: input.alert.name,
        workloadKind: input.target.kind,
        candidates: ranked,
      }),
    };
    attempt.actionChoice = choice;
    const passedOver = ranked.filter(c => c.refused);
    steps.push({
      name: 'action-choice',
      at,
      status: 'ok',
      summary: [
        chosen
          ? `${chosen.action} chosen by Thompson sampling`
          : 'every allowed action was refused',
        choice.summary,
        ...passedOver.map(c => `${c.action} passed over: ${c.refused}`),
      ].join('. '),
      data: choice,
    });
  };
  if (ranked) attempt.action = ranked[0].action;

  if (policy.mode === 'observe') {
    recordChoice(ranked?.[0]);
    decide('observed', `policy ${policy.name} observes only`);
    return { attempt, policy };
  }
  // The best sample first; one the plan or a rail refuses gives way to the
  // next, unless the rail refuses whatever the action (kill switch,
  // cooldown, budgets…), when the next would be refused the same.
  let acting = policy;
  let prepared: Extract<PreparedAction, { ok: true }> | undefined;
  const refusals: Array<Extract<PreparedAction, { ok: false }>> = [];
  for (const candidate of ranked ?? [undefined]) {
    const candidatePolicy = candidate
      ? { ...policy, action: candidate.action }
      : policy;
    const outcome = prepareAction({
      policy: candidatePolicy,
      target: input.target,
      view: input.view,
      workload: input.workload,
      pod: input.pod,
      cluster: input.cluster,
      now: input.now,
      killSwitch: input.killSwitch,
      budgets: input.budgets,
      history: input.history,
    });
    if (outcome.ok) {
      prepared = outcome;
      acting = candidatePolicy;
      attempt.action = candidatePolicy.action;
      recordChoice(candidate);
      break;
    }
    refusals.push(outcome);
    if (candidate) candidate.refused = outcome.reason;
    if (refusesEveryAction(outcome)) break;
  }
  if (!prepared) {
    recordChoice(undefined);
    const first = refusals[0];
    if (first.plan) attempt.change = first.plan.change;
    const reason =
      refusals.length === 1
        ? first.reason
        : `every action policy ${policy.name} allows was refused: ${refusals
            .map((r, i) => `${ranked![i].action}: ${r.reason}`)
            .join('; ')}`;
    decide('refused', reason, refusals.find(r => r.rail)?.rail);
    return { attempt, policy, plan: first.plan };
  }
  attempt.change = prepared.plan.change;
  const { plan } = prepared;
  const confident =
    attempt.confidence === undefined
      ? policy.threshold === 0
      : attempt.confidence >= policy.threshold;
  if (attempt.confidence !== undefined && !confident) {
    decide(
      'observed',
      `confidence ${attempt.confidence} is below the threshold ${policy.threshold} of policy ${policy.name}`,
    );
    return { attempt, policy: acting, plan };
  }
  if (policy.mode === 'dry-run') {
    decide(
      'planned',
      capNote
        ? `dry run: ${capNote}; planned, not applied`
        : `dry run of policy ${policy.name}: planned, not applied`,
    );
    return { attempt, policy: acting, plan };
  }
  if (policy.mode === 'approval' || !confident) {
    decide(
      'pending-approval',
      policy.mode === 'approval'
        ? `policy ${policy.name} needs an approval`
        : 'no metrics to compute a confidence from; a person must approve',
    );
    return { attempt, policy: acting, plan };
  }
  if (deps.apply && deps.lastCheck) {
    let last: Awaited<
      ReturnType<NonNullable<HealingPipelineDeps['lastCheck']>>
    >;
    try {
      last = await deps.lastCheck(plan, acting);
    } catch (error) {
      last = {
        ok: false,
        rail: 'intent',
        reason: `the intent to act could not be recorded, so nothing was sent: ${
          (error as Error).message
        }`,
      };
    }
    if (!last.ok) {
      decide('refused', last.reason, last.rail);
      return { attempt, policy: acting, plan };
    }
  }
  decide(
    'applied',
    `confidence ${attempt.confidence ?? 'n/a'} reaches ${
      policy.threshold
    }; policy ${policy.name} enforces`,
  );
  try {
    await deps.apply?.(plan);
    steps.push({
      name: 'action',
      at,
      status: 'ok',
      summary: plan.change.description,
    });
  } catch (error) {
    attempt.status = 'failed';
    attempt.reason = `the action failed: ${(error as Error).message}`;
    steps.push({
      name: 'action',
      at,
      status: 'failed',
      summary: attempt.reason,
    });
  }
  return { attempt, policy: acting, plan };
}
