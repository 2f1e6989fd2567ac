import { InputError } from '@backstage/errors';
import { HealingAlert } from '@cloud-native-platform/plugin-healing-common';
import { z } from 'zod';
import { AlertRecord } from '../database/HealingStore';

/**
 * Bounds of the strings of a webhook payload. Names of things end up in
 * varchar(255) columns (and Kubernetes names are at most 253 characters);
 * the rest is kept as JSON text, bounded so one alert cannot fill the store.
 *
 * @public
 */
export const ALERTMANAGER_PAYLOAD_LIMITS = {
  /** Alerts of one notification. */
  alerts: 10_000,
  /** Label and annotation names. */
  name: 255,
  /** Labels naming the alert, its cluster and the Kubernetes objects it is about. */
  objectLabelValue: 253,
  labelValue: 1024,
  annotationValue: 8192,
  labelsPerAlert: 128,
  fingerprint: 255,
  /** receiver, status, dates. */
  short: 255,
  /** groupKey, generatorURL, externalURL. */
  long: 4096,
} as const;

const L = ALERTMANAGER_PAYLOAD_LIMITS;

/** Labels the engine reads a target from; see resolveAlertTarget. */
const OBJECT_LABELS = [
  'alertname',
  'namespace',
  'pod',
  'service',
  'deployment',
  'statefulset',
  'daemonset',
  'rollout',
  'workload',
];

const bounded = (max: number) =>
  z.string().max(max, { message: `must be at most ${max} characters` });

const dateTime = bounded(L.short).refine(v => !Number.isNaN(Date.parse(v)), {
  message: 'must be an RFC 3339 date-time',
});

function stringMap(valueMax: number, objectLabels: readonly string[] = []) {
  return z.record(bounded(L.name), z.string()).superRefine((map, ctx) => {
    const names = Object.keys(map);
    if (names.length > L.labelsPerAlert) {
      ctx.addIssue({
        code: 'custom',
        message: `must have at most ${L.labelsPerAlert} entries`,
      });
    }
    for (const name of names) {
      const max = objectLabels.includes(name) ? L.objectLabelValue : valueMax;
      if (map[name].length > max) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `must be at most ${max} characters`,
        });
      }
    }
  });
}

function alertSchema(clusterLabel: string) {
  const labels = stringMap(L.labelValue, [...OBJECT_LABELS, clusterLabel]);
  return z.object({
    status: z.enum(['firing', 'resolved']),
    labels,
    annotations: stringMap(L.annotationValue).optional(),
    startsAt: dateTime,
    endsAt: bounded(L.short).optional(),
    generatorURL: bounded(L.long).optional(),
    fingerprint: bounded(L.fingerprint).min(1).optional(),
  });
}

/** The Alertmanager webhook payload, version 4, without its alerts. */
const envelopeSchema = z.object({
  version: z.literal('4'),
  groupKey: bounded(L.long).optional(),
  truncatedAlerts: z.number().int().nonnegative().optional(),
  status: z.enum(['firing', 'resolved']).optional(),
  receiver: bounded(L.short).optional(),
  groupLabels: stringMap(L.labelValue).optional(),
  commonLabels: stringMap(L.labelValue).optional(),
  commonAnnotations: stringMap(L.annotationValue).optional(),
  externalURL: bounded(L.long).optional(),
  alerts: z.array(z.unknown()).max(L.alerts),
});

/**
 * An alert of a notification that was not stored, with why.
 *
 * @public
 */
export interface RefusedAlert {
  /** Where in the payload, e.g. `alerts[3].labels.pod`. */
  path: string;
  message: string;
}

/**
 * Options of {@link readAlertmanagerPayload}.
 *
 * @public
 */
export interface AlertmanagerPayloadOptions {
  /** When the payload arrived; a later `startsAt` is clamped to it. */
  receivedAt: Date;
  /** Alert label naming the cluster (`healing.clusterLabel`). */
  clusterLabel?: string;
}

function pathOf(prefix: string, path: ReadonlyArray<PropertyKey>) {
  return path.reduce<string>(
    (out, p) =>
      typeof p === 'number'
        ? `${out}[${p}]`
        : `${out ? `${out}.` : ''}${String(p)}`,
    prefix,
  );
}

/** Alertmanager's zero time means "no end yet". */
function endOf(value: string | undefined): string | undefined {
  if (!value || value.startsWith('0001-01-01')) return undefined;
  return Number.isNaN(Date.parse(value)) ? undefined : value;
}

/** A stable fingerprint when an older sender leaves it out: the sorted labels. */
function labelFingerprint(labels: Record<string, string>): string {
  return Object.keys(labels)
    .sort()
    .map(k => `${k}=${labels[k]}`)
    .join(',')
    .slice(0, L.fingerprint);
}

/**
 * Reads an Alertmanager webhook body alert by alert: a payload whose
 * envelope is wrong (version, receiver, groupKey…, or too many alerts) is
 * an InputError naming the field; an alert that is wrong is left out and
 * named in `refused` (e.g. `alerts[3].labels.pod: must be at most 253
 * characters`), so one bad alert does not keep the others of its group
 * out, now or at Alertmanager's next repeat. A `startsAt` later than the
 * receipt is clamped to it (a sender's clock ahead of ours would otherwise
 * move MTTR and the feature window into the future).
 *
 * @public
 */
export function readAlertmanagerPayload(
  body: unknown,
  options: AlertmanagerPayloadOptions,
): { records: AlertRecord[]; refused: RefusedAlert[] } {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    throw new InputError(
      `invalid Alertmanager payload: ${pathOf('', issue.path) || 'body'}: ${
        issue.message
      }`,
    );
  }
  const schema = alertSchema(options.clusterLabel ?? 'cluster');
  const records: AlertRecord[] = [];
  const refused: RefusedAlert[] = [];
  envelope.data.alerts.forEach((value, index) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      refused.push({
        path: pathOf(`alerts[${index}]`, issue.path),
        message: issue.message,
      });
      return;
    }
    const raw = parsed.data;
    const labels = raw.labels;
    const sent = new Date(raw.startsAt);
    const startsAt =
      sent.getTime() > options.receivedAt.getTime() ? options.receivedAt : sent;
    const alert: HealingAlert = {
      fingerprint: raw.fingerprint ?? labelFingerprint(labels),
      name: labels.alertname ?? 'unnamed',
      status: raw.status,
      startsAt: startsAt.toISOString(),
      endsAt: endOf(raw.endsAt),
      labels,
      annotations: raw.annotations ?? {},
    };
    records.push({
      alert,
      payload: raw,
      sentStartsAt: startsAt === sent ? undefined : sent.toISOString(),
    });
  });
  return { records, refused };
}

/**
 * Parses an Alertmanager webhook body strictly: any wrong field, of the
 * envelope or of one alert, is a 400 naming it, e.g. `alerts[0].startsAt`.
 *
 * @public
 */
export function parseAlertmanagerPayload(
  body: unknown,
  options: AlertmanagerPayloadOptions = { receivedAt: new Date() },
): AlertRecord[] {
  const { records, refused } = readAlertmanagerPayload(body, options);
  if (refused.length > 0) {
    throw new InputError(
      `invalid Alertmanager payload: ${refused[0].path}: ${refused[0].message}`,
    );
  }
  return records;
}
