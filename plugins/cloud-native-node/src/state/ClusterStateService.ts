import { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterDefinition } from '../clusters/ClusterDefinition';
import { PrometheusClient } from '../prometheus/PrometheusClient';
import { ClusterObjectStore } from './ClusterObjectStore';
import { ClusterSource, ClusterSourceFactory } from './ClusterSource';
import { ClusterStatus, ClusterStatusTracker } from './ClusterStatusTracker';
import { DEFAULT_KINDS, KindDefinition } from './kinds';

/**
 * One cluster as the state service holds it.
 *
 * @public
 */
export interface ClusterHandle {
  definition: ClusterDefinition;
  store: ClusterObjectStore;
  /** Client of the cluster's Prometheus, when one is configured. */
  prometheus?: PrometheusClient;
  status(): ClusterStatus;
}

/**
 * The shared, watch-fed cache of every cluster. One instance per backend
 * process; every plugin of the suite reads from it instead of the clusters.
 *
 * @public
 */
export interface ClusterStateService {
  /** Adds a source type (before start). Factories receive the default one of that type, if any. */
  addSourceFactory(
    type: string,
    factory: (defaultFactory?: ClusterSourceFactory) => ClusterSourceFactory,
  ): void;
  /** Adds kinds to watch in every live cluster (before start). */
  addKinds(kinds: KindDefinition[]): void;
  /** Starts every source; resolves when each cluster's first sync has finished or failed. Idempotent. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Every cluster, in configuration order. */
  clusters(): ClusterHandle[];
  cluster(name: string): ClusterHandle | undefined;
  /** Called after a cluster's cache changed. Returns an unsubscribe function. */
  onChange(listener: (cluster: string) => void): () => void;
}

/**
 * Options of {@link DefaultClusterStateService}.
 *
 * @public
 */
export interface DefaultClusterStateServiceOptions {
  clusters: ClusterDefinition[];
  logger: LoggerService;
  sourceFactories: Record<string, ClusterSourceFactory>;
  kinds?: readonly KindDefinition[];
}

/**
 * The cluster state service: one store, one status and one source per
 * cluster. A source that fails degrades its own cluster only.
 *
 * @public
 */
export class DefaultClusterStateService implements ClusterStateService {
  private readonly handles: Array<
    ClusterHandle & { tracker: ClusterStatusTracker }
  >;
  private readonly sourceFactories: Record<string, ClusterSourceFactory>;
  private kinds: KindDefinition[];
  private readonly listeners = new Set<(cluster: string) => void>();
  private sources: ClusterSource[] = [];
  private starting: Promise<void> | undefined;

  constructor(private readonly options: DefaultClusterStateServiceOptions) {
    this.sourceFactories = { ...options.sourceFactories };
    this.kinds = [...(options.kinds ?? DEFAULT_KINDS)];
    this.handles = options.clusters.map(definition => {
      const store = new ClusterObjectStore();
      const tracker = new ClusterStatusTracker(definition, kind =>
        store.count(kind),
      );
      const prometheus = definition.prometheus
        ? new PrometheusClient({ url: definition.prometheus.url })
        : undefined;
      return {
        definition,
        store,
        tracker,
        prometheus,
        status: () => ({
          ...tracker.snapshot(),
          prometheus: prometheus?.health(),
        }),
      };
    });
  }

  addSourceFactory(
    type: string,
    factory: (defaultFactory?: ClusterSourceFactory) => ClusterSourceFactory,
  ): void {
    this.assertNotStarted('add a source');
    this.sourceFactories[type] = factory(this.sourceFactories[type]);
  }

  addKinds(kinds: KindDefinition[]): void {
    this.assertNotStarted('add kinds');
    const key = (k: KindDefinition) => `${k.group}/${k.kind}`;
    const known = new Set(this.kinds.map(key));
    this.kinds.push(...kinds.filter(k => !known.has(key(k))));
  }

  start(): Promise<void> {
    if (!this.starting) {
      this.starting = Promise.all(
        this.handles.map(handle => this.startCluster(handle)),
      ).then(() => undefined);
    }
    return this.starting;
  }

  async stop(): Promise<void> {
    const sources = this.sources;
    this.sources = [];
    await Promise.all(sources.map(source => source.stop()));
  }

  clusters(): ClusterHandle[] {
    return this.handles.map(({ definition, store, prometheus, status }) => ({
      definition,
      store,
      prometheus,
      status,
    }));
  }

  cluster(name: string): ClusterHandle | undefined {
    return this.clusters().find(c => c.definition.name === name);
  }

  onChange(listener: (cluster: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async startCluster(
    handle: ClusterHandle & { tracker: ClusterStatusTracker },
  ) {
    const { definition, store, tracker } = handle;
    const { logger } = this.options;
    const factory = this.sourceFactories[definition.source.type];
    if (!factory) {
      tracker.clusterFailed(
        `no source handles clusters of type ${definition.source.type}`,
      );
      return;
    }
    try {
      const source = factory({
        cluster: definition,
        store,
        status: tracker,
        logger: logger.child({ cluster: definition.name }),
        kinds: this.kinds,
        onChange: () => this.emit(definition.name),
      });
      this.sources.push(source);
      await source.start();
    } catch (error) {
      // A source must not take the other clusters down with it.
      tracker.clusterFailed(
        `source failed to start: ${(error as Error).message}`,
      );
      logger.error(
        `cluster ${definition.name} source failed to start`,
        error as Error,
      );
    }
  }

  private emit(cluster: string) {
    for (const listener of this.listeners) {
      try {
        listener(cluster);
      } catch (error) {
        this.options.logger.warn(`cluster state listener failed: ${error}`);
      }
    }
  }

  private assertNotStarted(what: string) {
    if (this.starting) {
      throw new Error(`cannot ${what} after the cluster state has started`);
    }
  }
}
