import { CALLER_FORMS } from '../generators/callers';
import { FieldSchema } from './generateAction';

const DNS_1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DURATION = /^\d+(ms|s|m|h)$/;

/** Input fields shared by every action. */
export const identityInput = {
  name: (z =>
    z
      .string()
      .regex(DNS_1123, 'must be a DNS-1123 label')
      .max(63)
      .describe(
        'Name of the service: a DNS-1123 label starting with a letter; every object is named after it and its pods are labelled app.kubernetes.io/name=<name>',
      )) as FieldSchema,
  namespace: (z =>
    z
      .string()
      .regex(DNS_1123, 'must be a DNS-1123 label')
      .max(63)
      .describe(
        'Kubernetes namespace of the service (a DNS-1123 label)',
      )) as FieldSchema,
};

/** The output directory field, with its default. */
export function outputDirInput(defaultDir: string): FieldSchema {
  return z =>
    z
      .string()
      .optional()
      .describe(
        `Directory to write into, relative to the workspace; no '..', no absolute path, no symbolic link. Defaults to '${defaultDir}'`,
      );
}

/** The service port field. */
export const portInput: FieldSchema = z =>
  z
    .number()
    .int()
    .min(1)
    .max(65535)
    .optional()
    .describe(
      'Port the service listens on (and its Service exposes). Defaults to 8080',
    );

/** The callers field. */
export const callersInput: FieldSchema = z =>
  z
    .array(z.string())
    .optional()
    .describe(
      `Workloads allowed to call the service, each ${CALLER_FORMS}; nobody else gets through the AuthorizationPolicy and NetworkPolicy`,
    );

/** The Prometheus identity field. */
export const scraperInput: FieldSchema = z =>
  z
    .object({
      namespace: z
        .string()
        .optional()
        .describe('Namespace Prometheus runs in. Defaults to monitoring'),
      serviceAccount: z
        .string()
        .optional()
        .describe('Service account of Prometheus. Defaults to prometheus'),
    })
    .optional()
    .describe(
      'Prometheus, allowed to scrape GET /metrics through the mesh and the network policy',
    );

/** A duration field. */
export function durationInput(description: string): FieldSchema {
  return z =>
    z
      .string()
      .regex(DURATION, 'must be a duration such as 5s, 250ms or 1m')
      .optional()
      .describe(description);
}

/** The SLO field. */
export const sloInput: FieldSchema = z =>
  z
    .object({
      availability: z
        .number()
        .gt(0)
        .lt(100)
        .optional()
        .describe(
          'Availability objective: percent of requests over 30 days that do not fail with a 5xx. Defaults to 99.9',
        ),
      latency: z
        .object({
          thresholdMs: z
            .number()
            .int()
            .positive()
            .describe(
              'Latency threshold in milliseconds; must be a bucket bound of the service histogram',
            ),
          target: z
            .number()
            .gt(0)
            .lt(100)
            .optional()
            .describe(
              'Percent of requests over 30 days faster than the threshold. Defaults to 99 (a p99 objective)',
            ),
        })
        .optional()
        .describe('Latency objective; none when unset'),
    })
    .optional()
    .describe(
      'Service level objectives: each gets recording rules and multi-window multi-burn-rate alerts',
    );

/** An optional object field made of other fields. */
export function objectInput(
  fields: Record<string, FieldSchema>,
  description: string,
): FieldSchema {
  return z =>
    z
      .object(
        Object.fromEntries(
          Object.entries(fields).map(([key, field]) => [key, field(z)]),
        ),
      )
      .optional()
      .describe(description);
}
