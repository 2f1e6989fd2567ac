import { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterDefinition } from '../clusters/ClusterDefinition';
import { ClusterObjectStore } from './ClusterObjectStore';
import { ClusterStatusTracker } from './ClusterStatusTracker';
import { KindDefinition } from './kinds';

/**
 * What a source gets to fill one cluster's cache.
 *
 * @public
 */
export interface ClusterSourceContext {
  cluster: ClusterDefinition;
  store: ClusterObjectStore;
  status: ClusterStatusTracker;
  logger: LoggerService;
  kinds: readonly KindDefinition[];
  /** Called after every change to the store, for listeners of the cluster state. */
  onChange(): void;
}

/**
 * Keeps one cluster's cache in step with the cluster.
 *
 * @public
 */
export interface ClusterSource {
  /** Starts syncing; resolves once the first sync of every kind has finished or failed. */
  start(): Promise<void>;
  /** Stops every watch and timer. */
  stop(): Promise<void>;
}

/**
 * Creates the source of a cluster whose `source.type` it handles.
 *
 * @public
 */
export type ClusterSourceFactory = (
  context: ClusterSourceContext,
) => ClusterSource;
