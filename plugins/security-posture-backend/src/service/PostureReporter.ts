import { Entity } from '@backstage/catalog-model';
import {
  ClusterHandle,
  ClusterStateService,
  KubeObject,
  resolveEntityWorkloads,
} from '@cloud-native-platform/plugin-cloud-native-node';
import {
  combineMeshCoverage,
  Finding,
  PostureReport,
  ReportFinding,
  ReportScope,
  rollUp,
  ScoredResource,
  summarizeFindings,
} from '@cloud-native-platform/plugin-security-posture-common';
import { PostureConfig } from '../config';
import { PostureStore } from '../database/PostureStore';
import { ClusterFindingsCache, resourceKey } from './ClusterFindings';
import { ComponentIndex, ComponentSnapshot } from './ComponentIndex';
import { applyScopedExceptions, exceptionResolver } from './exceptionScopes';
import { runtimeFindings } from './runtimeFindings';
import {
  indexRuntime,
  RuntimeIndex,
  selectCluster,
  selectWorkloads,
  Selection,
} from './selectFindings';

/** Error shown for a cluster the caller may not read. */
export const NOT_PERMITTED = 'not permitted';

/** One cluster's part of a report. */
interface ClusterPart {
  cluster: ClusterHandle;
  selection: Selection;
  /** Entity owning each workload key of the selection, for entity exceptions. */
  entities?: Map<string, Entity>;
  /** Why the scope could not be read in full, besides the cluster's own status. */
  error?: string;
}

/** A report computed from parts, before it is given its scope. */
export type ScoredParts = Omit<PostureReport, 'scope'>;

/** The error of a cluster that is down, degraded or not yet read. */
export function clusterError(cluster: ClusterHandle): string | undefined {
  const status = cluster.status();
  if (status.error) return status.error;
  if (status.state === 'syncing' && !status.lastSyncAt) {
    return 'the cluster has not been read yet';
  }
  return undefined;
}

/** How long runtime findings read from the store are reused. */
const RUNTIME_FRESH_MS = 5_000;
/** Sets of clusters remembered at once (one per set of clusters callers may read). */
const RUNTIME_MEMO_ENTRIES = 64;

/**
 * Computes posture reports over the shared cluster state: cached check
 * findings, runtime alerts from the store and exceptions from config,
 * catalog and workloads.
 */
export class PostureReporter {
  /**
   * Runtime findings by the clusters they were read for: every report reads
   * them, and they change only when a Falco alert is stored. Kept
   * {@link RUNTIME_FRESH_MS} (alerts another backend instance stores show
   * within that), and dropped by {@link PostureReporter.runtimeChanged}.
   */
  private readonly runtimeMemo = new Map<
    string,
    { at: number; value: Promise<Map<string, RuntimeIndex>> }
  >();

  constructor(
    private readonly options: {
      clusterState: ClusterStateService;
      cache: ClusterFindingsCache;
      components: ComponentIndex;
      store: PostureStore;
      config: PostureConfig;
    },
  ) {}

  /** Forgets the runtime findings read so far: a Falco alert was stored. */
  runtimeChanged(): void {
    this.runtimeMemo.clear();
  }

  /** Runtime findings of the clusters, indexed per cluster. */
  runtime(
    clusters: ClusterHandle[],
    now: Date,
  ): Promise<Map<string, RuntimeIndex>> {
    const key = clusters
      .map(c => c.definition.name)
      .sort()
      .join('\n');
    const at = now.getTime();
    const memo = this.runtimeMemo.get(key);
    if (memo && at >= memo.at && at - memo.at < RUNTIME_FRESH_MS) {
      return memo.value;
    }
    const value = this.readRuntime(clusters, now);
    if (this.runtimeMemo.size >= RUNTIME_MEMO_ENTRIES) this.runtimeMemo.clear();
    this.runtimeMemo.set(key, { at, value });
    // A failed read is not kept: the next report tries again.
    value.catch(() => {
      if (this.runtimeMemo.get(key)?.value === value) {
        this.runtimeMemo.delete(key);
      }
    });
    return value;
  }

  private async readRuntime(
    clusters: ClusterHandle[],
    now: Date,
  ): Promise<Map<string, RuntimeIndex>> {
    const findings = await runtimeFindings({
      store: this.options.store,
      clusters,
      retentionDays: this.options.config.falcoRetentionDays,
      now,
    });
    const byCluster = new Map<string, Finding[]>();
    for (const finding of findings) {
      const name = finding.resource.cluster ?? '';
      byCluster.set(name, [...(byCluster.get(name) ?? []), finding]);
    }
    return new Map(
      clusters.map(c => [
        c.definition.name,
        indexRuntime(byCluster.get(c.definition.name) ?? []),
      ]),
    );
  }

  /** The whole of some clusters, or of one namespace of one cluster. */
  async clustersReport(
    clusters: ClusterHandle[],
    namespace: string | undefined,
    denied: string[],
    now: Date,
  ): Promise<ScoredParts> {
    const runtime = await this.runtime(clusters, now);
    const parts = clusters.map(cluster => ({
      cluster,
      selection: selectCluster(
        this.options.cache.get(cluster),
        runtime.get(cluster.definition.name)!,
        namespace,
      ),
    }));
    return this.score(parts, denied, now);
  }

  /** The workloads of some entities (one, or a team's components) in the permitted clusters. */
  async entitiesReport(
    entities: Entity[],
    permitted: ClusterHandle[],
    denied: string[],
    now: Date,
    /** Runtime findings read already, when many reports are computed at once. */
    runtimeIndex?: Map<string, RuntimeIndex>,
  ): Promise<ScoredParts> {
    const runtime = runtimeIndex ?? (await this.runtime(permitted, now));
    const byCluster = new Map<
      string,
      {
        workloads: Array<{
          workload: KubeObject;
          pods: KubeObject[];
          entity: Entity;
        }>;
        errors: string[];
      }
    >();
    const searched = new Set<string>();
    for (const entity of entities) {
      let resolved;
      try {
        resolved = resolveEntityWorkloads(entity, permitted);
      } catch (error) {
        // A bad label selector annotation: the entity maps to nothing.
        for (const cluster of permitted) {
          const entry = byCluster.get(cluster.definition.name) ?? {
            workloads: [],
            errors: [],
          };
          entry.errors.push(
            `${entity.metadata.name}: ${(error as Error).message}`,
          );
          byCluster.set(cluster.definition.name, entry);
          searched.add(cluster.definition.name);
        }
        continue;
      }
      resolved.clusters.forEach(c => searched.add(c));
      for (const { cluster, workload, pods } of resolved.workloads) {
        const entry = byCluster.get(cluster) ?? { workloads: [], errors: [] };
        entry.workloads.push({ workload, pods, entity });
        byCluster.set(cluster, entry);
      }
    }
    const parts: ClusterPart[] = permitted
      .filter(c => searched.has(c.definition.name))
      .map(cluster => {
        const entry = byCluster.get(cluster.definition.name);
        const workloads = entry?.workloads ?? [];
        const selection = selectWorkloads(
          this.options.cache.get(cluster),
          runtime.get(cluster.definition.name)!,
          workloads,
        );
        const entitiesByKey = new Map<string, Entity>();
        for (const { workload, entity } of workloads) {
          entitiesByKey.set(
            resourceKey({
              cluster: cluster.definition.name,
              kind: workload.kind,
              namespace: workload.metadata.namespace,
              name: workload.metadata.name,
            }),
            entity,
          );
        }
        return {
          cluster,
          selection,
          entities: entitiesByKey,
          error: entry?.errors.length ? entry.errors.join('; ') : undefined,
        };
      });
    return this.score(parts, denied, now);
  }

  /** Every finding of the permitted clusters with exceptions applied, for the overview and snapshots. */
  async fleetFindings(
    permitted: ClusterHandle[],
    now: Date,
  ): Promise<{
    findings: ReportFinding[];
    resources: ScoredResource[];
    components: ComponentSnapshot;
    /** Resource key → covered, for every workload mesh coverage counts. */
    meshCoverage: Map<string, boolean>;
  }> {
    const runtime = await this.runtime(permitted, now);
    const parts = permitted.map(cluster => ({
      cluster,
      selection: selectCluster(
        this.options.cache.get(cluster),
        runtime.get(cluster.definition.name)!,
      ),
    }));
    const components = await this.options.components.get();
    const meshCoverage = new Map<string, boolean>();
    for (const cluster of permitted) {
      this.options.cache
        .get(cluster)
        .meshCoverage.forEach((covered, key) => meshCoverage.set(key, covered));
    }
    return {
      ...this.applyExceptions(parts, components, now),
      components,
      meshCoverage,
    };
  }

  private applyExceptions(
    parts: ClusterPart[],
    components: ComponentSnapshot,
    now: Date,
  ): { findings: ReportFinding[]; resources: ScoredResource[] } {
    const clusters = new Map(
      parts.map(p => [p.cluster.definition.name, p.cluster]),
    );
    const entities = new Map<string, Entity>();
    for (const part of parts) {
      part.entities?.forEach((entity, key) => entities.set(key, entity));
    }
    const resolver = exceptionResolver({
      configExceptions: this.options.config.exceptions,
      clusters,
      components,
      entityFor: resource => entities.get(resourceKey(resource)),
    });
    return {
      findings: applyScopedExceptions(
        parts.flatMap(p => p.selection.findings),
        resolver,
        now,
      ),
      resources: parts.flatMap(p => p.selection.resources),
    };
  }

  private async score(
    parts: ClusterPart[],
    denied: string[],
    now: Date,
  ): Promise<ScoredParts> {
    const components = await this.options.components.get();
    const { findings, resources } = this.applyExceptions(
      parts,
      components,
      now,
    );
    const summary = summarizeFindings(findings, resources);
    const clusters: PostureReport['clusters'] = parts.map(part => {
      const name = part.cluster.definition.name;
      const own = summary.resources.filter(r => r.resource.cluster === name);
      const error = [clusterError(part.cluster), part.error]
        .filter(Boolean)
        .join('; ');
      // A cluster never read has no score: 100 from nothing would mislead.
      const read = Boolean(part.cluster.status().lastSyncAt);
      return {
        cluster: name,
        ...(read && {
          score: rollUp(own.map(r => ({ score: r.score, weight: 1 }))).score,
          meshCoverage: part.selection.meshCoverage,
        }),
        ...(error && { error }),
      };
    });
    clusters.push(
      ...denied.map(cluster => ({ cluster, error: NOT_PERMITTED })),
    );
    return {
      ...summary,
      generatedAt: now.toISOString(),
      meshCoverage: combineMeshCoverage(
        parts.map(part => part.selection.meshCoverage),
      ),
      clusters,
    };
  }
}

/** A report with its scope. */
export function withScope(
  scope: ReportScope,
  parts: ScoredParts,
): PostureReport {
  return { scope, ...parts };
}
