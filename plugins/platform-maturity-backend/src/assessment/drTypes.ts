import {
  DrReplicationComponent,
  DrReplicationLag,
} from '@cloud-native-platform/plugin-platform-maturity-common';
import { MaturityWorkload } from './types';

/**
 * A cluster as DR readiness sees it.
 *
 * @public
 */
export interface DrCluster {
  name: string;
  role?: string;
  /** Free CPU (millicores) on the cluster's Ready nodes; see freeCpuMillis. */
  freeCpuMillis?: number;
  /** Free memory (bytes) on the cluster's Ready nodes; see freeMemoryBytes. */
  freeMemoryBytes?: number;
}

/**
 * The replication lag read from Prometheus for an entity, or why there is
 * none: no cluster of its workloads has a Prometheus, no series of the
 * lag metrics names its replicas, or every query failed.
 *
 * @public
 */
export type ReplicationLagReading =
  | { lag: DrReplicationLag; reason?: undefined; unavailable?: undefined }
  | {
      lag?: undefined;
      reason: 'no-prometheus' | 'no-metric' | 'query-failed';
      unavailable: string;
    };

/**
 * What {@link assessDrReadiness} is computed from.
 *
 * @public
 */
export interface DrReadinessInput {
  /** The entity's workloads in every cluster, with related objects (HPAs). */
  workloads: MaturityWorkload[];
  clusters: DrCluster[];
  /** The entity's `dr-cluster` annotation. */
  drCluster?: string;
  /** The entity's `rto` and `rpo` annotations, as written. */
  rto?: string;
  rpo?: string;
  replication: DrReplicationComponent[];
  /** Median time healing took to recover the entity, when measured. */
  measuredMttrMs?: number;
  /** Why the MTTR is not measured (`nothing healed in the last 30 days`). */
  mttrUnavailable?: string;
  /** The worst replication lag of the last five minutes; absent when not read. */
  replicationLag?: ReplicationLagReading;
}
