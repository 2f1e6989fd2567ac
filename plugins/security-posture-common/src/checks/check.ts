import { CheckDefinition, Severity } from '../types';
import { ContainerView, KubeObject, Workload } from '../kube';
import { ClusterIndex, ObjectRef } from './clusterIndex';

/** Options the checks read, and the cluster they run in; see `runChecks`. */
export interface CheckContext {
  clusterRole?: string;
  /**
   * The policies, namespaces and owners of all the objects of the call,
   * indexed once, for checks whose verdict depends on other objects.
   */
  index: ClusterIndex;
}

/** A problem a check found, before the engine adds severity and resource. */
export interface Hit {
  message: string;
  container?: string;
  /**
   * The object the finding is about when it is not the evaluated one:
   * reports (Gatekeeper, PolicyReport, Trivy) name the resources they judged.
   */
  resource?: ObjectRef;
  /** Replaces the definition's severity when the report grades each result. */
  severity?: Severity;
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
