import { CheckDefinition } from '../types';
import { ContainerView, KubeObject, Workload } from '../kube';

/** Options the checks read; see `runChecks`. */
export interface CheckContext {
  clusterRole?: string;
}

/** A problem a check found, before the engine adds severity and resource. */
export interface Hit {
  message: string;
  container?: string;
}

/**
 * A check: its definition plus the evaluators for the granularity it works
 * at. Each evaluator returns the messages of its findings; no message means
 * the check passed.
 */
export interface Check {
  definition: CheckDefinition;
  /** Once per container of a workload's pod template. */
  container?(
    container: ContainerView,
    workload: Workload,
    context: CheckContext,
  ): string | string[] | undefined;
  /** Once per workload, for pod-level fields. */
  workload?(workload: Workload, context: CheckContext): string[];
  /** Once per object of any kind, for checks on other kinds than workloads. */
  object?(object: KubeObject, context: CheckContext): Hit[];
}

/** Normalises an evaluator's result to a list. */
export function messagesOf(result: string | string[] | undefined): string[] {
  if (result === undefined) {
    return [];
  }
  return Array.isArray(result) ? result : [result];
}
