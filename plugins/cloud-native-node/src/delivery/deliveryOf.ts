import {
  ANNOTATION_KUBERNETES_ID,
  ArgoCdApplication,
  isKind,
  managingApplication,
  PipelineRun,
  podTemplateOf,
  Rollout,
  selfHeals,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { ClusterObjectStore } from '../state/ClusterObjectStore';
import { KubeObject } from '../state/KubeObject';

/**
 * A cluster's objects, named: what delivery is read from.
 *
 * @public
 */
export interface DeliveryCluster {
  name: string;
  store: ClusterObjectStore;
}

/**
 * How Argo CD deploys a workload.
 *
 * @public
 */
export interface ArgoCdDelivery {
  /** `namespace/name` of the Application, and the cluster it lives in. */
  application: string;
  applicationCluster: string;
  /** Synced, OutOfSync or Unknown. */
  syncStatus: string;
  /** Healthy, Progressing, Degraded, Suspended, Missing or Unknown. */
  health: string;
  /** The Git revision (or chart version) last synced. */
  revision?: string;
  /** When the last sync operation finished (or started, while it runs). */
  lastSyncAt?: string;
  automated: boolean;
  selfHeal: boolean;
}

/**
 * Where an Argo Rollouts Rollout is in its progressive delivery.
 *
 * @public
 */
export interface RolloutDelivery {
  /** `namespace/name` of the Rollout. */
  rollout: string;
  strategy: 'canary' | 'blueGreen' | 'unknown';
  /** Index of the canary step under way; equal to totalSteps once promoted. */
  step?: number;
  totalSteps?: number;
  /** Percent of traffic on the canary. */
  canaryWeight?: number;
  /** Status of the analysis run under way: Running, Successful, Failed… */
  analysis?: string;
  /** Healthy, Progressing, Paused or Degraded. */
  phase?: string;
  /** Whether the rollout was aborted. */
  aborted: boolean;
}

/**
 * One Tekton PipelineRun of a workload.
 *
 * @public
 */
export interface PipelineRunDelivery {
  name: string;
  namespace: string;
  pipeline?: string;
  /** Succeeded, Failed, Running, Pending or Cancelled. */
  status: string;
  /** Reason of the run's Succeeded condition, e.g. Completed, PipelineRunTimeout. */
  reason?: string;
  startedAt?: string;
  /** Seconds from start to completion, or to now while the run goes on. */
  durationSeconds?: number;
}

/**
 * Everything known of how a workload is delivered.
 *
 * @public
 */
export interface WorkloadDelivery {
  argocd?: ArgoCdDelivery;
  rollout?: RolloutDelivery;
  /** Newest first. */
  pipelineRuns: PipelineRunDelivery[];
}

/** PipelineRuns kept per workload, newest first. */
const MAX_PIPELINE_RUNS = 10;

const LABEL_PIPELINE = 'tekton.dev/pipeline';
const LABEL_APP_NAME = 'app.kubernetes.io/name';

/**
 * Every Argo CD Application of the fleet, with the cluster it lives in.
 *
 * @public
 */
export function fleetApplications(
  clusters: readonly DeliveryCluster[],
): Array<{ cluster: string; application: KubeObject }> {
  return clusters.flatMap(c =>
    c.store.list('Application').map(application => ({
      cluster: c.name,
      application,
    })),
  );
}

/**
 * The Argo CD delivery of an object of `cluster`, from the applications of
 * the fleet.
 *
 * @public
 */
export function argoCdDeliveryOf(
  object: KubeObject,
  cluster: string,
  applications: Iterable<{ cluster: string; application: KubeObject }>,
): ArgoCdDelivery | undefined {
  const found = managingApplication(object, cluster, applications);
  if (!found) return undefined;
  return summarizeApplication(found.application, found.cluster);
}

function summarizeApplication(
  application: ArgoCdApplication,
  applicationCluster: string,
): ArgoCdDelivery {
  const { status, spec } = application;
  const operation = status?.operationState;
  const { namespace, name } = application.metadata;
  return {
    application: namespace ? `${namespace}/${name}` : name,
    applicationCluster,
    syncStatus: status?.sync?.status ?? 'Unknown',
    health: status?.health?.status ?? 'Unknown',
    revision: status?.sync?.revision ?? status?.sync?.revisions?.[0],
    lastSyncAt: operation?.finishedAt ?? operation?.startedAt,
    automated: Boolean(spec?.syncPolicy?.automated),
    selfHeal: selfHeals(application),
  };
}

/**
 * The Rollout that drives a workload: the workload itself, or a Rollout
 * whose `workloadRef` names it.
 *
 * @public
 */
export function rolloutOf(
  store: ClusterObjectStore,
  workload: KubeObject,
): Rollout | undefined {
  if (isKind(workload, 'Rollout')) return workload;
  return store
    .list('Rollout', { namespace: workload.metadata.namespace })
    .find(
      r =>
        r.spec?.workloadRef?.kind === workload.kind &&
        r.spec.workloadRef.name === workload.metadata.name,
    );
}

/**
 * The canary weight a Rollout's steps have set by step `index`: the last
 * `setWeight` before it, 0 before any, 100 once every step is done.
 */
function weightAtStep(
  steps: NonNullable<
    NonNullable<NonNullable<Rollout['spec']>['strategy']>['canary']
  >['steps'],
  index: number,
): number {
  if (!steps || index >= steps.length) return 100;
  let weight = 0;
  for (let i = 0; i <= index && i < steps.length; i++) {
    const set = steps[i].setWeight;
    if (typeof set === 'number') weight = set;
  }
  return weight;
}

/**
 * Where a Rollout is: strategy, step, canary weight, analysis and phase.
 *
 * @public
 */
export function summarizeRollout(rollout: Rollout): RolloutDelivery {
  const strategy = rollout.spec?.strategy;
  const status = rollout.status;
  const { namespace, name } = rollout.metadata;
  const base = {
    rollout: namespace ? `${namespace}/${name}` : name,
    phase: status?.phase,
    aborted: status?.abort === true,
  };
  if (!strategy?.canary) {
    return {
      ...base,
      strategy: strategy?.blueGreen ? 'blueGreen' : 'unknown',
    };
  }
  const steps = Array.isArray(strategy.canary.steps)
    ? strategy.canary.steps
    : [];
  const step =
    typeof status?.currentStepIndex === 'number'
      ? status.currentStepIndex
      : undefined;
  const measured = status?.canary?.weights?.canary?.weight;
  let canaryWeight: number | undefined;
  if (status?.abort) canaryWeight = 0;
  else if (typeof measured === 'number') canaryWeight = measured;
  else if (step !== undefined) canaryWeight = weightAtStep(steps, step);
  const analysis =
    status?.canary?.currentStepAnalysisRunStatus?.status ??
    status?.canary?.currentBackgroundAnalysisRunStatus?.status;
  return {
    ...base,
    strategy: 'canary',
    step,
    totalSteps: steps.length,
    canaryWeight,
    analysis,
  };
}

/** The labels that tie a run to a workload: its name, app name and catalog id. */
function workloadKeys(workload: KubeObject): {
  names: Set<string>;
  ids: Set<string>;
} {
  const labels = {
    ...podTemplateOf(workload)?.metadata?.labels,
    ...workload.metadata.labels,
  };
  const names = new Set([workload.metadata.name]);
  if (labels[LABEL_APP_NAME]) names.add(labels[LABEL_APP_NAME]);
  const ids = new Set<string>();
  if (labels[ANNOTATION_KUBERNETES_ID])
    ids.add(labels[ANNOTATION_KUBERNETES_ID]);
  return { names, ids };
}

/**
 * Whether a PipelineRun builds or deploys a workload: its
 * `app.kubernetes.io/name` or `tekton.dev/pipeline` label names the
 * workload (or its app name), or its `backstage.io/kubernetes-id` label is
 * the workload's catalog id.
 *
 * @public
 */
export function pipelineRunBelongsTo(
  run: KubeObject,
  workload: KubeObject,
): boolean {
  const { names, ids } = workloadKeys(workload);
  const labels = run.metadata.labels ?? {};
  if (labels[ANNOTATION_KUBERNETES_ID]) {
    return ids.has(labels[ANNOTATION_KUBERNETES_ID]);
  }
  if (labels[LABEL_APP_NAME]) return names.has(labels[LABEL_APP_NAME]);
  return (
    labels[LABEL_PIPELINE] !== undefined && names.has(labels[LABEL_PIPELINE])
  );
}

function secondsBetween(from: string, to: number): number | undefined {
  const start = Date.parse(from);
  if (!Number.isFinite(start) || !Number.isFinite(to) || to < start) {
    return undefined;
  }
  return Math.round((to - start) / 1000);
}

/**
 * The state and duration of a PipelineRun, from its `Succeeded` condition.
 *
 * @public
 */
export function summarizePipelineRun(
  run: PipelineRun,
  now: Date,
): PipelineRunDelivery {
  const condition = run.status?.conditions?.find(c => c.type === 'Succeeded');
  let status: string;
  if (condition?.status === 'True') status = 'Succeeded';
  else if (condition?.status === 'False') {
    status = /cancel/i.test(condition.reason ?? '') ? 'Cancelled' : 'Failed';
  } else if (run.status?.startTime) status = 'Running';
  else status = 'Pending';
  const startedAt = run.status?.startTime;
  const completion = run.status?.completionTime
    ? Date.parse(run.status.completionTime)
    : undefined;
  const end = completion ?? (status === 'Running' ? now.getTime() : undefined);
  return {
    name: run.metadata.name,
    namespace: run.metadata.namespace ?? '',
    pipeline:
      run.metadata.labels?.[LABEL_PIPELINE] ?? run.spec?.pipelineRef?.name,
    status,
    reason: condition?.reason,
    startedAt,
    durationSeconds:
      startedAt && end !== undefined
        ? secondsBetween(startedAt, end)
        : undefined,
  };
}

/**
 * The PipelineRuns of a workload in its cluster, in any namespace (CI
 * often runs apart from the workload), newest first.
 *
 * @public
 */
export function pipelineRunsOf(
  store: ClusterObjectStore,
  workload: KubeObject,
  now: Date,
): PipelineRunDelivery[] {
  const started = (run: PipelineRun) =>
    run.status?.startTime ?? run.metadata.creationTimestamp ?? '';
  return store
    .list('PipelineRun')
    .filter(run => pipelineRunBelongsTo(run, workload))
    .sort((a, b) => started(b).localeCompare(started(a)))
    .slice(0, MAX_PIPELINE_RUNS)
    .map(run => summarizePipelineRun(run, now));
}

/**
 * How a workload of `cluster` is delivered: the Argo CD Application that
 * manages it, the Rollout that drives it and its PipelineRuns.
 *
 * @public
 */
export function deliveryOf(
  cluster: DeliveryCluster,
  workload: KubeObject,
  options: {
    applications: Iterable<{ cluster: string; application: KubeObject }>;
    now: Date;
  },
): WorkloadDelivery {
  const rollout = rolloutOf(cluster.store, workload);
  return {
    argocd: argoCdDeliveryOf(workload, cluster.name, options.applications),
    rollout: rollout ? summarizeRollout(rollout) : undefined,
    pipelineRuns: pipelineRunsOf(cluster.store, workload, options.now),
  };
}
