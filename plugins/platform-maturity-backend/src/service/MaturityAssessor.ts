import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_DR_CLUSTER,
  ANNOTATION_HEALING_MODE,
  ANNOTATION_REPLICATION_LAG_QUERY,
  ANNOTATION_RPO,
  ANNOTATION_RTO,
  desiredReplicas,
  fieldOf,
} from '@cloud-native-platform/plugin-cloud-native-common';
import {
  ClusterStateService,
  EntityWorkload,
  resolveEntityWorkloads,
  summarizePods,
  workloadHealth,
} from '@cloud-native-platform/plugin-cloud-native-node';
import {
  DrReadiness,
  DrReplicationComponent,
} from '@cloud-native-platform/plugin-platform-maturity-common';
import {
  assessDrReadiness,
  assessMaturity,
  freeCpuMillis,
  freeMemoryBytes,
  MaturityAssessment,
  MaturityWorkload,
  toMaturityWorkloads,
} from '../assessment';
import {
  HealingPolicy,
  matchPolicy,
} from '@cloud-native-platform/plugin-healing-common';
import { systemRefOf, teamRefOf } from './maturityScopes';
import { PlatformSignals } from './PlatformSignals';
import { readReplicationLag } from './readReplicationLag';

/** Kinds that run continuously; a CronJob between runs is not unhealthy. */
const LONG_RUNNING = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Rollout',
]);
/** Names and descriptions that say a component replicates data across sites. */
const REPLICATION_HINT = /replicat|mirror/i;

/**
 * An entity's maturity and DR readiness, as the API serves them.
 *
 * @public
 */
export interface EntityMaturity {
  entityRef: string;
  title?: string;
  /** Entity reference of the owner (a group, or a user). */
  owner?: string;
  /** Entity reference of the system. */
  system?: string;
  maturity: MaturityAssessment;
  dr: DrReadiness;
}

function replicationDetail(
  found: EntityWorkload[],
  unhealthy: EntityWorkload[],
): string {
  if (found.length === 0) return 'no workload found in any cluster';
  if (unhealthy.length > 0) {
    return unhealthy
      .map(
        w =>
          `${w.workload.kind} ${w.workload.metadata.name} not healthy in ${w.cluster}`,
      )
      .join('; ');
  }
  const clusters = [...new Set(found.map(w => w.cluster))].join(', ');
  return `${found.length} workload(s) healthy in ${clusters}`;
}

/** The `spec.system` of an entity, as written (a name or a reference). */
function systemOf(entity: Entity): string | undefined {
  const system = fieldOf(entity.spec, 'system');
  return typeof system === 'string' ? system : undefined;
}

/** Computes maturity and DR readiness of catalog entities from the cluster state. */
export class MaturityAssessor {
  constructor(
    private readonly options: {
      clusterState: ClusterStateService;
      catalog: CatalogService;
      policies: HealingPolicy[];
      /** Posture score and MTTR from the other backends; without them both terms say so. */
      signals?: PlatformSignals;
    },
  ) {}

  /**
   * The posture score of the entity's Security tab, read from the
   * security-posture API with the caller's credentials, so its permissions
   * and exceptions apply. When that API refuses or does not answer, the
   * term is not assessed, with the reason: never scored here instead.
   */
  private async posture(
    entityRef: string,
    workloads: EntityWorkload[],
    credentials: BackstageCredentials,
  ): Promise<{ score?: number; unavailable?: string; source: string }> {
    if (workloads.length === 0) return { source: '' };
    if (!this.options.signals) {
      return {
        source: '',
        unavailable: 'no security-posture backend is configured',
      };
    }
    const remote = await this.options.signals.postureScore(
      entityRef,
      credentials,
    );
    if (remote.value !== undefined) {
      return { score: remote.value, source: 'as the Security tab reports it' };
    }
    return { source: '', unavailable: remote.unavailable };
  }

  async assess(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<EntityMaturity> {
    const clusters = this.options.clusterState.clusters();
    const entityRef = stringifyEntityRef(entity);
    const annotations = entity.metadata.annotations ?? {};
    const resolved = resolveEntityWorkloads(entity, clusters);
    const workloads = toMaturityWorkloads(resolved, clusters);
    const covering = this.options.policies.filter(policy =>
      workloads.some(w =>
        // A policy covers the service when nothing but the alert narrows it.
        matchPolicy(
          [policy],
          {
            name: policy.match.alertname ?? '',
            labels: policy.match.labels ?? {},
          },
          {
            cluster: w.cluster,
            namespace: w.workload.metadata.namespace ?? '',
            entityRef,
          },
        ),
      ),
    );
    const drCluster = annotations[ANNOTATION_DR_CLUSTER];
    const deployed = workloads.length > 0;
    // The other backends are asked while the catalog is: their answers do
    // not depend on the replication components, the lag does.
    const signals = Promise.all([
      this.posture(entityRef, resolved.workloads, credentials),
      deployed
        ? this.options.signals?.medianMttrMs(entityRef, credentials)
        : undefined,
      deployed
        ? this.options.signals?.sloBudgets?.(entityRef, credentials)
        : undefined,
    ]);
    // Keeps an early failure of the signals from going unhandled while the
    // catalog is asked; it is thrown where they are awaited.
    signals.catch(() => {});
    const replication = await this.replication(entity, drCluster, credentials);
    // The data an entity would lose is kept by its replication components
    // too (its database, MirrorMaker), so their lag counts for its RPO.
    const lagWorkloads = [
      ...workloads,
      ...replication.flatMap(component => component.workloads),
    ];
    const [[posture, mttr, slos], replicationLag] = await Promise.all([
      signals,
      deployed
        ? readReplicationLag({
            workloads: lagWorkloads,
            clusters: clusters.map(c => ({
              name: c.definition.name,
              role: c.definition.role,
              prometheus: c.prometheus,
            })),
            customQuery: annotations[ANNOTATION_REPLICATION_LAG_QUERY],
          })
        : undefined,
    ]);
    const maturity = assessMaturity({
      workloads,
      postureScore: posture.score,
      postureUnavailable: posture.unavailable,
      slos: slos?.value,
      healing: {
        policies: covering.map(p => ({ name: p.name, mode: p.mode })),
        annotationMode: annotations[ANNOTATION_HEALING_MODE],
      },
    });
    if (posture.score !== undefined) {
      maturity.terms
        .find(t => t.component === 'security')
        ?.signals.push(posture.source);
    }
    const dr = assessDrReadiness({
      workloads,
      clusters: clusters.map(c => ({
        name: c.definition.name,
        role: c.definition.role,
        freeCpuMillis: freeCpuMillis(c.store),
        freeMemoryBytes: freeMemoryBytes(c.store),
      })),
      drCluster,
      rto: annotations[ANNOTATION_RTO],
      rpo: annotations[ANNOTATION_RPO],
      replication: replication.map(
        ({ workloads: _, ...component }) => component,
      ),
      measuredMttrMs: mttr?.value,
      mttrUnavailable:
        mttr?.unavailable ??
        (this.options.signals ? undefined : 'no healing backend is configured'),
      replicationLag,
    });
    return {
      entityRef,
      title: entity.metadata.title,
      owner: teamRefOf(entity),
      system: systemRefOf(entity),
      maturity,
      dr,
    };
  }

  /**
   * Replication components: those of the entity's system whose name, tags or
   * description hint at replication, and fleet-wide ones tagged
   * `replication` that run in the entity's DR cluster (MirrorMaker), each
   * with its workloads in production and DR clusters.
   */
  private async replication(
    entity: Entity,
    drCluster: string | undefined,
    credentials: BackstageCredentials,
  ): Promise<
    Array<DrReplicationComponent & { workloads: MaturityWorkload[] }>
  > {
    const system = systemOf(entity);
    const filter: Record<string, string>[] = [
      { 'metadata.tags': 'replication' },
    ];
    if (system) filter.push({ 'spec.system': system });
    const { items } = await this.options.catalog.getEntities(
      { filter },
      { credentials },
    );
    const self = stringifyEntityRef(entity);
    const clusters = this.options.clusterState.clusters();
    const result: Array<
      DrReplicationComponent & { workloads: MaturityWorkload[] }
    > = [];
    for (const candidate of items) {
      const ref = stringifyEntityRef(candidate);
      if (ref === self) continue;
      const tagged = (candidate.metadata.tags ?? []).includes('replication');
      const hinted =
        tagged ||
        REPLICATION_HINT.test(candidate.metadata.name) ||
        REPLICATION_HINT.test(candidate.metadata.description ?? '');
      if (!hinted) continue;
      const roles = new Map(
        clusters.map(c => [c.definition.name, c.definition.role]),
      );
      const resolved = resolveEntityWorkloads(candidate, clusters);
      const found = resolved.workloads.filter(
        w =>
          LONG_RUNNING.has(w.workload.kind) &&
          ['production', 'disaster-recovery'].includes(
            roles.get(w.cluster) ?? '',
          ),
      );
      const sameSystem = system && systemOf(candidate) === system;
      if (!sameSystem && !found.some(w => w.cluster === drCluster)) continue;
      const unhealthy = found.filter(
        w =>
          workloadHealth(summarizePods(w.pods)) !== 'healthy' &&
          desiredReplicas(w.workload) !== 0,
      );
      result.push({
        entityRef: ref,
        healthy: found.length > 0 && unhealthy.length === 0,
        detail: replicationDetail(found, unhealthy),
        workloads: toMaturityWorkloads(
          { ...resolved, workloads: found },
          clusters,
        ),
      });
    }
    return result;
  }
}
