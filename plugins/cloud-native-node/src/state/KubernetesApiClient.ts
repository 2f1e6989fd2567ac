import { KubeConfig } from '@kubernetes/client-node';
import http, { IncomingMessage, STATUS_CODES } from 'node:http';
import https from 'node:https';
import { StringDecoder } from 'node:string_decoder';

/**
 * How to reach and authenticate to one Kubernetes API server.
 *
 * @public
 */
export interface KubernetesApiClientOptions {
  /** Base URL of the API server; a path prefix (as behind a proxy) is kept. */
  url: string;
  serviceAccountToken?: string;
  /** Base64-encoded PEM bundle of the certificate authority. */
  caData?: string;
  /** Absolute path of a PEM certificate authority file. */
  caFile?: string;
  skipTLSVerify?: boolean;
  /** A LIST or discovery request that receives nothing this long fails. */
  requestTimeoutMs?: number;
}

/**
 * A failed request: `status` is set when the server answered, `code` when the
 * connection failed (ECONNREFUSED, certificate errors…).
 *
 * @public
 */
export class KubernetesApiError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string,
    /** True when the error arrived as an ERROR event inside a watch stream. */
    readonly inStream = false,
  ) {
    super(message);
    this.name = 'KubernetesApiError';
  }
}

/**
 * One event of a watch stream.
 *
 * @public
 */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  /** The object, or a meta/v1 Status for an ERROR; parsed, not checked. */
  object: unknown;
}

/**
 * How a watch that did not fail ended.
 *
 * @public
 */
export type WatchEnd = 'ended' | 'dropped' | 'idle';

/**
 * Splits a byte stream into newline-delimited lines, keeping multi-byte
 * characters and lines intact across chunk boundaries.
 *
 * @public
 */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private rest = '';

  push(chunk: Buffer | string): string[] {
    const text =
      this.rest +
      (typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
    const lines = text.split('\n');
    this.rest = lines.pop()!;
    return lines.filter(line => line.trim() !== '');
  }

  end(): string[] {
    const last = (this.rest + this.decoder.end()).trim();
    this.rest = '';
    return last ? [last] : [];
  }
}

function abortError(): Error {
  const error = new Error('The request was aborted');
  error.name = 'AbortError';
  return error;
}

const TLS_HINT = ' (check caData, caFile or skipTLSVerify)';

/** Turns a socket-level error into a message naming the request. */
function connectionError(what: string, error: unknown): KubernetesApiError {
  const { code, message } = (error ?? {}) as {
    code?: string;
    message?: string;
  };
  const tls = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO/.test(code ?? '');
  return new KubernetesApiError(
    `${what}: ${message ?? String(error)}${tls ? TLS_HINT : ''}`,
    undefined,
    code ?? 'ECONNECTION',
  );
}

/** Turns an error answer into a message with the server's own explanation. */
function statusError(what: string, status: number, body: string) {
  let detail = '';
  try {
    const parsed = JSON.parse(body);
    if (typeof parsed?.message === 'string') detail = `: ${parsed.message}`;
  } catch {
    detail = body ? `: ${body.slice(0, 200)}` : '';
  }
  return new KubernetesApiError(
    `${what}: ${status} ${STATUS_CODES[status] ?? ''}`.trimEnd() + detail,
    status,
  );
}

/** The pod log endpoint answers plain text. */
const TEXT = 'text/plain, */*';

/**
 * What to read of a container's log; the parameters of the pod log
 * endpoint. `sinceSeconds` and `sinceTime` exclude each other.
 *
 * @public
 */
export interface PodLogOptions {
  container?: string;
  /** The log of the container's previous run, after a restart. */
  previous?: boolean;
  sinceSeconds?: number;
  /** An RFC 3339 timestamp. */
  sinceTime?: string;
  tailLines?: number;
  limitBytes?: number;
}

function podLogPath(
  namespace: string,
  pod: string,
  options: PodLogOptions,
  follow: boolean,
): string {
  const query = new URLSearchParams({ timestamps: 'true' });
  if (options.container) query.set('container', options.container);
  if (options.previous) query.set('previous', 'true');
  if (options.sinceSeconds !== undefined) {
    query.set('sinceSeconds', String(options.sinceSeconds));
  } else if (options.sinceTime) {
    query.set('sinceTime', options.sinceTime);
  }
  if (options.tailLines !== undefined) {
    query.set('tailLines', String(options.tailLines));
  }
  if (options.limitBytes !== undefined) {
    query.set('limitBytes', String(options.limitBytes));
  }
  if (follow) query.set('follow', 'true');
  return `/api/v1/namespaces/${encodeURIComponent(
    namespace,
  )}/pods/${encodeURIComponent(pod)}/log?${query}`;
}

/**
 * Reads an answer's body, failing when no byte arrives for `timeoutMs`.
 * With `limitBytes`, stops reading once that many bytes arrived.
 */
function readBody(
  res: IncomingMessage,
  what: string,
  signal: AbortSignal,
  timeoutMs: number,
  limitBytes?: number,
): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let timer = setTimeout(onTimeout, timeoutMs);
    function onTimeout() {
      res.destroy(
        new KubernetesApiError(
          `${what}: no answer for ${timeoutMs} ms`,
          undefined,
          'ETIMEDOUT',
        ),
      );
    }
    const onAbort = () => res.destroy(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    };
    const text = () => {
      const body = Buffer.concat(chunks);
      return (
        limitBytes === undefined ? body : body.subarray(0, limitBytes)
      ).toString('utf8');
    };
    res.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      clearTimeout(timer);
      if (limitBytes !== undefined && size >= limitBytes) {
        done();
        res.destroy();
        resolve(text());
        return;
      }
      timer = setTimeout(onTimeout, timeoutMs);
    });
    res.on('end', () => {
      done();
      resolve(text());
    });
    res.on('error', error => {
      done();
      reject(
        error instanceof KubernetesApiError || error.name === 'AbortError'
          ? error
          : connectionError(what, error),
      );
    });
  });
}

/** What every request to one API server carries. */
interface ConnectionSettings {
  headers: Record<string, string>;
  tls: https.AgentOptions;
}

/**
 * A minimal Kubernetes API client: JSON GETs and watch streams over one
 * keep-alive agent, with every request abortable.
 *
 * @public
 */
export class KubernetesApiClient {
  private agent: http.Agent | undefined;
  private connection: Promise<ConnectionSettings> | undefined;

  constructor(private readonly options: KubernetesApiClientOptions) {}

  /** GETs a path such as `/api/v1/pods?limit=500` and parses the JSON answer. */
  /** The answer is parsed, not checked: `T` is what the caller expects of the API. */
  async getJson<T = unknown>(path: string, signal: AbortSignal): Promise<T> {
    const what = `GET ${path.split('?')[0]}`;
    const timeoutMs = this.options.requestTimeoutMs ?? 60_000;
    const res = await this.open(path, what, signal, timeoutMs);
    const body = await readBody(res, what, signal, timeoutMs);
    if (res.statusCode !== 200) throw statusError(what, res.statusCode!, body);
    try {
      return JSON.parse(body);
    } catch {
      throw new KubernetesApiError(`${what}: the answer is not JSON`, 200);
    }
  }

  /**
   * Streams a watch. `onEvents` gets the events of each received chunk; if it
   * throws, the stream is closed and the watch rejects with that error.
   * Resolves when the stream ends, breaks after it opened, or stays silent
   * for `idleMs` (read again after every chunk, so the bound may change
   * while the watch runs); rejects when it cannot open or is aborted.
   */
  async watch(
    path: string,
    options: {
      signal: AbortSignal;
      idleMs: number | (() => number);
      onOpen(): void;
      onEvents(events: WatchEvent[]): void;
    },
  ): Promise<WatchEnd> {
    const { signal } = options;
    const idle =
      typeof options.idleMs === 'number'
        ? () => options.idleMs as number
        : options.idleMs;
    const what = `GET ${path.split('?')[0]} (watch)`;
    const res = await this.open(path, what, signal, idle());
    if (res.statusCode !== 200) {
      const body = await new Promise<string>(resolve => {
        const chunks: Buffer[] = [];
        res.on('data', chunk => chunks.push(chunk));
        res.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', () => {});
      });
      throw statusError(what, res.statusCode!, body);
    }
    options.onOpen();
    return new Promise<WatchEnd>((resolve, reject) => {
      const splitter = new LineSplitter();
      let settled = false;
      let timer = setTimeout(onIdle, idle());
      function finish(end: WatchEnd | Error) {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        if (end instanceof Error) reject(end);
        else resolve(end);
      }
      function onIdle() {
        finish('idle');
        res.destroy();
      }
      function onAbort() {
        finish(abortError());
        res.destroy();
      }
      function deliver(lines: string[]) {
        if (lines.length === 0) return;
        try {
          options.onEvents(lines.map(line => JSON.parse(line)));
        } catch (error) {
          finish(error as Error);
          res.destroy();
        }
      }
      signal.addEventListener('abort', onAbort, { once: true });
      res.on('data', chunk => {
        if (settled) return;
        clearTimeout(timer);
        deliver(splitter.push(chunk));
        if (!settled) timer = setTimeout(onIdle, idle());
      });
      res.on('end', () => {
        if (!settled) deliver(splitter.end());
        finish('ended');
      });
      // A stream cut before its last chunk emits 'error' ("aborted"), then 'close'.
      res.on('error', () => {});
      res.on('close', () => finish('dropped'));
    });
  }

  /**
   * Reads a container's log, each line prefixed with its RFC 3339 timestamp
   * (`timestamps=true`). The server stops at `limitBytes`; so does the
   * client, should a server ignore it.
   */
  async getPodLog(
    namespace: string,
    pod: string,
    options: PodLogOptions,
    signal: AbortSignal,
  ): Promise<string> {
    const what = `GET pods/${pod}/log in ${namespace}`;
    const timeoutMs = this.options.requestTimeoutMs ?? 60_000;
    const path = podLogPath(namespace, pod, options, false);
    const res = await this.open(path, what, signal, timeoutMs, TEXT);
    const body = await readBody(
      res,
      what,
      signal,
      timeoutMs,
      options.limitBytes,
    );
    if (res.statusCode !== 200) throw statusError(what, res.statusCode!, body);
    return body;
  }

  /**
   * Follows a container's log (`follow=true`): `onLines` gets the complete
   * lines of each chunk as they arrive. Resolves when the server ends the
   * stream (the container stopped) or it breaks; rejects when it cannot
   * open, or with `AbortError` when `signal` aborts. A silent log is not an
   * error: the stream stays open until the caller aborts it.
   */
  async followPodLog(
    namespace: string,
    pod: string,
    options: PodLogOptions,
    stream: {
      signal: AbortSignal;
      /** Called once the server accepted the request, before any line. */
      onOpen?(): void;
      onLines(lines: string[]): void;
    },
  ): Promise<void> {
    const { signal } = stream;
    const what = `GET pods/${pod}/log in ${namespace} (follow)`;
    const timeoutMs = this.options.requestTimeoutMs ?? 60_000;
    const path = podLogPath(namespace, pod, options, true);
    const res = await this.open(path, what, signal, timeoutMs, TEXT);
    if (res.statusCode !== 200) {
      const body = await readBody(res, what, signal, timeoutMs, 4096);
      throw statusError(what, res.statusCode!, body);
    }
    stream.onOpen?.();
    await new Promise<void>((resolve, reject) => {
      const splitter = new LineSplitter();
      let settled = false;
      function finish(error?: Error) {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve();
      }
      function onAbort() {
        finish(abortError());
        res.destroy();
      }
      function deliver(lines: string[]) {
        if (lines.length === 0) return;
        try {
          stream.onLines(lines);
        } catch (error) {
          finish(error as Error);
          res.destroy();
        }
      }
      signal.addEventListener('abort', onAbort, { once: true });
      res.on('data', chunk => {
        if (!settled) deliver(splitter.push(chunk));
      });
      res.on('end', () => {
        if (!settled) deliver(splitter.end());
        finish();
      });
      res.on('error', () => {});
      res.on('close', () => finish());
    });
  }

  /** Closes every pooled connection. */
  close() {
    this.agent?.destroy();
    this.agent = undefined;
  }

  /** Sends a GET and resolves once the response headers arrive. */
  private async open(
    path: string,
    what: string,
    signal: AbortSignal,
    timeoutMs: number,
    accept = 'application/json',
  ): Promise<IncomingMessage> {
    let settings: ConnectionSettings;
    try {
      settings = await this.connectionSettings();
    } catch (error) {
      throw new KubernetesApiError(
        `${what}: ${(error as Error).message}`,
        undefined,
        'ECONFIG',
      );
    }
    return new Promise((resolve, reject) => {
      if (signal.aborted) {
        reject(abortError());
        return;
      }
      let req: http.ClientRequest;
      try {
        const base = new URL(this.options.url);
        const url = new URL(base.pathname.replace(/\/$/, '') + path, base);
        const transport = url.protocol === 'https:' ? https : http;
        req = transport.request(url, {
          method: 'GET',
          headers: { ...settings.headers, Accept: accept },
          agent: this.getAgent(url.protocol, settings),
        });
      } catch (error) {
        reject(
          new KubernetesApiError(
            `${what}: ${(error as Error).message}`,
            undefined,
            'ECONFIG',
          ),
        );
        return;
      }
      // Until the headers arrive; the callers watch the body themselves.
      const timer = setTimeout(() => {
        req.destroy(
          new KubernetesApiError(
            `${what}: no answer for ${timeoutMs} ms`,
            undefined,
            'ETIMEDOUT',
          ),
        );
      }, timeoutMs);
      const onAbort = () => req.destroy(abortError());
      signal.addEventListener('abort', onAbort, { once: true });
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
      };
      req.on('response', res => {
        done();
        resolve(res);
      });
      req.on('error', error => {
        done();
        reject(
          error instanceof KubernetesApiError || error.name === 'AbortError'
            ? error
            : connectionError(what, error),
        );
      });
      req.end();
    });
  }

  /**
   * TLS material and credentials, computed by the Kubernetes client library
   * from the cluster definition. Computed on first use, and again after a
   * failure, so that a CA file mounted later is still picked up.
   */
  private connectionSettings(): Promise<ConnectionSettings> {
    if (!this.connection) {
      const { url, caData, caFile, skipTLSVerify, serviceAccountToken } =
        this.options;
      this.connection = (async () => {
        const kubeConfig = new KubeConfig();
        kubeConfig.loadFromClusterAndUser(
          {
            name: 'cluster',
            server: url,
            caData,
            caFile,
            // The library refuses plain HTTP unless verification is off;
            // there is nothing to verify on such a connection anyway.
            skipTLSVerify: !!skipTLSVerify || url.startsWith('http:'),
          },
          { name: 'service-account', token: serviceAccountToken },
        );
        const options: https.RequestOptions = {};
        await kubeConfig.applyToHTTPSOptions(options);
        const headers: Record<string, string> = {};
        for (const [key, value] of Object.entries(options.headers ?? {})) {
          if (typeof value === 'string') headers[key] = value;
        }
        return {
          headers,
          tls: {
            ca: options.ca,
            cert: options.cert,
            key: options.key,
            rejectUnauthorized: !skipTLSVerify,
          },
        };
      })();
      this.connection.catch(() => {
        this.connection = undefined;
      });
    }
    return this.connection;
  }

  private getAgent(protocol: string, settings: ConnectionSettings): http.Agent {
    if (this.agent) return this.agent;
    this.agent =
      protocol === 'https:'
        ? new https.Agent({ keepAlive: true, ...settings.tls })
        : new http.Agent({ keepAlive: true });
    return this.agent;
  }
}
