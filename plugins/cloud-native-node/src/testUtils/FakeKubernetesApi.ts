import http, { IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { KubeObject } from '../state/KubeObject';
import { DEFAULT_KINDS } from '../state/kinds';

/**
 * A resource the fake serves.
 *
 * @public
 */
export interface FakeResource {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}

/**
 * Setup of {@link FakeKubernetesApi}.
 *
 * @public
 */
export interface FakeKubernetesApiOptions {
  /** Initial objects per cluster; each cluster is served under `/clusters/<name>`. */
  clusters?: Record<string, KubeObject[]>;
  /** Resources every cluster serves; defaults to the non-optional default kinds. */
  resources?: FakeResource[];
  /** Delay before answering each request. */
  latencyMs?: number;
  /** Largest page a LIST returns whatever its limit, to exercise pagination. */
  maxPageSize?: number;
  /** Port to listen on; a free one when unset. */
  port?: number;
  /** When set, requests without `Authorization: Bearer <token>` get 401. */
  token?: string;
  /**
   * Sends every watch that asks for bookmarks a BOOKMARK this often, as the
   * API server does (once a minute); off when unset.
   */
  bookmarkEveryMs?: number;
}

/**
 * One request the fake received.
 *
 * @public
 */
export interface RecordedRequest {
  cluster: string;
  verb: 'list' | 'watch' | 'discovery' | 'log' | 'other';
  path: string;
  /** Plural of the resource, such as 'pods'. */
  resource?: string;
  query: Record<string, string>;
  status: number;
}

/** The BOOKMARK event of a resource at a resourceVersion. */
function bookmarkEvent(r: FakeResource, rv: number) {
  return {
    type: 'BOOKMARK',
    object: {
      apiVersion: r.group ? `${r.group}/${r.version}` : r.version,
      kind: r.kind,
      metadata: { resourceVersion: String(rv) },
    },
  };
}

interface Watch {
  key: string;
  plural: string;
  res: ServerResponse;
  bookmarks: boolean;
  /** Half-open: the connection stays, nothing reaches it any more. */
  dead?: boolean;
}

interface StoredEvent {
  rv: number;
  key: string;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
}

const MAX_HISTORY = 10_000;
const logText = (line: FakeLogLine, timestamps: boolean) =>
  `${timestamps ? `${line.time} ` : ''}${line.text}\n`;
const keyOf = (group: string, version: string, plural: string) =>
  `${group}/${version}/${plural}`;
const nameOf = (o: KubeObject) =>
  `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
const status = (code: number, reason: string, message: string) => ({
  kind: 'Status',
  apiVersion: 'v1',
  status: 'Failure',
  code,
  reason,
  message,
});

/**
 * One line of a container's log as the fake stores it.
 *
 * @public
 */
export interface FakeLogLine {
  /** RFC 3339 timestamp, as the kubelet writes it with `timestamps=true`. */
  time: string;
  text: string;
}

interface ContainerLog {
  lines: FakeLogLine[];
  follows: Set<{ res: ServerResponse; timestamps: boolean }>;
}

const logKey = (
  namespace: string,
  pod: string,
  container: string,
  previous = false,
) => `${namespace}/${pod}/${container}${previous ? '#previous' : ''}`;

class FakeCluster {
  rv = 1;
  compactedRv = 0;
  goneAs: 'status' | 'event' = 'event';
  readonly resources = new Map<string, FakeResource>();
  readonly objects = new Map<string, Map<string, KubeObject>>();
  readonly history: StoredEvent[] = [];
  readonly watches = new Set<Watch>();
  readonly forbidden = new Set<string>();
  readonly silent = new Set<string>();
  readonly snapshots = new Map<string, { rv: number; items: KubeObject[] }>();
  readonly logs = new Map<string, ContainerLog>();

  constructor(resources: FakeResource[]) {
    resources.forEach(r => this.install(r));
  }

  install(resource: FakeResource) {
    const key = keyOf(resource.group, resource.version, resource.plural);
    this.resources.set(key, resource);
    if (!this.objects.has(key)) this.objects.set(key, new Map());
  }

  keyFor(object: Pick<KubeObject, 'apiVersion' | 'kind'>): string {
    for (const [key, r] of this.resources) {
      const apiVersion = r.group ? `${r.group}/${r.version}` : r.version;
      if (apiVersion === object.apiVersion && r.kind === object.kind)
        return key;
    }
    throw new Error(
      `fake cluster does not serve ${object.apiVersion} ${object.kind}`,
    );
  }

  record(type: StoredEvent['type'], key: string, object: KubeObject) {
    const event = { rv: this.rv, key, type, object };
    this.history.push(event);
    // Bounded like etcd's compaction, so long benchmarks do not grow it.
    if (this.history.length > MAX_HISTORY) {
      this.compactedRv = this.history.shift()!.rv;
    }
    for (const watch of this.watches) {
      if (watch.key === key) this.send(watch, { type, object });
    }
  }

  send(watch: Watch, event: { type: string; object: unknown }) {
    if (watch.dead || this.silent.has(watch.plural)) return;
    watch.res.write(`${JSON.stringify(event)}\n`);
  }
}

/**
 * A real HTTP server speaking enough of the Kubernetes API for the live
 * source: paginated LISTs, chunked WATCH streams with bookmarks, 410 Gone,
 * discovery, the pod log endpoint (plain and followed), and the faults
 * tests and benchmarks need to provoke.
 *
 * @public
 */
export class FakeKubernetesApi {
  readonly requests: RecordedRequest[] = [];
  private readonly clusters = new Map<string, FakeCluster>();
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private nextSnapshot = 1;

  private constructor(
    private readonly server: http.Server,
    private readonly options: FakeKubernetesApiOptions,
  ) {}

  /** Starts a server on 127.0.0.1 on a free port. */
  static async start(options: FakeKubernetesApiOptions = {}) {
    const server = http.createServer();
    const api = new FakeKubernetesApi(server, options);
    for (const [name, objects] of Object.entries(
      options.clusters ?? { test: [] },
    )) {
      api.addCluster(name, objects);
    }
    server.on('connection', socket => {
      api.sockets.add(socket);
      socket.on('close', () => api.sockets.delete(socket));
    });
    server.on('request', (req, res) => api.delay(() => api.handle(req, res)));
    await new Promise<void>(resolve =>
      server.listen(options.port ?? 0, '127.0.0.1', resolve),
    );
    return api;
  }

  addCluster(name: string, objects: KubeObject[] = []) {
    const resources =
      this.options.resources ??
      DEFAULT_KINDS.filter(k => !k.optional && k.kind !== '*');
    this.clusters.set(name, new FakeCluster(resources));
    objects.forEach(o => this.apply(name, o));
  }

  /** Base URL of a cluster, for a cluster definition's `source.url`. */
  url(cluster = 'test'): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/clusters/${cluster}`;
  }

  /** Creates or updates an object and streams ADDED or MODIFIED. */
  apply(cluster: string, input: KubeObject): KubeObject {
    const c = this.cluster(cluster);
    const key = c.keyFor(input);
    const existing = c.objects.get(key)!.get(nameOf(input));
    c.rv++;
    const object = {
      ...input,
      metadata: {
        uid: existing?.metadata.uid ?? `uid-${cluster}-${key}-${nameOf(input)}`,
        ...input.metadata,
        resourceVersion: String(c.rv),
      },
    };
    c.objects.get(key)!.set(nameOf(object), object);
    c.record(existing ? 'MODIFIED' : 'ADDED', key, object);
    return object;
  }

  /** Deletes an object and streams DELETED. */
  remove(
    cluster: string,
    ref: Pick<KubeObject, 'apiVersion' | 'kind' | 'metadata'>,
  ) {
    const c = this.cluster(cluster);
    const key = c.keyFor(ref);
    const existing = c.objects.get(key)!.get(nameOf(ref as KubeObject));
    if (!existing) return;
    c.objects.get(key)!.delete(nameOf(existing));
    c.rv++;
    c.record('DELETED', key, {
      ...existing,
      metadata: { ...existing.metadata, resourceVersion: String(c.rv) },
    });
  }

  /** Sends a BOOKMARK carrying the current resourceVersion to every watch asking for them. */
  bookmark(cluster: string): string {
    const c = this.cluster(cluster);
    for (const watch of c.watches) {
      if (!watch.bookmarks) continue;
      c.send(watch, bookmarkEvent(c.resources.get(watch.key)!, c.rv));
    }
    return String(c.rv);
  }

  /** Forgets history: watches from any resourceVersion issued so far get 410. */
  compact(cluster: string, goneAs: 'status' | 'event' = 'event') {
    const c = this.cluster(cluster);
    c.rv++;
    c.compactedRv = c.rv - 1;
    c.goneAs = goneAs;
    c.history.length = 0;
  }

  /** Cuts the connections of the open watches, mid-stream. */
  dropWatches(cluster: string, plural?: string) {
    for (const watch of this.cluster(cluster).watches) {
      if (!plural || watch.plural === plural) {
        this.cluster(cluster).watches.delete(watch);
        watch.res.socket?.destroy();
      }
    }
  }

  /** Ends the open watches cleanly, as the server does when `timeoutSeconds` is up. */
  endWatches(cluster: string, plural?: string) {
    for (const watch of this.cluster(cluster).watches) {
      if (!plural || watch.plural === plural) {
        this.cluster(cluster).watches.delete(watch);
        watch.res.end();
      }
    }
  }

  /** Keeps watches of a resource open but sends them nothing, like a half-open connection. */
  setSilent(cluster: string, plural: string, silent: boolean) {
    const c = this.cluster(cluster);
    if (silent) c.silent.add(plural);
    else c.silent.delete(plural);
  }

  /**
   * Turns the open watches of a resource half-open, as when a connection
   * dies without a FIN: they stay open and get nothing more, bookmarks
   * included; watches opened afterwards are served as usual.
   */
  halfOpen(cluster: string, plural: string) {
    for (const watch of this.cluster(cluster).watches) {
      if (watch.plural === plural) watch.dead = true;
    }
  }

  /** Answers 403 to every request for a resource. */
  forbid(cluster: string, plural: string) {
    this.cluster(cluster).forbidden.add(plural);
  }

  /** Serves a resource from now on, as when a CRD is installed. */
  install(cluster: string, resource: FakeResource) {
    this.cluster(cluster).install(resource);
  }

  /**
   * Sets the log of a pod's container (or of its previous run), served by
   * the pod log endpoint.
   */
  setPodLog(
    cluster: string,
    ref: { namespace: string; pod: string; container: string },
    lines: FakeLogLine[],
    options: { previous?: boolean } = {},
  ) {
    const c = this.cluster(cluster);
    const key = logKey(ref.namespace, ref.pod, ref.container, options.previous);
    const log = c.logs.get(key) ?? { lines: [], follows: new Set() };
    log.lines = [...lines];
    c.logs.set(key, log);
  }

  /** Appends lines to a container's log and streams them to its followers. */
  appendPodLog(
    cluster: string,
    ref: { namespace: string; pod: string; container: string },
    lines: FakeLogLine[],
  ) {
    const c = this.cluster(cluster);
    const key = logKey(ref.namespace, ref.pod, ref.container);
    const log = c.logs.get(key) ?? { lines: [], follows: new Set() };
    c.logs.set(key, log);
    log.lines.push(...lines);
    for (const follow of log.follows) {
      follow.res.write(lines.map(l => logText(l, follow.timestamps)).join(''));
    }
  }

  /** Ends the followed logs of a container, as when it stops. */
  endPodLogFollows(
    cluster: string,
    ref: { namespace: string; pod: string; container: string },
  ) {
    const log = this.cluster(cluster).logs.get(
      logKey(ref.namespace, ref.pod, ref.container),
    );
    for (const follow of log?.follows ?? []) follow.res.end();
    log?.follows.clear();
  }

  /** Followed logs still open in a cluster. */
  openLogFollows(cluster: string): number {
    let count = 0;
    for (const log of this.cluster(cluster).logs.values()) {
      count += log.follows.size;
    }
    return count;
  }

  /** Requests matching a filter, such as every pods watch of a cluster. */
  requestsOf(
    cluster: string,
    verb: RecordedRequest['verb'],
    resource?: string,
  ) {
    return this.requests.filter(
      r =>
        r.cluster === cluster &&
        r.verb === verb &&
        (resource === undefined || r.resource === resource),
    );
  }

  openWatches(cluster: string, plural?: string): number {
    return [...this.cluster(cluster).watches].filter(
      w => !plural || w.plural === plural,
    ).length;
  }

  openConnections(): number {
    return this.sockets.size;
  }

  async close() {
    this.timers.forEach(clearTimeout);
    this.timers.clear();
    this.server.closeAllConnections();
    await new Promise(resolve => this.server.close(resolve));
  }

  private cluster(name: string): FakeCluster {
    const cluster = this.clusters.get(name);
    if (!cluster) throw new Error(`no fake cluster ${name}`);
    return cluster;
  }

  private delay(fn: () => void, ms = this.options.latencyMs ?? 0) {
    if (ms <= 0) {
      fn();
      return undefined;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
    return timer;
  }

  private handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake');
    const query = Object.fromEntries(url.searchParams);
    const match = /^\/clusters\/([^/]+)(\/.*)$/.exec(url.pathname);
    const entry: RecordedRequest = {
      cluster: match?.[1] ?? '',
      verb: 'other',
      path: match?.[2] ?? url.pathname,
      query,
      status: 200,
    };
    this.requests.push(entry);
    const reply = (code: number, body: unknown) => {
      entry.status = code;
      res.writeHead(code, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const c = match && this.clusters.get(match[1]);
    if (!c) return reply(404, status(404, 'NotFound', 'no such cluster'));
    if (
      this.options.token &&
      req.headers.authorization !== `Bearer ${this.options.token}`
    ) {
      return reply(401, status(401, 'Unauthorized', 'Unauthorized'));
    }
    const parts = entry.path.split('/').filter(Boolean);
    const logMatch =
      /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/log$/.exec(entry.path);
    if (logMatch) {
      entry.verb = 'log';
      entry.resource = 'pods/log';
      return void this.podLog(
        c,
        decodeURIComponent(logMatch[1]),
        decodeURIComponent(logMatch[2]),
        query,
        entry,
        res,
      );
    }
    const [group, version, plural] =
      parts[0] === 'api'
        ? ['', parts[1], parts[2]]
        : [parts[1], parts[2], parts[3]];
    if (!plural || parts.length > (parts[0] === 'api' ? 3 : 4)) {
      entry.verb = 'discovery';
      const resources = [...c.resources.values()].filter(
        r => r.group === group && r.version === version,
      );
      if (resources.length === 0) {
        return reply(
          404,
          status(
            404,
            'NotFound',
            'the server could not find the requested resource',
          ),
        );
      }
      return reply(200, {
        kind: 'APIResourceList',
        groupVersion: group ? `${group}/${version}` : version,
        resources: resources.flatMap(r => [
          {
            name: r.plural,
            kind: r.kind,
            namespaced: r.namespaced,
            verbs: ['list', 'watch'],
          },
          {
            name: `${r.plural}/status`,
            kind: r.kind,
            namespaced: r.namespaced,
            verbs: ['get'],
          },
        ]),
      });
    }
    entry.resource = plural;
    entry.verb =
      query.watch === '1' || query.watch === 'true' ? 'watch' : 'list';
    const key = keyOf(group, version, plural);
    if (!c.resources.has(key)) {
      return reply(
        404,
        status(
          404,
          'NotFound',
          'the server could not find the requested resource',
        ),
      );
    }
    if (c.forbidden.has(plural)) {
      return reply(
        403,
        status(
          403,
          'Forbidden',
          `${plural} is forbidden: User "system:serviceaccount:test:reader" cannot list resource "${plural}" at the cluster scope`,
        ),
      );
    }
    if (entry.verb === 'list') return this.list(c, key, query, reply);
    return this.watch(c, key, plural, query, entry, res);
  }

  /** The pod log endpoint: the kubelet's text, bounded and filtered as asked. */
  private podLog(
    c: FakeCluster,
    namespace: string,
    pod: string,
    query: Record<string, string>,
    entry: RecordedRequest,
    res: ServerResponse,
  ) {
    const reply = (code: number, message: string) => {
      entry.status = code;
      res.writeHead(code, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify(
          status(code, code === 404 ? 'NotFound' : 'BadRequest', message),
        ),
      );
    };
    const prefix = `${namespace}/${pod}/`;
    const containers = [...c.logs.keys()]
      .filter(k => k.startsWith(prefix) && !k.endsWith('#previous'))
      .map(k => k.slice(prefix.length));
    if (containers.length === 0) {
      reply(404, `pods "${pod}" not found`);
      return;
    }
    let container = query.container;
    if (!container) {
      if (containers.length > 1) {
        reply(
          400,
          `a container name must be specified for pod ${pod}, choose one of: [${containers.join(
            ' ',
          )}]`,
        );
        return;
      }
      container = containers[0];
    }
    const previous = query.previous === 'true';
    const log = c.logs.get(logKey(namespace, pod, container, previous));
    if (!log) {
      reply(
        previous ? 400 : 404,
        previous
          ? `previous terminated container "${container}" in pod "${pod}" not found`
          : `container ${container} is not valid for pod ${pod}`,
      );
      return;
    }
    let lines = log.lines;
    let since: number | undefined;
    if (query.sinceSeconds) {
      since = Date.now() - Number(query.sinceSeconds) * 1000;
    } else if (query.sinceTime) since = Date.parse(query.sinceTime);
    if (since !== undefined) {
      lines = lines.filter(l => Date.parse(l.time) >= since);
    }
    if (query.tailLines) lines = lines.slice(-Number(query.tailLines));
    const timestamps = query.timestamps === 'true';
    let text = lines.map(l => logText(l, timestamps)).join('');
    if (query.limitBytes) {
      text = Buffer.from(text)
        .subarray(0, Number(query.limitBytes))
        .toString('utf8');
    }
    entry.status = 200;
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    if (query.follow !== 'true') {
      res.end(text);
      return;
    }
    res.flushHeaders();
    if (text) res.write(text);
    const follow = { res, timestamps };
    log.follows.add(follow);
    res.on('close', () => log.follows.delete(follow));
  }

  private list(
    c: FakeCluster,
    key: string,
    query: Record<string, string>,
    reply: (code: number, body: unknown) => void,
  ) {
    let snapshot: { rv: number; items: KubeObject[] } | undefined;
    let id: string;
    let offset = 0;
    if (query.continue) {
      const [tokenId, tokenOffset] = query.continue.split(':');
      snapshot = c.snapshots.get(tokenId);
      if (!snapshot)
        return reply(410, status(410, 'Expired', 'continue token expired'));
      id = tokenId;
      offset = Number(tokenOffset);
    } else {
      id = String(this.nextSnapshot++);
      snapshot = {
        rv: c.rv,
        items: [...c.objects.get(key)!.values()].sort((a, b) =>
          nameOf(a).localeCompare(nameOf(b)),
        ),
      };
    }
    const limit = Math.min(
      Number(query.limit) || Infinity,
      this.options.maxPageSize ?? Infinity,
    );
    const items = snapshot.items.slice(offset, offset + limit);
    const more = offset + items.length < snapshot.items.length;
    if (more) c.snapshots.set(id, snapshot);
    else c.snapshots.delete(id);
    return reply(200, {
      kind: 'List',
      apiVersion: 'v1',
      metadata: {
        resourceVersion: String(snapshot.rv),
        ...(more ? { continue: `${id}:${offset + items.length}` } : {}),
      },
      // Like the real API: items of a LIST carry neither apiVersion nor kind.
      items: items.map(({ apiVersion: _a, kind: _k, ...rest }) => rest),
    });
  }

  private watch(
    c: FakeCluster,
    key: string,
    plural: string,
    query: Record<string, string>,
    entry: RecordedRequest,
    res: ServerResponse,
  ) {
    const from = query.resourceVersion ? Number(query.resourceVersion) : c.rv;
    const gone = from <= c.compactedRv;
    if (gone && c.goneAs === 'status') {
      entry.status = 410;
      res.writeHead(410, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify(
          status(410, 'Expired', `too old resource version: ${from} (${c.rv})`),
        ),
      );
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.flushHeaders();
    if (gone) {
      res.end(
        `${JSON.stringify({
          type: 'ERROR',
          object: status(
            410,
            'Expired',
            `too old resource version: ${from} (${c.rv})`,
          ),
        })}\n`,
      );
      return;
    }
    const watch: Watch = {
      key,
      plural,
      res,
      bookmarks: query.allowWatchBookmarks === 'true',
    };
    c.watches.add(watch);
    for (const event of c.history) {
      if (event.key === key && event.rv > from) {
        c.send(watch, { type: event.type, object: event.object });
      }
    }
    const timeout = query.timeoutSeconds
      ? this.delay(() => res.end(), Number(query.timeoutSeconds) * 1000)
      : undefined;
    const every = this.options.bookmarkEveryMs;
    const bookmarks =
      every && watch.bookmarks
        ? setInterval(
            () => c.send(watch, bookmarkEvent(c.resources.get(key)!, c.rv)),
            every,
          )
        : undefined;
    res.on('close', () => {
      c.watches.delete(watch);
      clearInterval(bookmarks);
      if (timeout) {
        clearTimeout(timeout);
        this.timers.delete(timeout);
      }
    });
  }
}
