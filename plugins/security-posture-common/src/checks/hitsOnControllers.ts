import { Severity } from '../types';
import { Hit } from './check';
import { ClusterIndex, ObjectRef, controllerOf } from './clusterIndex';

/** One result of a report about one object, before it becomes a finding. */
export interface ReportedResult {
  ref: ObjectRef;
  severity: Severity;
  /** Results with the same key on the same controller become one finding. */
  key: string;
  message: string;
  container?: string;
}

/**
 * Moves each result to the controller of the object it names (a violating
 * Pod to its DaemonSet), where the engine's own checks report, and merges
 * the results that land on one controller: six node-exporter pods failing
 * one constraint are one finding, which names the first pod and counts the
 * rest.
 */
export function hitsOnControllers(
  results: readonly ReportedResult[],
  index: ClusterIndex,
): Hit[] {
  const groups = new Map<
    string,
    { resource: ObjectRef; results: ReportedResult[] }
  >();
  for (const result of results) {
    const resource = controllerOf(index, result.ref);
    // Results on the object itself stay apart; only copies owned by one
    // controller merge.
    const moved = resource !== result.ref;
    const key = [
      moved ? '' : result.message,
      resource.kind,
      resource.namespace ?? '',
      resource.name,
      result.container ?? '',
      result.severity,
      result.key,
    ].join('\u0000');
    const group = groups.get(key);
    if (group) {
      group.results.push(result);
    } else {
      groups.set(key, { resource, results: [result] });
    }
  }
  const hits: Hit[] = [];
  for (const { resource, results: merged } of groups.values()) {
    merged.sort(
      (a, b) =>
        a.ref.name.localeCompare(b.ref.name) ||
        a.message.localeCompare(b.message),
    );
    const [first] = merged;
    let message = first.message;
    if (first.ref.kind !== resource.kind || first.ref.name !== resource.name) {
      const more = merged.length > 1 ? ` and ${merged.length - 1} more` : '';
      message += ` (${first.ref.kind} ${first.ref.name}${more})`;
    }
    hits.push({
      message,
      resource,
      severity: first.severity,
      ...(first.container !== undefined && { container: first.container }),
    });
  }
  return hits;
}
