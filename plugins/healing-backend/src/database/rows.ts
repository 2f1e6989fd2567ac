import {
  HealingActionChoice,
  HealingAlert,
  HealingAttempt,
} from '@cloud-native-platform/plugin-healing-common';
import { AttemptExtras } from './HealingStore';

/** A date column: PostgreSQL returns Dates, SQLite the epoch milliseconds stored. */
export function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(value as string | number);
}

export function optionalDate(value: unknown): Date | undefined {
  return value === null || value === undefined ? undefined : toDate(value);
}

function iso(value: unknown): string | undefined {
  return optionalDate(value)?.toISOString();
}

function json<T>(value: unknown): T | undefined {
  if (value === null || value === undefined) return undefined;
  return JSON.parse(String(value)) as T;
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== null),
  ) as T;
}

/**
 * A value cut to its column's length: a row too long for a varchar fails
 * on PostgreSQL, and with it the whole batch of attempts it is part of.
 */
function fit(value: string, length: number): string;
function fit(value: string | undefined, length: number): string | null;
function fit(value: string | undefined, length: number): string | null {
  if (value === undefined || value === null) return null;
  return value.length <= length ? value : `${value.slice(0, length - 1)}…`;
}

/** The row of an attempt (without claim fields). */
export function attemptToRow(
  attempt: HealingAttempt,
  extras: AttemptExtras & { alertId?: number } = {},
) {
  return {
    id: attempt.id,
    kind: attempt.kind,
    alert_id: extras.alertId ?? null,
    cluster: fit(attempt.cluster, 255),
    namespace: fit(attempt.target.namespace, 255),
    target_kind: fit(attempt.target.kind, 255),
    target_name: fit(attempt.target.name, 255),
    entity_ref: fit(attempt.target.entityRef, 512),
    action: attempt.action ?? null,
    mode: attempt.mode,
    status: attempt.status,
    policy: fit(attempt.policy, 255),
    confidence: attempt.confidence ?? null,
    reason: attempt.reason ?? null,
    created_at: new Date(attempt.createdAt),
    updated_at: new Date(attempt.updatedAt),
    applied_at: extras.appliedAt ?? null,
    resolved_at: attempt.resolvedAt ? new Date(attempt.resolvedAt) : null,
    mttr_seconds: attempt.mttrSeconds ?? null,
    verify_window_seconds: extras.verifyWindowSeconds ?? null,
    alert: attempt.alert ? JSON.stringify(attempt.alert) : null,
    steps: JSON.stringify(attempt.steps),
    root_cause: attempt.rootCause ? JSON.stringify(attempt.rootCause) : null,
    change: attempt.change ? JSON.stringify(attempt.change) : null,
    pod: fit(extras.pod, 255),
    decided_by: fit(attempt.decidedBy, 512),
    alert_name: fit(attempt.alert?.name, 255),
    action_choice: attempt.actionChoice
      ? JSON.stringify(attempt.actionChoice)
      : null,
  };
}

/**
 * A `healing_attempts` row as the database returns it: dates as Dates
 * (PostgreSQL) or epoch milliseconds (SQLite), JSON columns as text.
 */
export interface AttemptRow {
  id: string | number;
  kind: HealingAttempt['kind'];
  cluster: string;
  namespace: string | null;
  target_kind: string;
  target_name: string;
  entity_ref: string | null;
  alert: string | null;
  action: HealingAttempt['action'] | null;
  mode: HealingAttempt['mode'];
  status: HealingAttempt['status'];
  policy: string | null;
  confidence: number | string | null;
  reason: string | null;
  created_at: unknown;
  updated_at: unknown;
  resolved_at: unknown;
  mttr_seconds: number | string | null;
  steps: string | null;
  root_cause: string | null;
  action_choice: string | null;
  change: string | null;
  decided_by: string | null;
}

/** A `healing_alerts` row, with the columns {@link rowToAlert} reads. */
export interface AlertRow {
  fingerprint: string;
  alertname: string;
  status: HealingAlert['status'];
  starts_at: unknown;
  ends_at: unknown;
  received_at: unknown;
  payload: string | null;
}

/** The API shape of an attempt row. */
export function rowToAttempt(row: AttemptRow): HealingAttempt {
  return defined<HealingAttempt>({
    id: String(row.id),
    kind: row.kind,
    cluster: row.cluster,
    target: defined({
      cluster: row.cluster,
      namespace: row.namespace ?? undefined,
      kind: row.target_kind,
      name: row.target_name,
      entityRef: row.entity_ref ?? undefined,
    }),
    alert: json<HealingAlert>(row.alert),
    action: row.action ?? undefined,
    mode: row.mode,
    status: row.status,
    policy: row.policy ?? undefined,
    confidence:
      row.confidence === null || row.confidence === undefined
        ? undefined
        : Number(row.confidence),
    reason: row.reason ?? undefined,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    resolvedAt: iso(row.resolved_at),
    mttrSeconds:
      row.mttr_seconds === null || row.mttr_seconds === undefined
        ? undefined
        : Number(row.mttr_seconds),
    steps: json(row.steps) ?? [],
    rootCause: json(row.root_cause),
    actionChoice: json<HealingActionChoice>(row.action_choice),
    change: json(row.change),
    decidedBy: row.decided_by ?? undefined,
  });
}

/**
 * The HealingAlert of a stored alert row; a `startsAt` later than the
 * alert's first receipt (the sender's clock is ahead) is the receipt time.
 */
export function rowToAlert(row: AlertRow): HealingAlert {
  const payload =
    json<Partial<Pick<HealingAlert, 'labels' | 'annotations'>>>(row.payload) ??
    {};
  const startsAt = toDate(row.starts_at);
  const receivedAt = optionalDate(row.received_at);
  return defined<HealingAlert>({
    fingerprint: row.fingerprint,
    name: row.alertname,
    status: row.status,
    startsAt: (receivedAt && receivedAt < startsAt
      ? receivedAt
      : startsAt
    ).toISOString(),
    endsAt: iso(row.ends_at),
    labels: payload.labels ?? {},
    annotations: payload.annotations ?? {},
  });
}

/** Rows per statement: below SQLite's bound-parameter limit. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(items.slice(i, i + size));
  return out;
}
