import { InputError } from '@backstage/errors';
import { HealingAlert } from '@cloud-native-platform/plugin-healing-common';
import { z } from 'zod';
import { AlertRecord } from '../database/HealingStore';

const dateTime = z.string().refine(v => !Number.isNaN(Date.parse(v)), {
  message: 'must be an RFC 3339 date-time',
});
const stringMap = z.record(z.string(), z.string());

const alertSchema = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: stringMap,
  annotations: stringMap.optional(),
  startsAt: dateTime,
  endsAt: z.string().optional(),
  generatorURL: z.string().optional(),
  fingerprint: z.string().min(1).max(255).optional(),
});

/** The Alertmanager webhook payload, version 4. */
const payloadSchema = z.object({
  version: z.literal('4'),
  groupKey: z.string().optional(),
  status: z.enum(['firing', 'resolved']).optional(),
  receiver: z.string().optional(),
  commonLabels: stringMap.optional(),
  alerts: z.array(alertSchema).max(10_000),
});

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
    .slice(0, 255);
}

/**
 * Parses an Alertmanager webhook body; a wrong field is a 400 naming it,
 * e.g. `alerts[0].startsAt`.
 *
 * @public
 */
export function parseAlertmanagerPayload(body: unknown): AlertRecord[] {
  const parsed = payloadSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path
      .map((p, i) =>
        typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`,
      )
      .join('');
    throw new InputError(
      `invalid Alertmanager payload: ${path || 'body'}: ${issue.message}`,
    );
  }
  return parsed.data.alerts.map(raw => {
    const labels = raw.labels;
    const alert: HealingAlert = {
      fingerprint: raw.fingerprint ?? labelFingerprint(labels),
      name: labels.alertname ?? 'unnamed',
      status: raw.status,
      startsAt: new Date(raw.startsAt).toISOString(),
      endsAt: endOf(raw.endsAt),
      labels,
      annotations: raw.annotations ?? {},
    };
    return { alert, payload: raw };
  });
}
