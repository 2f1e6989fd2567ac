import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  CustomErrorBase,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ClusterHandle,
  ClusterStateService,
  KubernetesApiClient,
  LokiClient,
  redactText,
} from '@cloud-native-platform/plugin-cloud-native-node';
import { clusterTopologyLogsReadPermission } from '@cloud-native-platform/plugin-cluster-topology-common';
import type { Request, Response } from 'express';
import { parsePodLogQuery, PodLogRequest } from './podLogQuery';
import {
  KubernetesPodLogReader,
  LokiPodLogReader,
  PodLogLine,
  PodLogReader,
} from './podLogReaders';

/**
 * Bounds of the logs GET /logs serves (`cloudNativePlatform.logs`).
 *
 * @public
 */
export interface PodLogLimits {
  /** Largest plain answer in bytes. */
  maxBytes: number;
  follow: {
    /** Seconds a followed log stays open. */
    maxSeconds: number;
    /** Bytes a followed log sends before it ends. */
    maxBytes: number;
  };
}

const MIB = 1024 * 1024;
const DEFAULT_LIMITS: PodLogLimits = {
  maxBytes: 2 * MIB,
  follow: { maxSeconds: 300, maxBytes: 5 * MIB },
};
/** How often a followed Loki log asks for new lines. */
const LOKI_POLL_MS = 2_000;
/** A comment line that keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;
const DEFAULT_CONTAINER = 'kubectl.kubernetes.io/default-container';

function positive(config: Config, key: string, fallback: number): number {
  const value = config.getOptionalNumber(key);
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(
      `cloudNativePlatform.${key} must be a whole number of at least 1, not ${value}`,
    );
  }
  return value;
}

/**
 * Reads `cloudNativePlatform.logs`; every bound has a default.
 *
 * @public
 */
export function readPodLogLimits(config: Config): PodLogLimits {
  const platform = config.getOptionalConfig('cloudNativePlatform');
  if (!platform) return DEFAULT_LIMITS;
  return {
    maxBytes: positive(platform, 'logs.maxBytes', DEFAULT_LIMITS.maxBytes),
    follow: {
      maxSeconds: positive(
        platform,
        'logs.follow.maxSeconds',
        DEFAULT_LIMITS.follow.maxSeconds,
      ),
      maxBytes: positive(
        platform,
        'logs.follow.maxBytes',
        DEFAULT_LIMITS.follow.maxBytes,
      ),
    },
  };
}

/** The log source failed or refused: answered as 502, its message redacted. */
class LogSourceError extends CustomErrorBase {
  name = 'LogSourceError';
  statusCode = 502;
}

function isAbort(error: unknown): boolean {
  return (error as Error | undefined)?.name === 'AbortError';
}

function sourceFailure(
  source: string,
  cluster: string,
  error: unknown,
): LogSourceError {
  const reason = redactText((error as Error)?.message ?? String(error));
  return new LogSourceError(
    `${
      source === 'loki' ? 'Loki' : 'the Kubernetes API'
    } of cluster ${cluster} could not answer the logs: ${reason}`,
  );
}

/** The value at a path of plain objects, or undefined where one is missing. */
function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function containerNames(pod: unknown, list: string): string[] {
  const containers = field(pod, 'spec', list);
  if (!Array.isArray(containers)) return [];
  return containers
    .map(c => field(c, 'name'))
    .filter((name): name is string => typeof name === 'string');
}

/** One SSE event per line; a line holds no newline, a stray CR is dropped. */
function sseLine(line: PodLogLine): string {
  const text = redactText(line.text).replace(/\r/g, '');
  return `data: ${line.timestamp} ${text}\n\n`;
}

function plainLine(line: PodLogLine): string {
  return `${line.timestamp} ${redactText(line.text)}\n`;
}

/**
 * Options of {@link PodLogsRoute}.
 */
export interface PodLogsRouteOptions {
  clusterState: ClusterStateService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  limits?: PodLogLimits;
}

/**
 * GET /logs: a pod's log lines from the cluster's Kubernetes API or its
 * Loki, as text or followed as server-sent events, every line redacted.
 */
export class PodLogsRoute {
  private readonly limits: PodLogLimits;
  private readonly readers = new Map<string, PodLogReader>();

  constructor(private readonly options: PodLogsRouteOptions) {
    this.limits = options.limits ?? DEFAULT_LIMITS;
  }

  async handle(req: Request, res: Response): Promise<void> {
    const query = parsePodLogQuery(req.query);
    const { clusterState, httpAuth, permissions } = this.options;
    const cluster = clusterState.cluster(query.cluster);
    if (!cluster) {
      throw new NotFoundError(
        `no cluster named ${query.cluster}; clusters are ${clusterState
          .clusters()
          .map(c => c.definition.name)
          .join(', ')}`,
      );
    }
    const [decision] = await permissions.authorize(
      [
        {
          permission: clusterTopologyLogsReadPermission,
          resourceRef: cluster.definition.name,
        },
      ],
      { credentials: await httpAuth.credentials(req) },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `reading logs of cluster ${cluster.definition.name} needs the ${clusterTopologyLogsReadPermission.name} permission`,
      );
    }
    const read = this.resolveContainer(cluster, query);
    const reader = this.readerFor(cluster, query);
    if (read.previous && reader.source === 'loki') {
      throw new InputError(
        `query parameter previous: Loki keeps no previous run apart; cluster ${cluster.definition.name} serves these logs from Loki (ask with start and end instead)`,
      );
    }
    const controller = new AbortController();
    res.on('close', () => controller.abort());
    if (read.follow) {
      await this.follow(cluster.definition.name, reader, read, res, controller);
    } else {
      await this.plain(cluster.definition.name, reader, read, res, controller);
    }
  }

  private resolveContainer(
    cluster: ClusterHandle,
    query: PodLogRequest,
  ): PodLogRequest {
    const name = cluster.definition.name;
    const pod = cluster.store.get('Pod', query.namespace, query.pod);
    if (!pod) {
      throw new NotFoundError(
        `cluster ${name} has no pod ${query.namespace}/${query.pod}`,
      );
    }
    const containers = containerNames(pod, 'containers');
    const all = [
      ...containers,
      ...containerNames(pod, 'initContainers'),
      ...containerNames(pod, 'ephemeralContainers'),
    ];
    if (query.container !== undefined) {
      if (!all.includes(query.container)) {
        throw new InputError(
          `query parameter container: pod ${query.namespace}/${
            query.pod
          } has no container ${query.container}; its containers are ${
            all.join(', ') || 'not listed'
          }`,
        );
      }
      return query;
    }
    const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER];
    const container =
      annotated && all.includes(annotated) ? annotated : containers[0];
    return { ...query, container };
  }

  private readerFor(
    cluster: ClusterHandle,
    query: PodLogRequest,
  ): PodLogReader {
    const { definition } = cluster;
    const live = definition.source.type === 'kubernetes';
    let source = query.source;
    if (!source) {
      if (definition.loki && (!live || query.start)) source = 'loki';
      else if (live) source = 'kubernetes';
      else {
        throw new InputError(
          `cluster '${definition.name}' reads manifests and declares no loki.url: its logs cannot be read`,
        );
      }
    }
    if (source === 'loki' && !definition.loki) {
      throw new InputError(
        `query parameter source: cluster '${definition.name}' declares no loki.url`,
      );
    }
    if (source === 'kubernetes' && !live) {
      throw new InputError(
        `query parameter source: cluster '${
          definition.name
        }' reads manifests, not a Kubernetes API${
          definition.loki ? '; its logs come from Loki' : ''
        }`,
      );
    }
    const key = `${definition.name}/${source}`;
    let reader = this.readers.get(key);
    if (!reader) {
      if (source === 'loki') {
        reader = new LokiPodLogReader(
          new LokiClient({ url: definition.loki!.url }),
          { pollMs: LOKI_POLL_MS },
        );
      } else if (definition.source.type === 'kubernetes') {
        reader = new KubernetesPodLogReader(
          new KubernetesApiClient(definition.source),
        );
      }
      this.readers.set(key, reader!);
    }
    return reader!;
  }

  private async plain(
    cluster: string,
    reader: PodLogReader,
    read: PodLogRequest,
    res: Response,
    controller: AbortController,
  ) {
    const { maxBytes } = this.limits;
    let result;
    try {
      result = await reader.read(read, maxBytes, controller.signal);
    } catch (error) {
      if (isAbort(error) && controller.signal.aborted) return;
      throw sourceFailure(reader.source, cluster, error);
    }
    let truncated = result.cut;
    const parts: string[] = [];
    let bytes = 0;
    for (const line of result.lines) {
      const part = plainLine(line);
      const size = Buffer.byteLength(part);
      if (bytes + size > maxBytes) {
        truncated = true;
        break;
      }
      parts.push(part);
      bytes += size;
    }
    res.status(200);
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.setHeader('X-Log-Source', reader.source);
    if (truncated) res.setHeader('X-Log-Truncated', 'true');
    res.send(parts.join(''));
  }

  private async follow(
    cluster: string,
    reader: PodLogReader,
    read: PodLogRequest,
    res: Response,
    controller: AbortController,
  ) {
    const { maxSeconds, maxBytes } = this.limits.follow;
    let opened = false;
    let ended = false;
    let bytes = 0;
    let duration: NodeJS.Timeout | undefined;
    let heartbeat: NodeJS.Timeout | undefined;
    const stop = () => {
      ended = true;
      clearTimeout(duration);
      clearInterval(heartbeat);
      controller.abort();
    };
    const end = (reason: 'duration' | 'size' | 'closed', message?: string) => {
      if (ended) return;
      stop();
      res.write(`event: end\ndata: ${JSON.stringify({ reason, message })}\n\n`);
      res.end();
    };
    res.on('close', stop);
    try {
      await reader.follow(read, controller.signal, {
        onOpen: () => {
          opened = true;
          res.writeHead(200, {
            'Content-Type': 'text/event-stream; charset=utf-8',
            // no-transform also keeps compression from buffering events.
            'Cache-Control': 'no-cache, no-transform',
            Connection: 'keep-alive',
            'X-Accel-Buffering': 'no',
            'X-Log-Source': reader.source,
          });
          res.flushHeaders();
          duration = setTimeout(() => end('duration'), maxSeconds * 1000);
          heartbeat = setInterval(() => res.write(': alive\n\n'), HEARTBEAT_MS);
        },
        onLines: lines => {
          for (const line of lines) {
            if (ended) return;
            const event = sseLine(line);
            const size = Buffer.byteLength(event);
            if (bytes + size > maxBytes) {
              end('size');
              return;
            }
            bytes += size;
            res.write(event);
          }
        },
      });
      end('closed');
    } catch (error) {
      if (ended) return;
      if (!opened) {
        stop();
        if (isAbort(error)) return;
        throw sourceFailure(reader.source, cluster, error);
      }
      end('closed', sourceFailure(reader.source, cluster, error).message);
    }
  }
}
