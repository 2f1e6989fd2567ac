import { CheckDefinition, Finding, FindingResource, Severity } from './types';

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

const REMEDIATION =
  'Investigate the alert on the pod: find what triggered the rule, contain the workload if it is unexpected, and tune the Falco rule if it is a known behaviour.';

function falcoCheck(
  id: string,
  severity: Severity,
  title: string,
  priorities: string,
): CheckDefinition {
  return {
    id,
    title,
    severity,
    category: 'runtime',
    description: `Falco raised an alert of priority ${priorities} on a container of the workload within the retention window.`,
    remediation: REMEDIATION,
    references: {},
  };
}

/**
 * Runtime checks: one per Falco priority band.
 *
 * @public
 */
export const FALCO_CHECKS: readonly CheckDefinition[] = [
  falcoCheck(
    'falco-critical',
    'critical',
    'Critical runtime alert',
    'Emergency, Alert or Critical',
  ),
  falcoCheck('falco-error', 'high', 'Runtime alert', 'Error'),
  falcoCheck('falco-warning', 'medium', 'Runtime warning', 'Warning'),
  falcoCheck('falco-notice', 'low', 'Runtime notice', 'Notice'),
  falcoCheck(
    'falco-informational',
    'info',
    'Runtime information',
    'Informational or Debug',
  ),
];

/** Falco's priorities, lower-cased, to the check of their band. */
const PRIORITY_CHECKS: Record<string, string> = {
  emergency: 'falco-critical',
  alert: 'falco-critical',
  critical: 'falco-critical',
  error: 'falco-error',
  warning: 'falco-warning',
  notice: 'falco-notice',
  informational: 'falco-informational',
  info: 'falco-informational',
  debug: 'falco-informational',
};

/** Spelling Falco itself uses, so stored alerts read the same whatever case was sent. */
const PRIORITY_NAMES: Record<string, string> = {
  emergency: 'Emergency',
  alert: 'Alert',
  critical: 'Critical',
  error: 'Error',
  warning: 'Warning',
  notice: 'Notice',
  informational: 'Informational',
  info: 'Informational',
  debug: 'Debug',
};

/** Longest output kept in a finding's message; Falco outputs carry whole command lines. */
const MAX_MESSAGE_OUTPUT = 500;

function requiredText(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new Error(`${field} must be a non-empty string`);
  }
  return value;
}

function optionalText(
  body: Record<string, unknown>,
  field: string,
): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw new Error(`${field} must be a string`);
  }
  return value;
}

/**
 * Validates a falcosidekick payload; throws an Error naming the bad field.
 *
 * @public
 */
export function parseFalcoPayload(body: unknown): FalcoEvent {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new Error('the payload must be a JSON object');
  }
  const record = body as Record<string, unknown>;
  const rule = requiredText(record, 'rule');
  const output = requiredText(record, 'output');
  const priorityText = requiredText(record, 'priority');
  const priority = PRIORITY_NAMES[priorityText.toLowerCase()];
  if (!priority) {
    throw new Error(
      `priority '${priorityText}' is not a Falco priority; priorities are ${[
        ...new Set(Object.values(PRIORITY_NAMES)),
      ].join(', ')}`,
    );
  }
  const timeText = requiredText(record, 'time');
  const time = Date.parse(timeText);
  if (Number.isNaN(time)) {
    throw new Error(`time '${timeText}' is not an ISO date-time`);
  }

  const tags = record.tags ?? [];
  if (!Array.isArray(tags) || tags.some(tag => typeof tag !== 'string')) {
    throw new Error('tags must be a list of strings');
  }

  const fields = record.output_fields ?? {};
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw new Error('output_fields must be an object');
  }
  const outputFields: FalcoEvent['outputFields'] = {};
  for (const [key, value] of Object.entries(fields)) {
    if (
      value !== null &&
      !['string', 'number', 'boolean'].includes(typeof value)
    ) {
      throw new Error(
        `output_fields.${key} must be a string, number, boolean or null`,
      );
    }
    outputFields[key] = value as string | number | boolean | null;
  }

  const uuid = optionalText(record, 'uuid');
  const source = optionalText(record, 'source');
  const hostname = optionalText(record, 'hostname');
  return {
    ...(uuid && { uuid }),
    rule,
    priority,
    output,
    time: new Date(time).toISOString(),
    ...(source && { source }),
    tags: tags as string[],
    ...(hostname && { hostname }),
    outputFields,
  };
}

/**
 * The finding of one alert on the workload its pod belongs to.
 *
 * @public
 */
export function falcoFinding(
  event: FalcoEvent,
  resource: FindingResource,
): Finding {
  const checkId =
    PRIORITY_CHECKS[event.priority.toLowerCase()] ?? 'falco-warning';
  const check = FALCO_CHECKS.find(c => c.id === checkId)!;
  const container = event.outputFields['container.name'];
  const output =
    event.output.length > MAX_MESSAGE_OUTPUT
      ? `${event.output.slice(0, MAX_MESSAGE_OUTPUT)}…`
      : event.output;
  return {
    checkId,
    severity: check.severity,
    resource:
      resource.container === undefined &&
      typeof container === 'string' &&
      container !== '' &&
      container !== '<NA>'
        ? { ...resource, container }
        : resource,
    message: `Falco rule '${event.rule}' (${event.priority}) at ${event.time}: ${output}`,
    remediation: check.remediation,
  };
}
