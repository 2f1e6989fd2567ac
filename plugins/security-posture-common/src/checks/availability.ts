import {
  desiredReplicas,
  type HorizontalPodAutoscaler,
  type PodDisruptionBudget,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { KubeObject, Workload, asArray, workloadOf } from '../kube';
import { Check, CheckContext, Hit } from './check';
import { ClusterIndex, refKey } from './clusterIndex';
import { describeLabels } from './labelSelector';
import { podMetadataOf } from './podMetadata';

// The kinds whose replica count an operator chooses and a PodDisruptionBudget
// or a spread across nodes protects; DaemonSets run one pod per node anyway.
const REPLICATED_KINDS = new Set(['Deployment', 'StatefulSet', 'Rollout']);

const PDB_FIX =
  'Set maxUnavailable: 1 (or minAvailable below the number of replicas), so that a node drain can evict one pod at a time.';

function namespaceOf(object: KubeObject): string {
  return object.metadata.namespace ?? 'default';
}

function autoscalerOf(
  workload: Workload,
  index: ClusterIndex,
): HorizontalPodAutoscaler | undefined {
  const { kind, metadata } = workload.object;
  return index.autoscalers.get(
    refKey({ kind, namespace: metadata.namespace, name: metadata.name }),
  );
}

/** An HPA's minReplicas: the API defaults it to 1. */
function minReplicasOf(autoscaler: HorizontalPodAutoscaler): number {
  const value = autoscaler.spec?.minReplicas;
  return typeof value === 'number' ? value : 1;
}

/** The replica count of a workload no autoscaler manages (default 1). */
function replicasOf(workload: Workload): number {
  return desiredReplicas(workload.object) ?? 1;
}

/**
 * The most replicas a workload runs: its autoscaler's maxReplicas when one
 * scales it, else spec.replicas. Undefined for kinds that are not replicated.
 */
function mostReplicas(
  workload: Workload,
  index: ClusterIndex,
): number | undefined {
  if (!REPLICATED_KINDS.has(workload.object.kind)) {
    return undefined;
  }
  const autoscaler = autoscalerOf(workload, index);
  if (autoscaler) {
    const max = autoscaler.spec?.maxReplicas;
    return typeof max === 'number' ? max : minReplicasOf(autoscaler);
  }
  return replicasOf(workload);
}

/** The PodDisruptionBudgets that select the workload's pods, oldest entry first. */
function budgetsOf(
  workload: Workload,
  index: ClusterIndex,
): PodDisruptionBudget[] {
  const budgets = index.podDisruptionBudgets.get(namespaceOf(workload.object));
  if (!budgets) {
    return [];
  }
  const { labels } = podMetadataOf(workload);
  return [...budgets.namespaceWide, ...budgets.selected.matching(labels)];
}

/** An int-or-string field such as minAvailable: `3`, `"3"` or `"50%"`. */
function intOrPercent(
  value: unknown,
): { amount: number; percent: boolean } | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return { amount: value, percent: false };
  }
  const match = /^\s*(\d+)(%?)\s*$/.exec(String(value ?? ''));
  return match
    ? { amount: Number(match[1]), percent: match[2] === '%' }
    : undefined;
}

function budgetRef(budget: PodDisruptionBudget) {
  return {
    kind: budget.kind,
    namespace: budget.metadata.namespace,
    name: budget.metadata.name,
  };
}

function isBudget(object: KubeObject): object is PodDisruptionBudget {
  return (
    object.kind === 'PodDisruptionBudget' &&
    (object.apiVersion ?? '').startsWith('policy/')
  );
}

function isAutoscaler(object: KubeObject): object is HorizontalPodAutoscaler {
  return (
    object.kind === 'HorizontalPodAutoscaler' &&
    (object.apiVersion ?? '').startsWith('autoscaling/')
  );
}

/** What a budget alone forbids, whatever it selects. */
function budgetBlocksAll(budget: PodDisruptionBudget): string | undefined {
  const maxUnavailable = intOrPercent(budget.spec?.maxUnavailable);
  if (maxUnavailable?.amount === 0) {
    return `maxUnavailable ${budget.spec?.maxUnavailable}: no pod it selects may ever be evicted`;
  }
  const minAvailable = intOrPercent(budget.spec?.minAvailable);
  if (minAvailable?.percent && minAvailable.amount >= 100) {
    return `minAvailable ${budget.spec?.minAvailable}: no pod it selects may ever be evicted`;
  }
  return undefined;
}

/**
 * A budget whose integer minAvailable is at least the replicas of a workload
 * it selects and no autoscaler manages (the autoscaler case is
 * `pdb-min-available-hpa`'s).
 */
function budgetsBlockingWorkload(
  object: KubeObject,
  { index }: CheckContext,
): Hit[] {
  const workload = workloadOf(object);
  if (
    !workload ||
    !REPLICATED_KINDS.has(object.kind) ||
    autoscalerOf(workload, index)
  ) {
    return [];
  }
  const replicas = replicasOf(workload);
  const hits: Hit[] = [];
  for (const budget of budgetsOf(workload, index)) {
    const minAvailable = intOrPercent(budget.spec?.minAvailable);
    if (
      budgetBlocksAll(budget) === undefined &&
      minAvailable &&
      !minAvailable.percent &&
      minAvailable.amount >= replicas
    ) {
      hits.push({
        resource: budgetRef(budget),
        message: `minAvailable ${minAvailable.amount} and ${object.kind} ${object.metadata.name} runs ${replicas} replica(s): none of its pods may be evicted`,
      });
    }
  }
  return hits;
}

/**
 * Availability checks across objects: PodDisruptionBudgets and
 * HorizontalPodAutoscalers against the workloads they select, and the
 * scheduling fields that keep replicas apart and running under pressure.
 */
export const availabilityChecks: Check[] = [
  {
    definition: {
      id: 'pdb-missing',
      title: 'No PodDisruptionBudget',
      severity: 'medium',
      category: 'reliability',
      description:
        'Without a PodDisruptionBudget a node drain or cluster upgrade may evict every replica at once. Only workloads that run 2 or more replicas (spec.replicas, or maxReplicas of their HorizontalPodAutoscaler) are checked: a budget on one replica can only block drains. Polaris checks Deployments only; this also checks StatefulSets and Argo Rollouts.',
      remediation:
        'Add a PodDisruptionBudget whose selector matches the pod labels, with maxUnavailable: 1 or a minAvailable below the replica count.',
      references: { polaris: ['missingPodDisruptionBudget'] },
    },
    workload(workload, { index }) {
      const most = mostReplicas(workload, index);
      if (most === undefined || most < 2) {
        return [];
      }
      if (budgetsOf(workload, index).length > 0) {
        return [];
      }
      const namespace = namespaceOf(workload.object);
      return [
        `no PodDisruptionBudget in ${namespace} selects ${describeLabels(
          podMetadataOf(workload).labels,
        )}`,
      ];
    },
  },
  {
    definition: {
      id: 'pdb-disruptions-zero',
      title: 'PodDisruptionBudget allows no eviction',
      severity: 'medium',
      category: 'reliability',
      description:
        'A PodDisruptionBudget with maxUnavailable 0 or 0%, minAvailable 100%, or a minAvailable at least the replicas of the workload it selects, forbids every voluntary eviction: node drains and cluster upgrades hang until someone deletes it. The last case is judged for workloads no HorizontalPodAutoscaler scales (pdb-min-available-hpa judges those).',
      remediation: PDB_FIX,
      references: { polaris: ['pdbDisruptionsIsZero'] },
    },
    object(object, context) {
      if (isBudget(object)) {
        const blocks = budgetBlocksAll(object);
        return blocks ? [{ message: blocks }] : [];
      }
      return budgetsBlockingWorkload(object, context);
    },
  },
  {
    definition: {
      id: 'pdb-min-available-hpa',
      title: 'PodDisruptionBudget minAvailable not below HPA minReplicas',
      severity: 'medium',
      category: 'reliability',
      description:
        "When a PodDisruptionBudget's minAvailable is at least the minReplicas of the HorizontalPodAutoscaler scaling the same workload, no pod may be evicted whenever the autoscaler has scaled down to its minimum, which is when drains usually run.",
      remediation:
        'Lower minAvailable below minReplicas (or use maxUnavailable: 1), or raise minReplicas.',
      references: {
        polaris: ['pdbMinAvailableGreaterThanOrEqualToHPAMinReplicas'],
      },
    },
    workload(workload, { index }) {
      const autoscaler = autoscalerOf(workload, index);
      if (!autoscaler) {
        return [];
      }
      const minReplicas = minReplicasOf(autoscaler);
      const messages: string[] = [];
      for (const budget of budgetsOf(workload, index)) {
        const minAvailable = intOrPercent(budget.spec?.minAvailable);
        if (
          minAvailable &&
          !minAvailable.percent &&
          minAvailable.amount >= minReplicas
        ) {
          messages.push(
            `PodDisruptionBudget ${budget.metadata.name} has minAvailable ${minAvailable.amount}, not below the minReplicas ${minReplicas} of HorizontalPodAutoscaler ${autoscaler.metadata.name}`,
          );
        }
      }
      return messages;
    },
  },
  {
    definition: {
      id: 'hpa-cannot-scale',
      title: 'HorizontalPodAutoscaler cannot scale',
      severity: 'low',
      category: 'reliability',
      description:
        'With maxReplicas equal to minReplicas (1 when unset) the autoscaler never changes the replica count: it only hides that the workload runs a fixed number of pods.',
      remediation:
        'Raise maxReplicas above minReplicas, or remove the autoscaler and set spec.replicas.',
      references: { polaris: ['hpaMaxAvailability'] },
    },
    object(object) {
      if (!isAutoscaler(object)) {
        return [];
      }
      const min = minReplicasOf(object);
      const max = object.spec?.maxReplicas;
      return typeof max === 'number' && max <= min
        ? [
            {
              message: `minReplicas ${min}${
                object.spec?.minReplicas === undefined ? ' (unset)' : ''
              } and maxReplicas ${max}: it cannot scale`,
            },
          ]
        : [];
    },
  },
  {
    definition: {
      id: 'hpa-min-replicas-low',
      title: 'HorizontalPodAutoscaler may scale to one replica',
      severity: 'medium',
      category: 'reliability',
      description:
        'An autoscaler with minReplicas below 2 scales its workload down to one pod, which every drain, eviction or crash takes down. Unlike Polaris, which passes an unset minReplicas, unset counts as the 1 the API defaults it to. Like single-replica, checked in production clusters only.',
      remediation: 'Set minReplicas to 2 or more.',
      references: { polaris: ['hpaMinAvailability'] },
    },
    object(object, context) {
      if (!isAutoscaler(object) || context.clusterRole !== 'production') {
        return [];
      }
      const min = minReplicasOf(object);
      const unset = object.spec?.minReplicas === undefined ? ' (unset)' : '';
      return min < 2
        ? [
            {
              message: `minReplicas ${min}${unset}: scaled down, it runs one pod`,
            },
          ]
        : [];
    },
  },
  {
    definition: {
      id: 'priority-class-not-set',
      title: 'No priority class',
      severity: 'low',
      category: 'reliability',
      description:
        'Without a priority class the pod has the default priority: under resource pressure the scheduler may preempt it for less important pods, and it is not scheduled ahead of them.',
      remediation:
        'Set priorityClassName to one of the PriorityClasses of the cluster that matches how critical the workload is.',
      references: { polaris: ['priorityClassNotSet'] },
    },
    workload(workload) {
      const name = workload.podSpec.priorityClassName;
      return typeof name === 'string' && name !== ''
        ? []
        : ['pod has no priority class (priorityClassName unset)'];
    },
  },
  {
    definition: {
      id: 'topology-spread-missing',
      title: 'Replicas not spread across nodes or zones',
      severity: 'low',
      category: 'reliability',
      description:
        'Without topologySpreadConstraints the scheduler may place every replica on one node or zone, which one failure then takes down. Only workloads that run 2 or more replicas are checked; Polaris also checks DaemonSets and single replicas, where spreading means nothing.',
      remediation:
        'Add topologySpreadConstraints over kubernetes.io/hostname (and topology.kubernetes.io/zone) with a labelSelector matching the pods.',
      references: { polaris: ['topologySpreadConstraint'] },
    },
    workload(workload, { index }) {
      const most = mostReplicas(workload, index);
      if (most === undefined || most < 2) {
        return [];
      }
      return asArray(workload.podSpec.topologySpreadConstraints).length > 0
        ? []
        : [
            `${workload.object.kind} runs up to ${most} replicas without topologySpreadConstraints`,
          ];
    },
  },
];
