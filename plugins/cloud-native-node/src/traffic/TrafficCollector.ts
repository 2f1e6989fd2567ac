import { LoggerService } from '@backstage/backend-plugin-api';
import {
  TopologyEdge,
  TopologyGraph,
  TopologyTraffic,
} from '@cloud-native-platform/plugin-cloud-native-common';
import {
  PrometheusClient,
  PrometheusSeries,
} from '../prometheus/PrometheusClient';
import { ClusterHandle } from '../state/ClusterStateService';
import {
  istioWorkloadIdResolver,
  TrafficEndpoint,
  TrafficNodeIdOf,
} from './resolveIstioWorkload';
import { TrafficQueries, trafficQueries } from './trafficQueries';

/**
 * Traffic measured between two workloads over a window.
 *
 * @public
 */
export interface TrafficEdge {
  source: TrafficEndpoint;
  destination: TrafficEndpoint;
  traffic: TopologyTraffic;
}

/**
 * Every edge with traffic in a window, across the clusters that have a
 * Prometheus.
 *
 * @public
 */
export interface TrafficSnapshot {
  edges: TrafficEdge[];
  /** One entry per cluster whose Prometheus could not answer; those clusters contribute no edges. */
  errors: Array<{ cluster: string; error: string }>;
  /** The instant the queries were evaluated at, ISO 8601. */
  measuredAt: string;
}

/**
 * What the collector reads of a cluster.
 *
 * @public
 */
export type TrafficCluster = Pick<ClusterHandle, 'definition' | 'prometheus'>;

/**
 * Options of {@link TrafficCollector}.
 *
 * @public
 */
export interface TrafficCollectorOptions {
  /** The clusters, read on every measurement so added ones are picked up; usually `clusterState.clusters`. */
  clusters: () => ReadonlyArray<TrafficCluster>;
  logger: LoggerService;
  /** How long a measurement is served from memory; default 30 seconds. */
  ttlMs?: number;
  /** Clock in milliseconds; tests replace it. */
  now?: () => number;
}

const DEFAULT_TTL_MS = 30_000;
/** Callers may ask for arbitrary instants; the cache must not grow with them. */
const MAX_CACHED = 64;
const QUERY_NAMES: Array<keyof TrafficQueries> = [
  'requests',
  'errors',
  'mtls',
  'p50',
  'p99',
  'tcpSentBytes',
];

/** One Prometheus and the clusters configured with it. */
interface PrometheusGroup {
  url: string;
  client: PrometheusClient;
  clusters: string[];
}

type Measured = Partial<Record<keyof TrafficQueries, number>>;

interface Collected {
  source: TrafficEndpoint;
  destination: TrafficEndpoint;
  values: Measured;
}

function finite(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

function share(part: number | undefined, whole: number): number {
  return Math.min(100, Math.max(0, ((part ?? 0) / whole) * 100));
}

function edgeKey(source: TrafficEndpoint, destination: TrafficEndpoint) {
  return [
    source.cluster,
    source.namespace,
    source.workload,
    destination.cluster,
    destination.namespace,
    destination.workload,
  ].join('\u0000');
}

function toTraffic(values: Measured): TopologyTraffic | undefined {
  const requests = finite(values.requests) ?? 0;
  const tcp = finite(values.tcpSentBytes);
  // A series whose rate fell to zero is a past edge, not live traffic.
  if (requests <= 0 && !(tcp !== undefined && tcp > 0)) return undefined;
  const traffic: TopologyTraffic = {
    requestsPerSecond: requests,
    errorPercent: requests > 0 ? share(finite(values.errors), requests) : 0,
  };
  if (requests > 0) {
    traffic.mtlsPercent = share(finite(values.mtls), requests);
  }
  const p50 = finite(values.p50);
  const p99 = finite(values.p99);
  if (p50 !== undefined) traffic.p50Ms = p50;
  if (p99 !== undefined) traffic.p99Ms = p99;
  if (tcp !== undefined && tcp > 0) traffic.tcpBytesPerSecond = tcp;
  return traffic;
}

/**
 * Measures live service-to-service traffic from Istio's metrics in each
 * cluster's Prometheus.
 *
 * Every Prometheus is asked the six queries of the traffic queries in
 * parallel, and each Prometheus only once even when several clusters share
 * it. Measurements are kept per window for `ttlMs`, and callers asking while
 * one is running share it, so page views never multiply the load on
 * Prometheus. A Prometheus that fails is reported in the snapshot's
 * `errors`; the answer never throws for it.
 *
 * In a route:
 *
 * ```ts
 * const snapshot = await traffic.getTraffic(windowMs);
 * addTrafficLayer(graph, snapshot, clusterState.clusters());
 * ```
 *
 * and in a scheduled task, `traffic.refresh(windowMs)` keeps the common
 * window warm.
 *
 * @public
 */
export class TrafficCollector {
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly cache = new Map<
    string,
    { snapshot: TrafficSnapshot; expiresAt: number }
  >();
  private readonly inFlight = new Map<string, Promise<TrafficSnapshot>>();
  /** Last failure per Prometheus URL, so a lasting outage is logged once. */
  private readonly failing = new Map<string, string>();

  constructor(private readonly options: TrafficCollectorOptions) {
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  /**
   * Traffic over the `windowMs` before `at` (default: now), from memory
   * when a measurement of that window is younger than the TTL.
   *
   * @param at - evaluation instant; for data that ends in the past.
   */
  async getTraffic(windowMs: number, at?: Date): Promise<TrafficSnapshot> {
    const queries = trafficQueries(windowMs);
    const key = this.cacheKey(windowMs, at);
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > this.now()) return cached.snapshot;
    return this.load(key, queries, at);
  }

  /**
   * Measures again regardless of the cache, for a scheduled task; joins a
   * measurement that is already running.
   */
  async refresh(windowMs: number, at?: Date): Promise<TrafficSnapshot> {
    const queries = trafficQueries(windowMs);
    return this.load(this.cacheKey(windowMs, at), queries, at);
  }

  private cacheKey(windowMs: number, at?: Date) {
    return `${windowMs}@${at ? at.getTime() : 'now'}`;
  }

  private load(
    key: string,
    queries: TrafficQueries,
    at?: Date,
  ): Promise<TrafficSnapshot> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const promise = this.measure(queries, at)
      .then(snapshot => {
        this.remember(key, snapshot);
        return snapshot;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  private remember(key: string, snapshot: TrafficSnapshot) {
    if (this.ttlMs <= 0) return;
    const now = this.now();
    for (const [k, entry] of this.cache) {
      if (entry.expiresAt <= now) this.cache.delete(k);
    }
    this.cache.delete(key);
    this.cache.set(key, { snapshot, expiresAt: now + this.ttlMs });
    while (this.cache.size > MAX_CACHED) {
      this.cache.delete(this.cache.keys().next().value!);
    }
  }

  private groups(): PrometheusGroup[] {
    const byUrl = new Map<string, PrometheusGroup>();
    for (const { definition, prometheus } of this.options.clusters()) {
      if (!prometheus) continue;
      const url = prometheus.health().url;
      const group = byUrl.get(url);
      if (group) group.clusters.push(definition.name);
      else
        byUrl.set(url, {
          url,
          client: prometheus,
          clusters: [definition.name],
        });
    }
    return [...byUrl.values()];
  }

  private async measure(
    queries: TrafficQueries,
    at?: Date,
  ): Promise<TrafficSnapshot> {
    const measuredAt = at ?? new Date(this.now());
    const groups = this.groups();
    const results = await Promise.all(
      groups.map(group => this.measureGroup(group, queries, measuredAt)),
    );

    const edges = new Map<string, { edge: TrafficEdge; owned: boolean }>();
    const errors: TrafficSnapshot['errors'] = [];
    groups.forEach((group, i) => {
      const result = results[i];
      if ('error' in result) {
        for (const cluster of group.clusters) {
          errors.push({ cluster, error: result.error });
        }
        return;
      }
      for (const [key, collected] of result.edges) {
        const traffic = toTraffic(collected.values);
        if (!traffic) continue;
        // Federated setups can hold an edge twice; the destination's own
        // Prometheus is the one that measured it.
        const owned = group.clusters.includes(collected.destination.cluster);
        const existing = edges.get(key);
        if (existing && (existing.owned || !owned)) continue;
        edges.set(key, {
          edge: {
            source: collected.source,
            destination: collected.destination,
            traffic,
          },
          owned,
        });
      }
    });

    return {
      edges: [...edges.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([, { edge }]) => edge),
      errors,
      measuredAt: measuredAt.toISOString(),
    };
  }

  private async measureGroup(
    group: PrometheusGroup,
    queries: TrafficQueries,
    at: Date,
  ): Promise<{ edges: Map<string, Collected> } | { error: string }> {
    let answers: PrometheusSeries[][];
    try {
      answers = await Promise.all(
        QUERY_NAMES.map(name => group.client.query(queries[name], at)),
      );
    } catch (error) {
      const message = (error as Error)?.message ?? String(error);
      if (this.failing.get(group.url) !== message) {
        this.options.logger.warn(
          `traffic of ${group.clusters.join(', ')} unavailable: ${message}`,
        );
      }
      this.failing.set(group.url, message);
      return { error: message };
    }
    if (this.failing.delete(group.url)) {
      this.options.logger.info(
        `traffic of ${group.clusters.join(', ')} available again`,
      );
    }

    // Series without cluster labels come from single-cluster meshes, where
    // the Prometheus only sees its own cluster.
    const home = group.clusters[0];
    const edges = new Map<string, Collected>();
    QUERY_NAMES.forEach((name, i) => {
      for (const { metric, values } of answers[i]) {
        const source: TrafficEndpoint = {
          cluster: metric.source_cluster || home,
          namespace: metric.source_workload_namespace || 'unknown',
          workload: metric.source_workload || 'unknown',
        };
        const destination: TrafficEndpoint = {
          cluster: metric.destination_cluster || home,
          namespace: metric.destination_workload_namespace || 'unknown',
          workload: metric.destination_workload || 'unknown',
        };
        const key = edgeKey(source, destination);
        let collected = edges.get(key);
        if (!collected) {
          collected = { source, destination, values: {} };
          edges.set(key, collected);
        }
        const value = values[values.length - 1]?.[1];
        if (value !== undefined) collected.values[name] = value;
      }
    });
    return { edges };
  }
}

/**
 * Traffic edges of a graph: the snapshot's edges whose both ends are nodes
 * of the graph, with ids `traffic:<source>-><target>`. `nodeIdOf` maps an
 * endpoint to a node id, normally the Istio workload resolver; mapping
 * endpoints to coarser nodes (for example `graphIds.cluster(e.cluster)`)
 * merges the edges that land on the same pair: rates add up, error and
 * mTLS shares are weighted by requests, latencies are the slowest. An edge
 * from a node to itself is left out.
 *
 * @public
 */
export function toTopologyEdges(
  snapshot: TrafficSnapshot,
  nodeIdsPresent: ReadonlySet<string>,
  nodeIdOf: TrafficNodeIdOf,
): TopologyEdge[] {
  const merged = new Map<string, TopologyEdge>();
  for (const { source, destination, traffic } of snapshot.edges) {
    const from = nodeIdOf(source);
    const to = nodeIdOf(destination);
    if (!from || !to || from === to) continue;
    if (!nodeIdsPresent.has(from) || !nodeIdsPresent.has(to)) continue;
    const id = `traffic:${from}->${to}`;
    const crossCluster = source.cluster !== destination.cluster;
    const existing = merged.get(id);
    if (!existing) {
      merged.set(id, {
        id,
        source: from,
        target: to,
        kind: 'traffic',
        traffic: { ...traffic },
        ...(crossCluster ? { crossCluster: true } : {}),
      });
      continue;
    }
    existing.traffic = mergeTraffic(existing.traffic!, traffic);
    if (crossCluster) existing.crossCluster = true;
  }
  return [...merged.values()];
}

function mergeTraffic(a: TopologyTraffic, b: TopologyTraffic): TopologyTraffic {
  const requests = a.requestsPerSecond + b.requestsPerSecond;
  const weighted = (x?: number, y?: number) => {
    if (x === undefined && y === undefined) return undefined;
    if (requests <= 0) return 0;
    return (
      ((x ?? 0) * a.requestsPerSecond + (y ?? 0) * b.requestsPerSecond) /
      requests
    );
  };
  const slowest = (x?: number, y?: number) => {
    if (x === undefined) return y;
    return y === undefined ? x : Math.max(x, y);
  };
  const sum = (x?: number, y?: number) =>
    x === undefined && y === undefined ? undefined : (x ?? 0) + (y ?? 0);
  const out: TopologyTraffic = {
    requestsPerSecond: requests,
    errorPercent: weighted(a.errorPercent, b.errorPercent) ?? 0,
  };
  const mtls = weighted(a.mtlsPercent, b.mtlsPercent);
  const p50 = slowest(a.p50Ms, b.p50Ms);
  const p99 = slowest(a.p99Ms, b.p99Ms);
  const tcp = sum(a.tcpBytesPerSecond, b.tcpBytesPerSecond);
  if (mtls !== undefined) out.mtlsPercent = mtls;
  if (p50 !== undefined) out.p50Ms = p50;
  if (p99 !== undefined) out.p99Ms = p99;
  if (tcp !== undefined) out.tcpBytesPerSecond = tcp;
  return out;
}

/**
 * Adds the traffic layer to a graph in place: traffic edges between the
 * graph's workload nodes, and a notice per cluster whose traffic could not
 * be measured. Returns the graph.
 *
 * @public
 */
export function addTrafficLayer(
  graph: TopologyGraph,
  snapshot: TrafficSnapshot,
  clusters: ReadonlyArray<Pick<ClusterHandle, 'definition' | 'store'>>,
): TopologyGraph {
  const present = new Set(graph.nodes.map(n => n.id));
  graph.edges.push(
    ...toTopologyEdges(snapshot, present, istioWorkloadIdResolver(clusters)),
  );
  for (const { cluster, error } of snapshot.errors) {
    graph.notices.push(`Traffic of cluster ${cluster} unavailable: ${error}`);
  }
  return graph;
}
