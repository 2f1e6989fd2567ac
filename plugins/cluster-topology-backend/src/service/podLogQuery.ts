import { InputError } from '@backstage/errors';
import { rfc3339ToNanos } from '@cloud-native-platform/plugin-cloud-native-node';
import { PodLogsQuery } from '@cloud-native-platform/plugin-cluster-topology-common';

/**
 * A GET /logs query as the OpenAPI router passes it: the spec has already
 * refused unknown and repeated parameters, so every value is one string.
 */
type Query = Record<string, unknown>;

function single(query: Query, name: string): string | undefined {
  const value = query[name];
  return typeof value === 'string' ? value : undefined;
}

/** The tail read when a query bounds the lines neither by count nor by time. */
export const DEFAULT_TAIL_LINES = 500;
const MAX_TAIL_LINES = 10_000;

/** A checked GET /logs query; times also in nanoseconds since the epoch. */
export interface PodLogRequest
  extends Required<Pick<PodLogsQuery, 'cluster' | 'namespace' | 'pod'>> {
  container?: string;
  previous: boolean;
  sinceSeconds?: number;
  tailLines?: number;
  follow: boolean;
  start?: { text: string; nanos: bigint };
  end?: { text: string; nanos: bigint };
  source?: 'kubernetes' | 'loki';
}

function required(query: Query, name: string): string {
  const value = single(query, name);
  if (!value) throw new InputError(`query parameter ${name} is required`);
  return value;
}

function flag(query: Query, name: string): boolean {
  const value = single(query, name);
  if (value === undefined || value === 'false') return false;
  if (value === 'true' || value === '') return true;
  throw new InputError(
    `query parameter ${name} must be true or false, not '${value}'`,
  );
}

function wholeNumber(
  query: Query,
  name: string,
  min: number,
  max?: number,
): number | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  const number = /^\d{1,12}$/.test(value) ? Number(value) : NaN;
  if (!(number >= min) || (max !== undefined && number > max)) {
    throw new InputError(
      `query parameter ${name} must be a whole number ${
        max === undefined ? `of at least ${min}` : `from ${min} to ${max}`
      }, not '${value}'`,
    );
  }
  return number;
}

function timestamp(query: Query, name: string) {
  const text = single(query, name);
  if (text === undefined) return undefined;
  const nanos = rfc3339ToNanos(text);
  if (nanos === undefined) {
    throw new InputError(
      `query parameter ${name} must be an RFC 3339 timestamp such as 2026-12-03T10:00:00Z, not '${text}'`,
    );
  }
  return { text, nanos };
}

/** Checks a GET /logs query; every 400 names the parameter. */
export function parsePodLogQuery(query: Query): PodLogRequest {
  const source = single(query, 'source') || undefined;
  if (source !== undefined && source !== 'kubernetes' && source !== 'loki') {
    throw new InputError(
      `query parameter source must be kubernetes or loki, not '${source}'`,
    );
  }
  const request: PodLogRequest = {
    cluster: required(query, 'cluster'),
    namespace: required(query, 'namespace'),
    pod: required(query, 'pod'),
    container: single(query, 'container') || undefined,
    previous: flag(query, 'previous'),
    sinceSeconds: wholeNumber(query, 'sinceSeconds', 1),
    tailLines: wholeNumber(query, 'tailLines', 1, MAX_TAIL_LINES),
    follow: flag(query, 'follow'),
    start: timestamp(query, 'start'),
    end: timestamp(query, 'end'),
    source,
  };
  if (request.start && request.sinceSeconds !== undefined) {
    throw new InputError(
      'query parameters start and sinceSeconds exclude each other; give one',
    );
  }
  if (
    request.start &&
    request.end &&
    request.start.nanos >= request.end.nanos
  ) {
    throw new InputError(
      `query parameter start (${request.start.text}) must be before end (${request.end.text})`,
    );
  }
  if (request.follow && request.end) {
    throw new InputError(
      'query parameter end cannot be combined with follow: a followed log has no end',
    );
  }
  if (
    request.tailLines === undefined &&
    request.sinceSeconds === undefined &&
    !request.start
  ) {
    request.tailLines = DEFAULT_TAIL_LINES;
  }
  return request;
}
