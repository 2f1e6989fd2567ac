import { PostureException, PostureExceptionSource, ReportFinding } from './api';
import { toReportFindings } from './report';
import { CheckDefinition, Finding, FindingResource } from './types';

/**
 * The finding an exception leaves behind once its `expires` has passed.
 *
 * @public
 */
export const EXPIRED_EXCEPTION_CHECK: CheckDefinition = {
  id: 'posture-exception-expired',
  title: 'Posture exception expired',
  severity: 'low',
  category: 'workload-hardening',
  description:
    'An accepted risk has passed its expiry date and needs a new decision.',
  remediation:
    'Fix the findings it covered, or renew the exception with a new reason and expiry.',
  references: {},
};

// The same entity reference shape the catalog processor's annotation
// validator accepts (plugins/cloud-native-common), so that an annotation it
// lets through is also read here.
const ENTITY_REF = /^([a-z]+:)?([a-z0-9-_.]+\/)?[a-z0-9-_.]+$/i;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/i;
const SCOPE_FIELDS = ['cluster', 'namespace', 'kind', 'name'] as const;
const KNOWN_FIELDS = new Set([
  'check',
  'reason',
  'owner',
  'expires',
  ...SCOPE_FIELDS,
]);

/**
 * The last instant an `expires` value allows, in epoch milliseconds: the end
 * of the day (UTC) for a date, the instant itself for a date-time. A
 * date-time without offset is read as UTC so that every machine agrees.
 * NaN when the value is not a real date.
 */
function expiryInstant(expires: string): number {
  const date = DATE_ONLY.exec(expires);
  if (date) {
    const [year, month, day] = date.slice(1).map(Number);
    const start = Date.UTC(year, month - 1, day);
    // Date.UTC rolls 2027-02-30 over into March; a typo must not pass.
    if (new Date(start).toISOString().slice(0, 10) !== expires) {
      return NaN;
    }
    return Date.UTC(year, month - 1, day + 1) - 1;
  }
  const dateTime = DATE_TIME.exec(expires);
  if (!dateTime || Number.isNaN(expiryInstant(dateTime[1]))) {
    return NaN;
  }
  return Date.parse(`${dateTime[1]}T${dateTime[2]}${dateTime[3] ?? 'Z'}`);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Reads the JSON array of the `cloud-native-platform.io/posture-exceptions`
 * annotation; entries that are not valid are returned as `errors` naming the
 * entry and the field, the valid ones as `exceptions`.
 *
 * @public
 */
export function parseExceptionsAnnotation(
  value: string,
  source: PostureExceptionSource,
): { exceptions: PostureException[]; errors: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    return {
      exceptions: [],
      errors: [`is not valid JSON: ${(error as Error).message}`],
    };
  }
  if (!Array.isArray(parsed)) {
    return {
      exceptions: [],
      errors: ['must be a JSON array of { check, reason, owner, expires }'],
    };
  }

  const exceptions: PostureException[] = [];
  const errors: string[] = [];
  parsed.forEach((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      errors.push(`entry ${index} is not an object`);
      return;
    }
    const fields = entry as Record<string, unknown>;
    const label = isText(fields.check)
      ? `entry ${index} (${fields.check})`
      : `entry ${index}`;
    const problems: string[] = [];
    if (!isText(fields.check)) {
      problems.push('check must be the id of a check');
    }
    if (!isText(fields.reason)) {
      problems.push('reason must say why the risk is accepted');
    }
    if (typeof fields.owner !== 'string' || !ENTITY_REF.test(fields.owner)) {
      problems.push(
        'owner must be an entity reference such as group:default/platform',
      );
    }
    if (
      typeof fields.expires !== 'string' ||
      Number.isNaN(expiryInstant(fields.expires))
    ) {
      problems.push('expires must be a date such as 2027-03-31');
    }
    for (const field of SCOPE_FIELDS) {
      if (fields[field] !== undefined && !isText(fields[field])) {
        problems.push(`${field} must be a non-empty string when set`);
      }
    }
    // A misspelt scope field would silently widen the exception to every
    // resource, so unknown fields reject the entry.
    for (const field of Object.keys(fields)) {
      if (!KNOWN_FIELDS.has(field)) {
        problems.push(
          `${field} is not a field (known: ${[...KNOWN_FIELDS].join(', ')})`,
        );
      }
    }
    if (problems.length > 0) {
      errors.push(...problems.map(problem => `${label}: ${problem}`));
      return;
    }

    const scope: NonNullable<PostureException['scope']> = {};
    for (const field of SCOPE_FIELDS) {
      if (fields[field] !== undefined) {
        scope[field] = fields[field] as string;
      }
    }
    exceptions.push({
      checkId: fields.check as string,
      reason: fields.reason as string,
      owner: fields.owner as string,
      expires: fields.expires as string,
      source,
      ...(Object.keys(scope).length > 0 && { scope }),
    });
  });
  return { exceptions, errors };
}

function matches(exception: PostureException, resource: FindingResource) {
  const scope = exception.scope;
  return (
    !scope ||
    SCOPE_FIELDS.every(
      field => scope[field] === undefined || scope[field] === resource[field],
    )
  );
}

function withoutContainer(resource: FindingResource): FindingResource {
  const { container: _container, ...rest } = resource;
  return rest;
}

/**
 * Marks the findings that a current exception accepts as `excepted`, and adds
 * one `posture-exception-expired` finding per expired exception that matched
 * a finding (those findings count again).
 *
 * @public
 */
export function applyExceptions(
  findings: readonly Finding[],
  exceptions: readonly PostureException[],
  now: Date,
): ReportFinding[] {
  const time = now.getTime();
  type Candidate = {
    exception: PostureException;
    current: boolean;
    order: number;
    matched: Finding[];
  };
  // Indexed by check, then by scoped name: a cluster has many findings and
  // possibly thousands of workload exceptions, each naming its workload, so
  // a finding is compared only with those that can match it.
  const index = new Map<
    string,
    { anyName: Candidate[]; byName: Map<string, Candidate[]> }
  >();
  const candidates: Candidate[] = [];
  for (const exception of exceptions) {
    // An unreadable expiry (exceptions from config are not parsed here)
    // is treated as expired: it must not hide findings.
    const candidate = {
      exception,
      current: time <= expiryInstant(exception.expires),
      order: candidates.length,
      matched: [],
    };
    candidates.push(candidate);
    let entry = index.get(exception.checkId);
    if (!entry) {
      entry = { anyName: [], byName: new Map() };
      index.set(exception.checkId, entry);
    }
    const name = exception.scope?.name;
    if (name === undefined) {
      entry.anyName.push(candidate);
    } else {
      const list = entry.byName.get(name);
      if (list) list.push(candidate);
      else entry.byName.set(name, [candidate]);
    }
  }

  const result = toReportFindings(findings);
  result.forEach((finding, position) => {
    const entry = index.get(finding.checkId);
    if (!entry) {
      return;
    }
    const named = entry.byName.get(finding.resource.name);
    // In the order the exceptions were given, so that the first current one
    // is the one reported.
    let relevant = entry.anyName;
    if (named) {
      relevant =
        entry.anyName.length === 0
          ? named
          : [...named, ...entry.anyName].sort((x, y) => x.order - y.order);
    }
    let accepted: PostureException | undefined;
    for (const candidate of relevant) {
      if (!matches(candidate.exception, finding.resource)) {
        continue;
      }
      if (candidate.current) {
        accepted ??= candidate.exception;
      } else {
        candidate.matched.push(findings[position]);
      }
    }
    if (accepted) {
      const { scope: _scope, ...excepted } = accepted;
      finding.excepted = excepted;
    }
  });

  const expired: Finding[] = [];
  for (const { exception, current, matched } of candidates) {
    if (current || matched.length === 0) {
      continue;
    }
    const covered =
      matched.length === 1 ? '1 finding' : `${matched.length} findings`;
    expired.push({
      checkId: EXPIRED_EXCEPTION_CHECK.id,
      severity: EXPIRED_EXCEPTION_CHECK.severity,
      resource: withoutContainer(matched[0].resource),
      message: `exception for ${exception.checkId} owned by ${exception.owner} expired on ${exception.expires}; the ${covered} it covered count again`,
      remediation: EXPIRED_EXCEPTION_CHECK.remediation,
    });
  }
  return result.concat(toReportFindings(expired));
}
