import {
  isKind,
  type Pod,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { HealingActionType, HealingChange } from '../../api';
import { ClusterObjectsView, ClusterObject, cloneObject } from '../objects';
import { changeDiff } from './changeDiff';

/**
 * The request that carries out a plan against a Kubernetes API server.
 *
 * @public
 */
export interface HealingPatch {
  method: 'PATCH' | 'POST';
  /** Path from the API server's root, e.g. /apis/apps/v1/namespaces/trading/deployments/risk-service. */
  path: string;
  contentType:
    | 'application/merge-patch+json'
    | 'application/json-patch+json'
    | 'application/json';
  body: unknown;
}

/**
 * A planned action: what it changes, shown as a diff, the request to send
 * to a live cluster, and the same change applied to an object in memory
 * for manifests clusters.
 *
 * @public
 */
export interface HealingPlan {
  action: HealingActionType;
  /** The object the patch changes. */
  object: {
    apiVersion: string;
    kind: string;
    namespace?: string;
    name: string;
  };
  change: HealingChange;
  patch: HealingPatch;
  /** Pods the action takes away at once, for the disruption-budget rail. */
  podsRemoved: number;
  /** Pods whose budgets the rail checks. */
  pods: ClusterObject[];
  /** The object after the patch, from the object before it; null when the action removes it. */
  applyPatch(object: ClusterObject): ClusterObject | null;
}

/**
 * A plan, or why there is none.
 *
 * @public
 */
export type PlanResult =
  | { ok: true; plan: HealingPlan }
  | { ok: false; reason: string };

/**
 * What every planner gets.
 *
 * @public
 */
export interface PlanContext {
  view: ClusterObjectsView;
  workload: ClusterObject;
  now: Date;
}

const PLURALS: Record<string, string> = {
  Deployment: 'deployments',
  StatefulSet: 'statefulsets',
  DaemonSet: 'daemonsets',
  ReplicaSet: 'replicasets',
  Pod: 'pods',
  VirtualService: 'virtualservices',
  Rollout: 'rollouts',
};

/**
 * The REST path of an object, from its apiVersion and kind.
 *
 * @public
 */
export function objectPath(object: ClusterObject): string {
  const plural = PLURALS[object.kind] ?? `${object.kind.toLowerCase()}s`;
  const base = object.apiVersion.includes('/')
    ? `/apis/${object.apiVersion}`
    : `/api/${object.apiVersion}`;
  const ns = object.metadata.namespace
    ? `/namespaces/${encodeURIComponent(object.metadata.namespace)}`
    : '';
  return `${base}${ns}/${plural}/${encodeURIComponent(object.metadata.name)}`;
}

/** @public */
export function refOf(object: ClusterObject): HealingPlan['object'] {
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    namespace: object.metadata.namespace,
    name: object.metadata.name,
  };
}

/**
 * Pods of a workload: owned directly or through one level of ReplicaSets.
 *
 * @public
 */
export function podsOfWorkload(
  view: ClusterObjectsView,
  workload: ClusterObject,
): Pod[] {
  if (isKind(workload, 'Pod')) return [workload];
  const uid = workload.metadata.uid;
  if (!uid) return [];
  const pods: Pod[] = [];
  for (const child of view.ownedBy(uid)) {
    if (isKind(child, 'Pod')) pods.push(child);
    else if (child.metadata.uid) {
      pods.push(...view.ownedBy(child.metadata.uid, 'Pod'));
    }
  }
  return pods;
}

/**
 * Builds the plan's change from the object before and the patch function:
 * the paths the patch changes, redacted.
 *
 * @public
 */
export function finishPlan(
  before: ClusterObject,
  plan: Omit<HealingPlan, 'change'> & { description: string },
): HealingPlan {
  const { description, ...rest } = plan;
  const after = plan.applyPatch(cloneObject(before));
  return {
    ...rest,
    change: {
      description,
      object: `${before.kind} ${
        before.metadata.namespace ? `${before.metadata.namespace}/` : ''
      }${before.metadata.name}`,
      ...changeDiff(before, after),
    },
  };
}
