// CONTRACT STUB: signatures fixed; implementation pending.
import { CheckDefinition, Finding, FindingResource } from './types';

/**
 * A Falco alert as falcosidekick posts it, reduced to what the posture uses.
 *
 * @public
 */
export interface FalcoEvent {
  uuid?: string;
  rule: string;
  priority: string;
  output: string;
  /** ISO date-time. */
  time: string;
  source?: string;
  tags: string[];
  hostname?: string;
  /** `k8s.ns.name`, `k8s.pod.name`, `container.name`… as sent. */
  outputFields: Record<string, string | number | boolean | null>;
}

/**
 * Runtime checks: one per Falco priority band.
 *
 * @public
 */
export const FALCO_CHECKS: readonly CheckDefinition[] = [];

/**
 * Validates a falcosidekick payload; throws an Error naming the bad field.
 *
 * @public
 */
export function parseFalcoPayload(_body: unknown): FalcoEvent {
  throw new Error('not implemented');
}

/**
 * The finding of one alert on the workload its pod belongs to.
 *
 * @public
 */
export function falcoFinding(
  _event: FalcoEvent,
  _resource: FindingResource,
): Finding {
  throw new Error('not implemented');
}
