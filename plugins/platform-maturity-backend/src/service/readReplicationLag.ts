import {
  isKind,
  podTemplateOf,
} from '@cloud-native-platform/plugin-cloud-native-common';
import type {
  PrometheusClient,
  PrometheusSeries,
} from '@cloud-native-platform/plugin-cloud-native-node';
import {
  DrReplicationLag,
  DrReplicationLagSource,
} from '@cloud-native-platform/plugin-platform-maturity-common';
import { MaturityWorkload, ReplicationLagReading } from '../assessment';

/** Clusters whose replicas count for the RPO; staging copies do not. */
const DR_ROLES = ['production', 'disaster-recovery'];

/** A cluster as the lag reader sees it: its name, role and Prometheus. */
export interface ReplicationLagCluster {
  name: string;
  role?: string;
  prometheus?: Pick<PrometheusClient, 'query'>;
}

function namespacePattern(namespaces: string[]): string {
  return namespaces
    .map(ns => ns.replace(/[\\.^$|?*+()[\]{}"]/g, c => `\\\\${c}`))
    .join('|');
}

/**
 * The built-in lag queries, each returning seconds per replica: the worst
 * sample of the last five minutes, kept per cluster, namespace, pod and
 * service so a series can be matched to a workload.
 */
export const REPLICATION_LAG_QUERIES: Record<
  Exclude<DrReplicationLagSource, 'custom'>,
  (namespaces: string[]) => string
> = {
  // postgres_exporter: pg_replication_lag, pg_replication_lag_seconds on older exporters.
  postgres: namespaces =>
    `max by (cluster, namespace, pod, service) (max_over_time({__name__=~"pg_replication_lag|pg_replication_lag_seconds",namespace=~"${namespacePattern(
      namespaces,
    )}"}[5m]))`,
  // MirrorMaker 2: the connector's worst record latency, in milliseconds.
  mirrormaker: namespaces =>
    `max by (cluster, namespace, pod, service) (max_over_time(kafka_connect_mirror_source_connector_replication_latency_ms_max{namespace=~"${namespacePattern(
      namespaces,
    )}"}[5m])) / 1000`,
};

/** Names a series of this workload may carry in `service`: its Services'. */
function serviceNamesOf(w: MaturityWorkload): Set<string> {
  const names = new Set([w.workload.metadata.name]);
  const labels = podTemplateOf(w.workload)?.metadata?.labels ?? {};
  for (const object of w.related) {
    if (!isKind(object, 'Service')) continue;
    if (object.metadata.namespace !== w.workload.metadata.namespace) continue;
    const selector = object.spec?.selector;
    if (!selector || Object.keys(selector).length === 0) continue;
    if (Object.entries(selector).every(([k, v]) => labels[k] === v)) {
      names.add(object.metadata.name);
    }
  }
  return names;
}

/** Whether a series of the built-in queries is about one of the workloads. */
function belongsTo(
  metric: Record<string, string>,
  workloads: MaturityWorkload[],
): boolean {
  return workloads.some(w => {
    if (metric.namespace !== w.workload.metadata.namespace) return false;
    if (metric.pod) return w.pods.some(p => p.metadata.name === metric.pod);
    return (
      metric.service !== undefined && serviceNamesOf(w).has(metric.service)
    );
  });
}

function replicaOf(metric: Record<string, string>): string | undefined {
  const name = metric.pod ?? metric.service;
  if (!name) return undefined;
  return metric.namespace ? `${metric.namespace}/${name}` : name;
}

interface Candidate {
  source: DrReplicationLagSource;
  cluster: string;
  series: PrometheusSeries[];
  /** Workloads to match series to; absent for the custom query. */
  workloads?: MaturityWorkload[];
}

/**
 * The worst replication lag of an entity's replicas over the last five
 * minutes, from each production and DR cluster's Prometheus: the entity's
 * `replication-lag-query` when given, else postgres_exporter's and
 * MirrorMaker 2's metrics matched to its workloads by namespace and pod
 * (or Service). Series labelled with another `cluster` are left out, so
 * one Prometheus may serve several clusters.
 */
export async function readReplicationLag(options: {
  workloads: MaturityWorkload[];
  clusters: ReplicationLagCluster[];
  customQuery?: string;
  /** Evaluation time; default now. */
  at?: Date;
}): Promise<ReplicationLagReading> {
  const at = options.at ?? new Date();
  const byCluster = new Map<string, MaturityWorkload[]>();
  for (const w of options.workloads) {
    byCluster.set(w.cluster, [...(byCluster.get(w.cluster) ?? []), w]);
  }
  const clusters = options.clusters.filter(
    c => byCluster.has(c.name) && DR_ROLES.includes(c.role ?? ''),
  );
  const withPrometheus = clusters.filter(c => c.prometheus);
  if (withPrometheus.length === 0) {
    return {
      reason: 'no-prometheus',
      unavailable:
        clusters.length === 0
          ? 'no workload runs in a production or disaster-recovery cluster'
          : `no Prometheus is configured for ${clusters
              .map(c => c.name)
              .join(', ')}`,
    };
  }
  const failures: string[] = [];
  const candidates = await Promise.all(
    withPrometheus.flatMap(cluster => {
      const workloads = byCluster.get(cluster.name)!;
      const namespaces = [
        ...new Set(workloads.map(w => w.workload.metadata.namespace ?? '')),
      ].filter(Boolean);
      const queries: Array<[DrReplicationLagSource, string]> = [];
      if (options.customQuery) {
        queries.push(['custom', options.customQuery]);
      } else if (namespaces.length > 0) {
        queries.push(
          ['postgres', REPLICATION_LAG_QUERIES.postgres(namespaces)],
          ['mirrormaker', REPLICATION_LAG_QUERIES.mirrormaker(namespaces)],
        );
      }
      return queries.map(async ([source, query]): Promise<Candidate> => {
        try {
          const series = await cluster.prometheus!.query(query, at);
          return {
            source,
            cluster: cluster.name,
            series,
            workloads: source === 'custom' ? undefined : workloads,
          };
        } catch (error) {
          failures.push(`${cluster.name}: ${(error as Error).message}`);
          return { source, cluster: cluster.name, series: [] };
        }
      });
    }),
  );
  let worst: DrReplicationLag | undefined;
  for (const candidate of candidates) {
    for (const s of candidate.series) {
      if (s.metric.cluster && s.metric.cluster !== candidate.cluster) continue;
      if (candidate.workloads && !belongsTo(s.metric, candidate.workloads)) {
        continue;
      }
      const [time, value] = s.values[s.values.length - 1] ?? [];
      if (value === undefined || !Number.isFinite(value)) continue;
      const seconds = Math.max(value, 0);
      if (worst && worst.seconds >= seconds) continue;
      const replica = replicaOf(s.metric);
      worst = {
        seconds,
        source: candidate.source,
        cluster: candidate.cluster,
        ...(replica && { replica }),
        at: new Date((time ?? at.getTime() / 1000) * 1000).toISOString(),
      };
    }
  }
  if (worst) return { lag: worst };
  if (failures.length > 0) {
    return {
      reason: 'query-failed',
      unavailable: `the replication lag query failed (${failures.join('; ')})`,
    };
  }
  return {
    reason: 'no-metric',
    unavailable: options.customQuery
      ? 'the replication-lag-query annotation returned no series'
      : 'no pg_replication_lag or kafka_connect_mirror_source_connector_replication_latency_ms_max series for its replicas in the last 5 minutes',
  };
}
