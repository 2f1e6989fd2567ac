import { Entity } from '@backstage/catalog-model';
import { ANNOTATION_POSTURE_EXCEPTIONS } from '@cloud-native-platform/plugin-cloud-native-common';
import {
  ClusterHandle,
  EntityWorkload,
} from '@cloud-native-platform/plugin-cloud-native-node';
import {
  applyExceptions,
  Finding,
  parseExceptionsAnnotation,
  rollUp,
  runChecks,
  scoreResources,
} from '@cloud-native-platform/plugin-security-posture-common';

/** Objects no check reads and that churn the most. */
const UNCHECKED_KINDS = new Set(['Event', 'EndpointSlice']);

/**
 * Findings of each cluster, recomputed only when its store has changed, so
 * the leaderboard runs the checks once per cluster rather than per entity.
 */
export class ClusterFindingsCache {
  private readonly cache = new Map<
    string,
    { version: number; findings: Finding[] }
  >();

  findings(cluster: ClusterHandle): Finding[] {
    const name = cluster.definition.name;
    const cached = this.cache.get(name);
    if (cached && cached.version === cluster.store.version) {
      return cached.findings;
    }
    const objects = cluster.store
      .kinds()
      .filter(kind => !UNCHECKED_KINDS.has(kind))
      .flatMap(kind => cluster.store.list(kind));
    const findings = runChecks(objects, {
      cluster: name,
      clusterRole: cluster.definition.role,
    });
    this.cache.set(name, { version: cluster.store.version, findings });
    return findings;
  }
}

/**
 * The posture score (0–100) of an entity's workloads, with the entity's
 * posture exceptions applied; undefined when it has no workload.
 */
export function entityPostureScore(
  entity: Entity,
  workloads: EntityWorkload[],
  clusters: ClusterHandle[],
  cache: ClusterFindingsCache,
  now: Date = new Date(),
): number | undefined {
  if (workloads.length === 0) return undefined;
  const byName = new Map(clusters.map(c => [c.definition.name, c]));
  const resources = workloads.map(({ cluster, workload }) => ({
    cluster,
    kind: workload.kind,
    namespace: workload.metadata.namespace,
    name: workload.metadata.name,
  }));
  const keys = new Set(
    resources.map(r => `${r.cluster}/${r.kind}/${r.namespace}/${r.name}`),
  );
  const own: Finding[] = [];
  for (const clusterName of new Set(workloads.map(w => w.cluster))) {
    const cluster = byName.get(clusterName)!;
    for (const finding of cache.findings(cluster)) {
      const { kind, namespace, name } = finding.resource;
      const object = cluster.store.get(kind, namespace, name);
      // Findings on a ReplicaSet or a pod count for the workload that owns it.
      const top = object ? cluster.store.topLevelOwner(object) : undefined;
      const resource = top
        ? {
            kind: top.kind,
            namespace: top.metadata.namespace,
            name: top.metadata.name,
          }
        : finding.resource;
      const key = `${clusterName}/${resource.kind}/${resource.namespace}/${resource.name}`;
      if (keys.has(key)) {
        own.push({
          ...finding,
          resource: { ...finding.resource, ...resource, cluster: clusterName },
        });
      }
    }
  }
  const annotation =
    entity.metadata.annotations?.[ANNOTATION_POSTURE_EXCEPTIONS];
  const exceptions = annotation
    ? parseExceptionsAnnotation(annotation, 'entity').exceptions
    : [];
  const scored = applyExceptions(own, exceptions, now);
  const scores = scoreResources(scored as any, resources);
  return rollUp(scores.map(s => ({ score: s.score, weight: 1 }))).score;
}
