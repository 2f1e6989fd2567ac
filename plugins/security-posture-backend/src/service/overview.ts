import { stringifyEntityRef } from '@backstage/catalog-model';
import { ClusterHandle } from '@cloud-native-platform/plugin-cloud-native-node';
import {
  checkDefinition,
  MeshCoverage,
  PostureOverview,
  ReportFinding,
  rollUp,
  ScoredGroup,
  ScoredResource,
  SEVERITIES,
  SeverityCounts,
  summarizeFindings,
  summarizeMeshCoverage,
} from '@cloud-native-platform/plugin-security-posture-common';
import { resourceKey } from './ClusterFindings';
import { ComponentSnapshot, kubernetesIdOf } from './ComponentIndex';
import { clusterError, NOT_PERMITTED } from './PostureReporter';

const TOP_CHECKS = 10;

/** Counts by severity, all zero. */
export function zeroCounts(): SeverityCounts {
  return { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
}

interface Group {
  scores: number[];
  counts: SeverityCounts;
  /** The group's workloads that mesh coverage counts, covered or not. */
  coverage: Array<{ covered: boolean }>;
}

/** Rankings of an overview: clusters, namespaces and teams, each scored from its resources. */
export interface OverviewGroups {
  clusters: Map<string, ScoredGroup & { score: number }>;
  namespaces: Map<string, ScoredGroup & { score: number }>;
  teams: Map<string, ScoredGroup & { score: number }>;
}

/**
 * Groups scored resources by cluster, namespace and owning team (the owner
 * of the component a workload's `backstage.io/kubernetes-id` label names).
 */
export function groupResources(options: {
  findings: readonly ReportFinding[];
  resourceScores: ReadonlyArray<{ resource: ScoredResource; score: number }>;
  clusters: ReadonlyMap<string, ClusterHandle>;
  components: ComponentSnapshot;
  /** Resource key → covered; with it, each group carries its mesh coverage. */
  meshCoverage?: ReadonlyMap<string, boolean>;
}): OverviewGroups {
  const { findings, resourceScores, clusters, components, meshCoverage } =
    options;
  const countsByResource = new Map<string, SeverityCounts>();
  for (const finding of findings) {
    if (finding.excepted) continue;
    const key = resourceKey(finding.resource);
    const counts = countsByResource.get(key) ?? zeroCounts();
    counts[finding.severity] += 1;
    countsByResource.set(key, counts);
  }
  const groups = {
    clusters: new Map<string, Group>(),
    namespaces: new Map<string, Group>(),
    teams: new Map<string, Group>(),
  };
  const add = (
    map: Map<string, Group>,
    name: string,
    score: number,
    counts?: SeverityCounts,
    covered?: boolean,
  ) => {
    const group = map.get(name) ?? {
      scores: [],
      counts: zeroCounts(),
      coverage: [],
    };
    group.scores.push(score);
    if (covered !== undefined) group.coverage.push({ covered });
    for (const severity of SEVERITIES) {
      group.counts[severity] += counts?.[severity] ?? 0;
    }
    map.set(name, group);
  };
  for (const { resource, score } of resourceScores) {
    const key = resourceKey(resource);
    const counts = countsByResource.get(key);
    const covered = meshCoverage?.get(key);
    const cluster = resource.cluster ?? '';
    add(groups.clusters, cluster, score, counts, covered);
    if (resource.namespace !== undefined) {
      add(
        groups.namespaces,
        `${cluster}/${resource.namespace}`,
        score,
        counts,
        covered,
      );
    }
    const object = clusters
      .get(cluster)
      ?.store.get(resource.kind, resource.namespace, resource.name);
    const id = object && kubernetesIdOf(object);
    const component = id ? components.byKubernetesId.get(id) : undefined;
    const team = component
      ? components.ownerOf.get(stringifyEntityRef(component))
      : undefined;
    if (team) add(groups.teams, team, score, counts, covered);
  }
  const scored = (map: Map<string, Group>) =>
    new Map(
      [...map].map(([name, group]) => [
        name,
        {
          name,
          score: rollUp(group.scores.map(score => ({ score, weight: 1 })))
            .score,
          resources: group.scores.length,
          counts: group.counts,
          ...(meshCoverage && {
            meshCoverage: summarizeMeshCoverage(group.coverage),
          }),
        },
      ]),
    );
  return {
    clusters: scored(groups.clusters),
    namespaces: scored(groups.namespaces),
    teams: scored(groups.teams),
  };
}

/** Unscored rows (clusters that could not be read) sort last. */
const worstFirst = (a: ScoredGroup, b: ScoredGroup) =>
  (a.score ?? Infinity) - (b.score ?? Infinity) || a.name.localeCompare(b.name);

/** The fleet page from every finding of the permitted clusters. */
export function buildOverview(options: {
  findings: ReportFinding[];
  resources: ScoredResource[];
  permitted: ClusterHandle[];
  denied: string[];
  components: ComponentSnapshot;
  /** Resource key → covered, for every workload mesh coverage counts. */
  meshCoverage: ReadonlyMap<string, boolean>;
  now: Date;
  unattributedFalcoAlerts: number;
}): PostureOverview {
  const { findings, resources, permitted, denied, components, now } = options;
  const noCoverage: MeshCoverage = summarizeMeshCoverage([]);
  const summary = summarizeFindings(findings, resources);
  const clusters = new Map(permitted.map(c => [c.definition.name, c]));
  const groups = groupResources({
    findings: summary.findings,
    resourceScores: summary.resources,
    clusters,
    components,
    meshCoverage: options.meshCoverage,
  });

  const clusterRows: ScoredGroup[] = permitted.map(cluster => {
    const name = cluster.definition.name;
    const error = clusterError(cluster);
    return {
      // A cluster with nothing to score is clean, unless it could not be read.
      ...(groups.clusters.get(name) ?? {
        name,
        ...(!error && { score: 100, meshCoverage: noCoverage }),
        resources: 0,
        counts: zeroCounts(),
      }),
      role: cluster.definition.role,
      ...(error && { error }),
    };
  });
  // A cluster left out still shows, so that the page can say why it is missing.
  for (const name of denied) {
    clusterRows.push({
      name,
      resources: 0,
      counts: zeroCounts(),
      error: NOT_PERMITTED,
    });
  }

  const byCheck = new Map<string, number>();
  for (const finding of summary.findings) {
    if (!finding.excepted) {
      byCheck.set(finding.checkId, (byCheck.get(finding.checkId) ?? 0) + 1);
    }
  }
  const topChecks = [...byCheck]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_CHECKS)
    .map(([checkId, count]) => {
      const definition = checkDefinition(checkId);
      return {
        checkId,
        title: definition?.title ?? checkId,
        severity: definition?.severity ?? 'info',
        category: definition?.category ?? 'workload-hardening',
        count,
      };
    });

  return {
    generatedAt: now.toISOString(),
    score: summary.score,
    counts: summary.counts,
    exceptedCount: summary.exceptedCount,
    meshCoverage: summarizeMeshCoverage(
      [...options.meshCoverage.values()].map(covered => ({ covered })),
    ),
    unattributedFalcoAlerts: options.unattributedFalcoAlerts,
    clusters: clusterRows,
    namespaces: [...groups.namespaces.values()].sort(worstFirst),
    teams: [...groups.teams.values()].sort(worstFirst),
    topChecks,
  };
}
