/**
 * One log line read from Loki, with the labels of its stream.
 *
 * @public
 */
export interface LokiLogEntry {
  /** Nanoseconds since the epoch. */
  timestampNanos: bigint;
  line: string;
  labels: Record<string, string>;
}

/**
 * A `query_range` request: a LogQL stream selector over a time range.
 *
 * @public
 */
export interface LokiQueryRange {
  query: string;
  /** Nanoseconds since the epoch, inclusive. */
  start: bigint;
  /** Nanoseconds since the epoch, exclusive. */
  end: bigint;
  limit: number;
  /** backward (the default) returns the newest `limit` lines. */
  direction?: 'forward' | 'backward';
}

/**
 * Thrown when Loki cannot answer: unreachable, timed out, or the query was
 * rejected. The message names Loki by its URL without credentials.
 *
 * @public
 */
export class LokiError extends Error {
  name = 'LokiError';
}

/**
 * Options of {@link LokiClient}.
 *
 * @public
 */
export interface LokiClientOptions {
  /** Base URL of the Loki HTTP API; credentials in it are sent as basic auth. */
  url: string;
  /** Per-request timeout; default 15 seconds. */
  timeoutMs?: number;
}

interface QueryRangeBody {
  status?: string;
  error?: string;
  data?: {
    resultType?: string;
    result?: Array<{
      stream?: Record<string, string>;
      values?: Array<[string, string]>;
    }>;
  };
}

/**
 * Quotes a label value for a LogQL stream selector.
 *
 * @public
 */
export function logqlString(value: string): string {
  return JSON.stringify(value);
}

/**
 * A small client of Loki's HTTP API: `query_range` for log streams, lines
 * answered oldest first.
 *
 * @public
 */
export class LokiClient {
  /** The URL without credentials, also for messages. */
  private readonly base: string;
  private readonly authorization: string | undefined;
  private readonly timeoutMs: number;

  constructor(options: LokiClientOptions) {
    const url = new URL(options.url);
    this.authorization =
      url.username || url.password
        ? `Basic ${Buffer.from(
            `${decodeURIComponent(url.username)}:${decodeURIComponent(
              url.password,
            )}`,
          ).toString('base64')}`
        : undefined;
    url.username = '';
    url.password = '';
    this.base = url.toString().replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  /** Runs a log query over a range; the lines of every stream, oldest first. */
  async queryRange(
    request: LokiQueryRange,
    signal?: AbortSignal,
  ): Promise<LokiLogEntry[]> {
    const params = new URLSearchParams({
      query: request.query,
      start: request.start.toString(),
      end: request.end.toString(),
      limit: String(request.limit),
      direction: request.direction ?? 'backward',
    });
    const timeout = AbortSignal.timeout(this.timeoutMs);
    let res: Response;
    try {
      res = await fetch(`${this.base}/loki/api/v1/query_range?${params}`, {
        headers: this.authorization
          ? { Authorization: this.authorization }
          : {},
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      const e = error as Error & { cause?: Error };
      if (signal?.aborted) throw e;
      const reason =
        e.name === 'TimeoutError'
          ? `no answer within ${this.timeoutMs} ms`
          : e.cause?.message ?? e.message;
      throw new LokiError(`Loki at ${this.base} is unreachable: ${reason}`);
    }
    const text = await res.text();
    let body: QueryRangeBody | undefined;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!res.ok || body?.status !== 'success') {
      const reason = body?.error ?? text.trim().slice(0, 200);
      throw new LokiError(
        `Loki at ${this.base} rejected the query (${res.status})${
          reason ? `: ${reason}` : ''
        }`,
      );
    }
    if (body.data?.resultType !== 'streams') {
      throw new LokiError(
        `Loki at ${this.base} answered ${
          body.data?.resultType ?? 'no'
        } results where log streams were expected`,
      );
    }
    const entries: LokiLogEntry[] = [];
    for (const stream of body.data.result ?? []) {
      for (const [nanos, line] of stream.values ?? []) {
        if (!/^\d+$/.test(nanos)) continue;
        entries.push({
          timestampNanos: BigInt(nanos),
          line,
          labels: stream.stream ?? {},
        });
      }
    }
    entries.sort((a, b) => {
      if (a.timestampNanos === b.timestampNanos) return 0;
      return a.timestampNanos < b.timestampNanos ? -1 : 1;
    });
    // Each stream is cut at the limit on its own; across streams too.
    return request.direction === 'forward'
      ? entries.slice(0, request.limit)
      : entries.slice(Math.max(0, entries.length - request.limit));
  }
}
