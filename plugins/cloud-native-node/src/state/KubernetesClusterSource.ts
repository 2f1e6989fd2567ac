import {
  ClusterSource,
  ClusterSourceContext,
  ClusterSourceFactory,
} from './ClusterSource';
import {
  KubernetesApiClient,
  KubernetesApiError,
  WatchEvent,
} from './KubernetesApiClient';
import { KubeObject } from './KubeObject';
import { KindDefinition } from './kinds';

/** A page of a LIST answer: meta/v1 List. */
interface ListPage {
  items?: unknown[];
  metadata?: { continue?: string; resourceVersion?: string };
}

/** A discovery answer: meta/v1 APIResourceList. */
interface ResourceList {
  resources?: Array<{ name: string; kind: string; namespaced?: boolean }>;
}

/**
 * Tuning of {@link KubernetesClusterSource}; the defaults suit production,
 * tests shrink them.
 *
 * @public
 */
export interface KubernetesClusterSourceOptions {
  /**
   * A watch that receives nothing this long is restarted, while the server
   * has sent no bookmark (default 5 min 30 s: longer than a watch's
   * server-side timeout, so only a silent connection trips it).
   */
  watchdogMs?: number;
  /**
   * The same once the cluster has sent a bookmark on any watch: the API
   * server then sends one a minute to each watch, so silence this long
   * means a half-open connection (default 90 s).
   */
  bookmarkWatchdogMs?: number;
  /** Retry delays after failures, with full jitter (default 1 s to 60 s). */
  backoff?: { initialMs: number; maxMs: number };
  /** How often a missing optional kind is looked for again (default 5 min). */
  absentRetryMs?: number;
  /** Server-side timeout asked of every watch (default 300 s). */
  watchTimeoutSeconds?: number;
  /** Timeout of a LIST or discovery request without any data (default 60 s). */
  requestTimeoutMs?: number;
  /** Page size of LIST requests (default 500). */
  pageSize?: number;
  random?: () => number;
}

/** What a kind's loop carries from one request to the next. */
interface KindLoop {
  resourceVersion: string | undefined;
  attempt: number;
  gone: number;
}

/** Where one unit of work stands, for the cluster-wide verdict. */
type RunnerState = 'pending' | 'ok' | 'absent' | 'unreachable' | 'failed';

const LIST_RESTARTS = 3;

function isAbort(error: unknown): boolean {
  return (error as Error)?.name === 'AbortError';
}

function resourcePath(kind: KindDefinition): string {
  const prefix = kind.group
    ? `/apis/${kind.group}/${kind.version}`
    : `/api/${kind.version}`;
  return kind.plural ? `${prefix}/${kind.plural}` : prefix;
}

/** Errors that every kind would share: the server, network or token is at fault. */
function isClusterLevel(error: KubernetesApiError): boolean {
  if (error.status === undefined) return true;
  return error.status === 401 || error.status >= 500;
}

/**
 * Keeps one live cluster's cache in step with its API server: per kind a
 * paginated LIST, then a WATCH resumed from the last resourceVersion, a
 * relist after 410 Gone, and retries with backoff after failures.
 *
 * @public
 */
export class KubernetesClusterSource implements ClusterSource {
  private readonly client: KubernetesApiClient;
  private readonly controller = new AbortController();
  private readonly runners = new Map<string, RunnerState>();
  private readonly running: Promise<void>[] = [];
  private readonly groups = new Set<string>();
  private readonly watchdogMs: number;
  private readonly bookmarkWatchdogMs: number;
  /** Whether the server has sent a bookmark: it then sends them every minute. */
  private sendsBookmarks = false;
  private readonly backoff: { initialMs: number; maxMs: number };
  private readonly absentRetryMs: number;
  private readonly random: () => number;
  private clusterDown = false;
  private started: Promise<void> | undefined;

  constructor(
    private readonly context: ClusterSourceContext,
    private readonly options: KubernetesClusterSourceOptions = {},
  ) {
    const { source } = context.cluster;
    if (source.type !== 'kubernetes') {
      throw new Error(
        `KubernetesClusterSource cannot read ${source.type} cluster ${context.cluster.name}`,
      );
    }
    this.client = new KubernetesApiClient({
      ...source,
      requestTimeoutMs: options.requestTimeoutMs,
    });
    this.watchdogMs = options.watchdogMs ?? 330_000;
    this.bookmarkWatchdogMs = Math.min(
      options.bookmarkWatchdogMs ?? 90_000,
      this.watchdogMs,
    );
    this.backoff = options.backoff ?? { initialMs: 1_000, maxMs: 60_000 };
    this.absentRetryMs = options.absentRetryMs ?? 300_000;
    this.random = options.random ?? Math.random;
  }

  start(): Promise<void> {
    if (!this.started) {
      const firsts = this.context.kinds.map(kind =>
        kind.kind === '*'
          ? this.spawn(`${kind.group}/*`, first => this.runGroup(kind, first))
          : this.spawn(kind.kind, first => this.runKind(kind, first)),
      );
      this.started = Promise.all(firsts).then(() => {});
    }
    return this.started;
  }

  async stop(): Promise<void> {
    this.controller.abort();
    // Discovery may have spawned a loop just before the abort: wait for all.
    let count: number;
    do {
      count = this.running.length;
      await Promise.all(this.running);
    } while (count !== this.running.length);
    this.client.close();
  }

  private get stopped() {
    return this.controller.signal.aborted;
  }

  /** Starts a loop; the returned promise settles after its first outcome. */
  private spawn(
    name: string,
    run: (first: () => void) => Promise<void>,
  ): Promise<void> {
    this.context.status.kindSyncing(name);
    this.runners.set(name, 'pending');
    let first!: () => void;
    const firstDone = new Promise<void>(resolve => {
      first = resolve;
    });
    this.running.push(
      run(first)
        .catch(error => {
          if (!isAbort(error)) {
            this.log('error', `${name} stopped: ${(error as Error).message}`);
          }
        })
        .finally(first),
    );
    return firstDone;
  }

  private async runKind(kind: KindDefinition, first: () => void) {
    const path = resourcePath(kind);
    // gone: 410s in a row; the first relists at once, repeats back off.
    const loop: KindLoop = { resourceVersion: undefined, attempt: 0, gone: 0 };
    while (!this.stopped) {
      try {
        if (loop.resourceVersion === undefined) {
          loop.resourceVersion = await this.list(kind, path);
          this.succeeded(kind.kind);
          loop.attempt = 0;
          first();
        }
        const startedAt = Date.now();
        const { end, received } = await this.watchOnce(kind, path, loop);
        if (end === 'idle') {
          this.log(
            'warn',
            `watch for ${
              kind.plural
            } restarted: silent for ${this.idleMs()} ms${
              this.sendsBookmarks ? ', bookmarks included' : ''
            }`,
          );
        } else if (received === 0 && Date.now() - startedAt < 1_000) {
          // A server that closes every watch at once must not be hammered.
          await this.sleep(this.delay(loop.attempt++));
        } else {
          this.log('debug', `watch for ${kind.plural} ${end}, resuming`);
        }
      } catch (error) {
        if (this.stopped || isAbort(error)) return;
        const apiError = this.asApiError(error);
        if (apiError.status === 410) {
          this.log(
            'info',
            `watch for ${kind.plural} restarted after 410, relisting`,
          );
          loop.resourceVersion = undefined;
          if (loop.gone++ > 0) await this.sleep(this.delay(loop.gone));
        } else if (apiError.status === 404 && kind.optional) {
          loop.resourceVersion = undefined;
          this.absent(kind.kind);
          first();
          await this.sleep(this.absentRetryMs);
        } else if (apiError.inStream) {
          this.log(
            'warn',
            `watch for ${kind.plural} failed: ${apiError.message}`,
          );
          await this.sleep(this.delay(loop.attempt++));
        } else {
          this.failed(kind, apiError);
          first();
          await this.sleep(this.delay(loop.attempt++));
        }
      }
    }
  }

  /** Runs one watch from the loop's resourceVersion, moving it forward. */
  private async watchOnce(kind: KindDefinition, path: string, loop: KindLoop) {
    let received = 0;
    const end = await this.client.watch(
      `${path}?watch=1&allowWatchBookmarks=true&timeoutSeconds=${
        this.options.watchTimeoutSeconds ?? 300
      }&resourceVersion=${encodeURIComponent(loop.resourceVersion ?? '')}`,
      {
        signal: this.controller.signal,
        idleMs: () => this.idleMs(),
        onOpen: () => {
          this.succeeded(kind.kind);
          loop.attempt = 0;
        },
        onEvents: events => {
          received += events.length;
          if (!this.sendsBookmarks && events.some(e => e.type === 'BOOKMARK')) {
            this.sendsBookmarks = true;
          }
          loop.resourceVersion =
            this.apply(kind, events) ?? loop.resourceVersion;
          loop.gone = 0;
        },
      },
    );
    return { end, received };
  }

  /** How long a watch may stay silent before it is taken for half-open. */
  private idleMs(): number {
    return this.sendsBookmarks ? this.bookmarkWatchdogMs : this.watchdogMs;
  }

  /** Lists every page and replaces the kind in the store; returns the list's resourceVersion. */
  private async list(kind: KindDefinition, path: string): Promise<string> {
    const limit = this.options.pageSize ?? 500;
    for (let restart = 0; ; restart++) {
      const items: KubeObject[] = [];
      let token: string | undefined;
      let resourceVersion = '';
      try {
        do {
          const page = await this.client.getJson<ListPage>(
            `${path}?limit=${limit}${
              token ? `&continue=${encodeURIComponent(token)}` : ''
            }`,
            this.controller.signal,
          );
          for (const item of page.items ?? [])
            items.push(this.typed(kind, item));
          token = page.metadata?.continue || undefined;
          resourceVersion ||= page.metadata?.resourceVersion ?? '';
        } while (token);
      } catch (error) {
        // An expired continue token: the list has to start over.
        const status = (error as KubernetesApiError).status;
        if (status === 410 && token && restart < LIST_RESTARTS) continue;
        throw error;
      }
      this.context.store.replaceKind(kind.kind, items);
      this.context.onChange();
      this.log('debug', `listed ${items.length} ${kind.plural}`);
      return resourceVersion;
    }
  }

  /** Applies a chunk of watch events; returns the newest resourceVersion seen. */
  private apply(
    kind: KindDefinition,
    events: WatchEvent[],
  ): string | undefined {
    const { store } = this.context;
    let resourceVersion: string | undefined;
    let changed = false;
    try {
      for (const event of events) {
        if (event.type === 'ERROR') {
          // An ERROR event carries a meta/v1 Status instead of an object.
          const status = (event.object ?? {}) as {
            code?: unknown;
            reason?: string;
            message?: string;
          };
          throw new KubernetesApiError(
            `watch for ${kind.plural}: ${status.code ?? ''} ${
              status.reason ?? ''
            } ${status.message ?? ''}`.replace(/\s+/g, ' '),
            typeof status.code === 'number' ? status.code : undefined,
            'EWATCH',
            true,
          );
        }
        const object = this.typed(kind, event.object);
        resourceVersion = object.metadata?.resourceVersion ?? resourceVersion;
        if (event.type === 'ADDED' || event.type === 'MODIFIED') {
          store.upsert(object);
          changed = true;
        } else if (event.type === 'DELETED') {
          changed = store.delete(object) || changed;
        }
      }
    } finally {
      if (changed) this.context.onChange();
    }
    return resourceVersion;
  }

  /** Finds the kinds of a group through discovery and runs one loop per kind. */
  private async runGroup(group: KindDefinition, first: () => void) {
    const name = `${group.group}/*`;
    this.groups.add(name);
    const path = resourcePath(group);
    const known = new Set<string>();
    let attempt = 0;
    while (!this.stopped) {
      let wait: number;
      try {
        const list = await this.client.getJson<ResourceList>(
          path,
          this.controller.signal,
        );
        const found: Promise<void>[] = [];
        for (const resource of list.resources ?? []) {
          if (resource.name.includes('/') || known.has(resource.name)) continue;
          known.add(resource.name);
          const kind: KindDefinition = {
            ...group,
            kind: resource.kind,
            plural: resource.name,
            namespaced: Boolean(resource.namespaced),
            optional: true,
          };
          found.push(this.spawn(kind.kind, f => this.runKind(kind, f)));
        }
        this.succeeded(name);
        attempt = 0;
        await Promise.all(found);
        wait = this.absentRetryMs;
      } catch (error) {
        if (this.stopped || isAbort(error)) return;
        const apiError = this.asApiError(error);
        if (apiError.status === 404) {
          this.absent(name);
          wait = this.absentRetryMs;
        } else {
          this.failed({ ...group, plural: name }, apiError, name);
          wait = this.delay(attempt++);
        }
      }
      first();
      // Looked at again later: new constraint templates add new kinds.
      await this.sleep(wait);
    }
  }

  // The API server's objects always carry metadata; the items of a LIST
  // may lack apiVersion and kind, which the kind being listed supplies.
  private typed(kind: KindDefinition, object: unknown): KubeObject {
    const fields = (object ?? {}) as Partial<KubeObject>;
    return {
      ...fields,
      apiVersion:
        fields.apiVersion ??
        (kind.group ? `${kind.group}/${kind.version}` : kind.version),
      kind: fields.kind ?? kind.kind,
    } as KubeObject;
  }

  private succeeded(name: string) {
    const previous = this.runners.get(name);
    this.runners.set(name, 'ok');
    if (previous !== 'ok') this.context.status.kindReady(name);
    if (previous === 'failed' || previous === 'unreachable') {
      this.log('info', `${name} recovered`);
    }
    if (this.clusterDown) {
      this.clusterDown = false;
      this.context.status.clusterRecovered();
      this.log('info', 'is reachable again');
    }
  }

  private absent(name: string) {
    if (this.runners.get(name) !== 'absent') {
      this.log(
        'info',
        `does not serve ${name}, looking again in ${this.absentRetryMs} ms`,
      );
      if (this.context.store.count(name) > 0) {
        this.context.store.clearKind(name);
        this.context.onChange();
      }
    }
    this.runners.set(name, 'absent');
    this.context.status.kindAbsent(name);
  }

  private failed(
    kind: KindDefinition,
    error: KubernetesApiError,
    name = kind.kind,
  ) {
    const { cluster, status } = this.context;
    const message =
      error.status === 403
        ? `the service account may not list ${kind.plural}: ${error.message}`
        : error.message;
    const previous = this.runners.get(name);
    const state = isClusterLevel(error) ? 'unreachable' : 'failed';
    this.runners.set(name, state);
    status.kindFailed(
      name,
      `cluster ${cluster.name}, ${kind.plural}: ${message}`,
    );
    // A discovery that once worked says nothing about the server now.
    const states = [...this.runners]
      .filter(([n, s]) => s !== 'absent' && !(this.groups.has(n) && s === 'ok'))
      .map(([, s]) => s);
    if (!this.clusterDown && states.every(s => s === 'unreachable')) {
      this.clusterDown = true;
      status.clusterFailed(
        `cluster ${cluster.name} cannot be read: ${error.message}`,
      );
      this.log('warn', `cannot be read: ${error.message}`);
    } else if (previous !== state && !this.clusterDown) {
      this.log('warn', `${kind.plural} failed: ${message}`);
    }
  }

  private asApiError(error: unknown): KubernetesApiError {
    if (error instanceof KubernetesApiError) return error;
    return new KubernetesApiError(
      (error as Error)?.message ?? String(error),
      undefined,
      'EUNKNOWN',
    );
  }

  /** Full jitter: anywhere between zero and the capped exponential delay. */
  private delay(attempt: number): number {
    const { initialMs, maxMs } = this.backoff;
    return Math.round(
      this.random() * Math.min(maxMs, initialMs * 2 ** attempt),
    );
  }

  private sleep(ms: number): Promise<void> {
    return new Promise(resolve => {
      const signal = this.controller.signal;
      if (signal.aborted) {
        resolve();
        return;
      }
      let timer: NodeJS.Timeout | undefined = undefined;
      const onAbort = () => {
        clearTimeout(timer);
        resolve();
      };
      timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private log(level: 'debug' | 'info' | 'warn' | 'error', message: string) {
    this.context.logger[level](
      `cluster ${this.context.cluster.name} ${message}`,
    );
  }
}

/**
 * Creates the source of clusters read live from their API server.
 *
 * @public
 */
export const kubernetesClusterSourceFactory: ClusterSourceFactory = context =>
  new KubernetesClusterSource(context);
