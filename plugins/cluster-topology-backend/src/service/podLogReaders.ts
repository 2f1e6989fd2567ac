import {
  KubernetesApiClient,
  LokiClient,
  LokiLogEntry,
  logqlString,
  nanosToRfc3339,
  PodLogOptions,
  rfc3339ToNanos,
} from '@cloud-native-platform/plugin-cloud-native-node';
import { PodLogRequest } from './podLogQuery';

/** One log line: its RFC 3339 timestamp and its text, unredacted. */
export interface PodLogLine {
  timestamp: string;
  text: string;
}

/** What a log read asks of a reader: the checked query, with the container resolved. */
export type PodLogRead = PodLogRequest;

/** Reads pod logs from one place: a cluster's Kubernetes API or its Loki. */
export interface PodLogReader {
  readonly source: 'kubernetes' | 'loki';
  /** Lines oldest first; reading stops a little past `maxBytes` of them. */
  read(
    request: PodLogRead,
    maxBytes: number,
    signal: AbortSignal,
  ): Promise<{ lines: PodLogLine[]; cut: boolean }>;
  /**
   * Follows the log: `onOpen` once the source answered, then `onLines` as
   * lines come. Resolves when the source ends the log, rejects with
   * `AbortError` when `signal` aborts.
   */
  follow(
    request: PodLogRead,
    signal: AbortSignal,
    handlers: { onOpen(): void; onLines(lines: PodLogLine[]): void },
  ): Promise<void>;
}

/** Splits a line of the pod log endpoint (`timestamps=true`) into its parts. */
function kubernetesLine(line: string): PodLogLine & { nanos?: bigint } {
  const space = line.indexOf(' ');
  const timestamp = space > 0 ? line.slice(0, space) : line;
  const nanos = rfc3339ToNanos(timestamp);
  if (nanos === undefined) return { timestamp: '', text: line };
  return { timestamp, text: line.slice(space + 1).replace(/\r$/, ''), nanos };
}

/** Reads logs from the pod log endpoint of a live cluster. */
export class KubernetesPodLogReader implements PodLogReader {
  readonly source = 'kubernetes';

  constructor(private readonly client: KubernetesApiClient) {}

  async read(request: PodLogRead, maxBytes: number, signal: AbortSignal) {
    // One byte more than the bound tells a log that fits from one that was cut.
    const text = await this.client.getPodLog(
      request.namespace,
      request.pod,
      { ...this.options(request), limitBytes: maxBytes + 1 },
      signal,
    );
    const cut = Buffer.byteLength(text) > maxBytes;
    const raw = text.split('\n');
    // A cut answer ends inside a line.
    if (cut) raw.pop();
    return { lines: this.keep(request, raw), cut };
  }

  async follow(
    request: PodLogRead,
    signal: AbortSignal,
    handlers: { onOpen(): void; onLines(lines: PodLogLine[]): void },
  ) {
    await this.client.followPodLog(
      request.namespace,
      request.pod,
      this.options(request),
      {
        signal,
        onOpen: handlers.onOpen,
        onLines: lines => {
          const kept = this.keep(request, lines);
          if (kept.length > 0) handlers.onLines(kept);
        },
      },
    );
  }

  private options(request: PodLogRead): PodLogOptions {
    return {
      container: request.container,
      previous: request.previous,
      sinceSeconds: request.sinceSeconds,
      // The endpoint reads whole seconds; `keep` drops the lines before start.
      sinceTime: request.start
        ? nanosToRfc3339(request.start.nanos).replace(/\.\d+Z$/, 'Z')
        : undefined,
      tailLines: request.tailLines,
    };
  }

  /** The endpoint knows no end and whole seconds only: the window is cut here. */
  private keep(request: PodLogRead, raw: string[]): PodLogLine[] {
    const out: PodLogLine[] = [];
    for (const line of raw) {
      if (line === '') continue;
      const { timestamp, text, nanos } = kubernetesLine(line);
      if (nanos !== undefined) {
        if (request.start && nanos < request.start.nanos) continue;
        if (request.end && nanos >= request.end.nanos) continue;
      }
      out.push({ timestamp, text });
    }
    return out;
  }
}

/**
 * Where a followed Loki log stands. Loki's start is inclusive, so the lines
 * of the last timestamp sent are remembered and not sent again.
 */
class LokiCursor {
  last: bigint | undefined;
  private seenAtLast = new Set<string>();

  /** The entries not sent yet, oldest first; moves the cursor past them. */
  take(entries: LokiLogEntry[]): LokiLogEntry[] {
    const fresh = entries.filter(e => this.isNew(e));
    if (fresh.length === 0) return fresh;
    const newest = fresh[fresh.length - 1].timestampNanos;
    if (newest !== this.last) this.seenAtLast = new Set();
    this.last = newest;
    for (const e of fresh) {
      if (e.timestampNanos === newest) this.seenAtLast.add(e.line);
    }
    return fresh;
  }

  private isNew(entry: LokiLogEntry): boolean {
    if (this.last === undefined || entry.timestampNanos > this.last) {
      return true;
    }
    return (
      entry.timestampNanos === this.last && !this.seenAtLast.has(entry.line)
    );
  }
}

/** The window Loki reads when a query gives no start: Loki's own default. */
const LOKI_DEFAULT_LOOKBACK_NS = 3_600n * 1_000_000_000n;
/** Lines Loki answers when a query gives no tail. */
const LOKI_DEFAULT_LIMIT = 1000;

/** Reads logs from a cluster's Loki, by `query_range`. */
export class LokiPodLogReader implements PodLogReader {
  readonly source = 'loki';

  constructor(
    private readonly client: LokiClient,
    private readonly options: {
      pollMs: number;
      now?: () => bigint;
    },
  ) {}

  async read(request: PodLogRead, _maxBytes: number, signal: AbortSignal) {
    const entries = await this.client.queryRange(
      {
        query: this.selector(request),
        ...this.window(request),
        limit: request.tailLines ?? LOKI_DEFAULT_LIMIT,
        direction: 'backward',
      },
      signal,
    );
    return {
      lines: entries.map(e => ({
        timestamp: nanosToRfc3339(e.timestampNanos),
        text: e.line,
      })),
      cut: false,
    };
  }

  async follow(
    request: PodLogRead,
    signal: AbortSignal,
    handlers: { onOpen(): void; onLines(lines: PodLogLine[]): void },
  ) {
    const query = this.selector(request);
    let entries = await this.client.queryRange(
      {
        query,
        ...this.window(request),
        limit: request.tailLines ?? LOKI_DEFAULT_LIMIT,
        direction: 'backward',
      },
      signal,
    );
    handlers.onOpen();
    const cursor = new LokiCursor();
    for (;;) {
      const fresh = cursor.take(entries);
      if (fresh.length > 0) {
        handlers.onLines(
          fresh.map(e => ({
            timestamp: nanosToRfc3339(e.timestampNanos),
            text: e.line,
          })),
        );
      }
      await sleep(this.options.pollMs, signal);
      const now = this.now();
      entries = await this.client.queryRange(
        {
          query,
          start: cursor.last ?? this.window(request).start,
          end: now + 1n,
          limit: LOKI_DEFAULT_LIMIT,
          direction: 'forward',
        },
        signal,
      );
    }
  }

  private now(): bigint {
    return this.options.now?.() ?? BigInt(Date.now()) * 1_000_000n;
  }

  private selector(request: PodLogRead): string {
    const labels = [
      `namespace=${logqlString(request.namespace)}`,
      `pod=${logqlString(request.pod)}`,
    ];
    if (request.container) {
      labels.push(`container=${logqlString(request.container)}`);
    }
    return `{${labels.join(', ')}}`;
  }

  private window(request: PodLogRead): { start: bigint; end: bigint } {
    const now = this.now();
    const end = request.end?.nanos ?? now + 1n;
    let start = end - LOKI_DEFAULT_LOOKBACK_NS;
    if (request.start) start = request.start.nanos;
    else if (request.sinceSeconds !== undefined) {
      start = now - BigInt(request.sinceSeconds) * 1_000_000_000n;
    }
    return { start, end };
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(signal.reason);
    }
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
