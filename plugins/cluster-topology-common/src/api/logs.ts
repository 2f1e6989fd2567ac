/**
 * Where the log lines of a pod are read: the cluster's Kubernetes API or the
 * cluster's Loki.
 *
 * @public
 */
export type PodLogSource = 'kubernetes' | 'loki';

/**
 * The query of `GET /api/cluster-topology/logs`, which answers a pod's log
 * lines as text, or as server-sent events with `follow`. Reading them needs
 * `cluster-topology.logs.read` for the cluster.
 *
 * @public
 */
export interface PodLogsQuery {
  cluster: string;
  namespace: string;
  pod: string;
  /** The container; the pod's only or default container unless given. */
  container?: string;
  /** The logs of the container's previous run, after a restart. */
  previous?: boolean;
  /** Only lines of the last so many seconds. */
  sinceSeconds?: number;
  /** Only the last so many lines. */
  tailLines?: number;
  /** Keep the answer open and stream new lines as they come. */
  follow?: boolean;
  /** RFC 3339 time: only lines at or after it. */
  start?: string;
  /** RFC 3339 time: only lines before it; needs `start`. */
  end?: string;
  /** Where to read from; the backend chooses unless given. */
  source?: PodLogSource;
}

/**
 * One log line: its RFC 3339 timestamp and its text, credentials redacted.
 *
 * @public
 */
export interface PodLogLine {
  timestamp: string;
  text: string;
}

/**
 * The log lines of a pod, oldest first, as `GET /api/cluster-topology/logs`
 * answers them without `follow`.
 *
 * @public
 */
export interface PodLogs {
  source: PodLogSource;
  /** Whether the backend cut the answer at its size bound. */
  truncated: boolean;
  lines: PodLogLine[];
}

/**
 * Why a followed log stream ended: the backend's time or size bound, or the
 * upstream closed it.
 *
 * @public
 */
export type PodLogStreamEndReason = 'duration' | 'size' | 'closed';

/** Header naming where the lines were read. @public */
export const POD_LOG_SOURCE_HEADER = 'X-Log-Source';
/** Header set to `true` when the answer was cut at its size bound. @public */
export const POD_LOG_TRUNCATED_HEADER = 'X-Log-Truncated';

// Fixed order, so that equal queries make equal URLs.
const QUERY_KEYS: Array<keyof PodLogsQuery> = [
  'cluster',
  'namespace',
  'pod',
  'container',
  'previous',
  'sinceSeconds',
  'tailLines',
  'follow',
  'start',
  'end',
  'source',
];

/**
 * The search parameters of `GET /api/cluster-topology/logs` for a query;
 * flags are sent only when true, empty strings never.
 *
 * @public
 */
export function podLogsSearchParams(query: PodLogsQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of QUERY_KEYS) {
    const value = query[key];
    if (value === undefined || value === '' || value === false) continue;
    params.set(key, String(value));
  }
  return params;
}

/**
 * One `<timestamp> <text>` line of the logs route. A line without a space
 * has an empty text: the container wrote an empty line.
 *
 * @public
 */
export function parsePodLogLine(line: string): PodLogLine {
  const space = line.indexOf(' ');
  if (space < 0) return { timestamp: line, text: '' };
  return { timestamp: line.slice(0, space), text: line.slice(space + 1) };
}

/**
 * The lines of a plain answer of the logs route, oldest first; a trailing
 * newline does not make an extra line.
 *
 * @public
 */
export function parsePodLogText(body: string): PodLogLine[] {
  if (body === '') return [];
  const rows = body.replace(/\r?\n$/, '').split(/\r?\n/);
  return rows.map(parsePodLogLine);
}

/**
 * One server-sent event of the followed logs route.
 *
 * @public
 */
export interface PodLogStreamEvent {
  /** `message` for a log line, `end` for the last event. */
  event: string;
  data: string;
}

/**
 * Splits a `text/event-stream` body, fed in chunks as they arrive, into its
 * events. Chunks may end anywhere, even inside a line; comments and fields
 * other than `event` and `data` are skipped.
 *
 * @public
 */
export class PodLogStreamParser {
  private buffer = '';
  private event = 'message';
  private data: string[] = [];

  /** The events completed by this chunk. */
  push(chunk: string): PodLogStreamEvent[] {
    this.buffer += chunk;
    const events: PodLogStreamEvent[] = [];
    let newline = this.buffer.search(/\r?\n/);
    while (newline >= 0) {
      const line = this.buffer.slice(0, newline);
      const skip = this.buffer[newline] === '\r' ? 2 : 1;
      this.buffer = this.buffer.slice(newline + skip);
      const completed = this.line(line);
      if (completed) events.push(completed);
      newline = this.buffer.search(/\r?\n/);
    }
    return events;
  }

  private line(line: string): PodLogStreamEvent | undefined {
    if (line === '') {
      if (this.data.length === 0) {
        this.event = 'message';
        return undefined;
      }
      const completed = { event: this.event, data: this.data.join('\n') };
      this.event = 'message';
      this.data = [];
      return completed;
    }
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    return undefined;
  }
}

/**
 * The plain answer of the logs route as {@link PodLogs}: its lines, and its
 * source and truncation from the headers.
 *
 * @public
 */
export async function readPodLogsResponse(response: {
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}): Promise<PodLogs> {
  return {
    source:
      response.headers.get(POD_LOG_SOURCE_HEADER) === 'loki'
        ? 'loki'
        : 'kubernetes',
    truncated: response.headers.get(POD_LOG_TRUNCATED_HEADER) === 'true',
    lines: parsePodLogText(await response.text()),
  };
}
