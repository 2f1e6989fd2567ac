/**
 * One series of a Prometheus instant or range query result.
 *
 * @public
 */
export interface PrometheusSeries {
  metric: Record<string, string>;
  /** Instant queries: one [unix seconds, value]; range queries: many. */
  values: Array<[number, number]>;
}

/**
 * Thrown when Prometheus cannot answer: unreachable, timed out, or the
 * query was rejected. The message names the URL and the reason.
 *
 * @public
 */
export class PrometheusError extends Error {
  name = 'PrometheusError';
}

/**
 * Options of {@link PrometheusClient}.
 *
 * @public
 */
export interface PrometheusClientOptions {
  /** Base URL of the Prometheus HTTP API, for example http://prometheus:9090. */
  url: string;
  /** Per-request timeout; default 10 seconds. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * Outcome of the last request, for the cluster status.
 *
 * @public
 */
export interface PrometheusHealth {
  url: string;
  state: 'unknown' | 'ok' | 'error';
  error?: string;
  lastSuccessAt?: string;
}

/**
 * One alert of a Prometheus's alerting rules, pending or firing, as
 * `/api/v1/alerts` reports it.
 *
 * @public
 */
export interface PrometheusAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: 'pending' | 'firing';
  /** When it became active (RFC 3339). */
  activeAt?: string;
}

/** The body of `/api/v1/alerts`. */
interface PrometheusAlertsBody {
  status?: 'success' | 'error';
  errorType?: string;
  error?: string;
  data?: {
    alerts?: Array<{
      labels?: Record<string, string>;
      annotations?: Record<string, string>;
      state?: string;
      activeAt?: string;
    }>;
  };
}

/** The body of `/api/v1/query` and `/api/v1/query_range`, as Prometheus documents it. */
interface PrometheusResponseBody {
  status?: 'success' | 'error';
  errorType?: string;
  error?: string;
  data?:
    | {
        resultType: 'vector';
        result: Array<{
          metric?: Record<string, string>;
          value: [number, string];
        }>;
      }
    | {
        resultType: 'matrix';
        result: Array<{
          metric?: Record<string, string>;
          values: Array<[number, string]>;
        }>;
      }
    | { resultType: 'scalar'; result: [number, string] };
}

function toNumber(value: string): number {
  // Prometheus encodes NaN and infinities as strings.
  return Number(value);
}

/**
 * A small client of the Prometheus HTTP API: instant and range queries with
 * timeouts. Every failure becomes a {@link PrometheusError} and is kept as
 * the client's health, so a cluster status can show it.
 *
 * @public
 */
export class PrometheusClient {
  private readonly url: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;
  private lastHealth: PrometheusHealth;

  constructor(options: PrometheusClientOptions) {
    this.url = options.url.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.fetchImpl = options.fetch ?? fetch;
    this.lastHealth = { url: this.url, state: 'unknown' };
  }

  health(): PrometheusHealth {
    return { ...this.lastHealth };
  }

  /** Evaluates an expression at one instant (default: now). */
  async query(promql: string, time?: Date): Promise<PrometheusSeries[]> {
    const params = new URLSearchParams({ query: promql });
    if (time) params.set('time', String(time.getTime() / 1000));
    return this.request('/api/v1/query', params);
  }

  /** Evaluates an expression over a range at a fixed step (seconds). */
  async queryRange(
    promql: string,
    start: Date,
    end: Date,
    stepSeconds: number,
  ): Promise<PrometheusSeries[]> {
    if (!(stepSeconds > 0)) {
      throw new PrometheusError(
        `step must be a positive number of seconds, got ${stepSeconds}`,
      );
    }
    const params = new URLSearchParams({
      query: promql,
      start: String(start.getTime() / 1000),
      end: String(end.getTime() / 1000),
      step: String(stepSeconds),
    });
    return this.request('/api/v1/query_range', params);
  }

  /** The alerts of its alerting rules that are pending or firing now. */
  async alerts(): Promise<PrometheusAlert[]> {
    const body = await this.call<PrometheusAlertsBody>(
      '/api/v1/alerts',
      undefined,
      'the alerts request',
    );
    return (body.data?.alerts ?? []).map(a => ({
      labels: a.labels ?? {},
      annotations: a.annotations ?? {},
      state: a.state === 'firing' ? 'firing' : 'pending',
      ...(a.activeAt && { activeAt: a.activeAt }),
    }));
  }

  private async request(
    path: string,
    params: URLSearchParams,
  ): Promise<PrometheusSeries[]> {
    const body = await this.call<PrometheusResponseBody>(
      path,
      params,
      'the query',
    );
    return this.parse(body.data);
  }

  /** POSTs a form (queries) or GETs (without params), and checks the envelope. */
  private async call<
    T extends { status?: string; errorType?: string; error?: string },
  >(path: string, params: URLSearchParams | undefined, what: string) {
    const target = `${this.url}${path}`;
    try {
      let res: Response;
      try {
        res = await this.fetchImpl(target, {
          method: params ? 'POST' : 'GET',
          ...(params && {
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: params.toString(),
          }),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        const e = error as Error & { cause?: Error };
        const reason =
          e.name === 'TimeoutError'
            ? `no answer within ${this.timeoutMs} ms`
            : e.cause?.message ?? e.message;
        throw new PrometheusError(
          `Prometheus at ${this.url} is unreachable: ${reason}`,
        );
      }
      const text = await res.text();
      let body: T;
      try {
        body = JSON.parse(text);
      } catch {
        throw new PrometheusError(
          `Prometheus at ${this.url} answered ${res.status} with a body that is not JSON`,
        );
      }
      if (body.status !== 'success') {
        throw new PrometheusError(
          `Prometheus at ${this.url} rejected ${what} (${res.status} ${
            body.errorType ?? ''
          }): ${body.error ?? 'no reason given'}`,
        );
      }
      this.lastHealth = {
        url: this.url,
        state: 'ok',
        lastSuccessAt: new Date().toISOString(),
      };
      return body;
    } catch (error) {
      this.lastHealth = {
        ...this.lastHealth,
        state: 'error',
        error: (error as Error).message,
      };
      throw error;
    }
  }

  private parse(data: PrometheusResponseBody['data']): PrometheusSeries[] {
    const resultType: string | undefined = data?.resultType;
    switch (data?.resultType) {
      case 'vector':
        return data.result.map(r => ({
          metric: r.metric ?? {},
          values: [[r.value[0], toNumber(r.value[1])]],
        }));
      case 'matrix':
        return data.result.map(r => ({
          metric: r.metric ?? {},
          values: r.values.map(v => [v[0], toNumber(v[1])]),
        }));
      case 'scalar':
        return [
          { metric: {}, values: [[data.result[0], toNumber(data.result[1])]] },
        ];
      default:
        throw new PrometheusError(
          `Prometheus at ${this.url} returned an unexpected result type ${resultType}`,
        );
    }
  }
}
