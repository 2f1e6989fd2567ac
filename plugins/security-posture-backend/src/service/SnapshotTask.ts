import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  ClusterStateService,
  entityWorkloadSelector,
} from '@cloud-native-platform/plugin-cloud-native-node';
import { summarizeFindings } from '@cloud-native-platform/plugin-security-posture-common';
import { PostureConfig } from '../config';
import { PostureSnapshot, PostureStore } from '../database/PostureStore';
import { ownerRefOf } from './ComponentIndex';
import { refOf } from './exceptionScopes';
import { groupResources } from './overview';
import { PostureReporter } from './PostureReporter';

const DAY_MS = 86_400_000;

function mapsToWorkloads(entity: Entity): boolean {
  try {
    return entityWorkloadSelector(entity) !== undefined;
  } catch {
    return false;
  }
}

/**
 * Stores the score of the fleet, every cluster, namespace, entity mapped to
 * workloads and team, then prunes what is past retention. Entities and teams
 * are scored as their reports score them.
 */
export async function takeSnapshots(options: {
  reporter: PostureReporter;
  clusterState: ClusterStateService;
  store: PostureStore;
  config: PostureConfig;
  logger: LoggerService;
  now?: Date;
}): Promise<PostureSnapshot[]> {
  const { reporter, clusterState, store, config, logger } = options;
  const now = options.now ?? new Date();
  const clusters = clusterState.clusters();
  const snapshot = (
    scopeType: PostureSnapshot['scopeType'],
    scopeKey: string,
    score: number,
    counts: PostureSnapshot['counts'],
  ): PostureSnapshot => ({ takenAt: now, scopeType, scopeKey, score, counts });

  const { findings, resources, components } = await reporter.fleetFindings(
    clusters,
    now,
  );
  const fleet = summarizeFindings(findings, resources);
  const groups = groupResources({
    findings: fleet.findings,
    resourceScores: fleet.resources,
    clusters: new Map(clusters.map(c => [c.definition.name, c])),
    components,
  });
  const snapshots: PostureSnapshot[] = [
    snapshot('fleet', '', fleet.score, fleet.counts),
    ...[...groups.clusters.values()].map(g =>
      snapshot('cluster', g.name, g.score, g.counts),
    ),
    ...[...groups.namespaces.values()].map(g =>
      snapshot('namespace', g.name, g.score, g.counts),
    ),
  ];

  const runtime = await reporter.runtime(clusters, now);
  const byTeam = new Map<string, Entity[]>();
  for (const entity of components.components.filter(mapsToWorkloads)) {
    const report = await reporter.entitiesReport(
      [entity],
      clusters,
      [],
      now,
      runtime,
    );
    if (report.resources.length === 0) continue;
    snapshots.push(
      snapshot('entity', refOf(entity), report.score, report.counts),
    );
    const team = ownerRefOf(entity);
    if (team) byTeam.set(team, [...(byTeam.get(team) ?? []), entity]);
  }
  for (const [team, entities] of byTeam) {
    const report = await reporter.entitiesReport(
      entities,
      clusters,
      [],
      now,
      runtime,
    );
    snapshots.push(snapshot('team', team, report.score, report.counts));
  }

  await store.addSnapshots(snapshots);
  const pruned = await store.prune({
    snapshotsBefore: new Date(
      now.getTime() - config.historyRetentionDays * DAY_MS,
    ),
    falcoAlertsBefore: new Date(
      now.getTime() - config.falcoRetentionDays * DAY_MS,
    ),
  });
  logger.info(
    `posture snapshot stored ${snapshots.length} scores; pruned ${pruned.snapshots} snapshots and ${pruned.falcoAlerts} Falco alerts past retention`,
  );
  return snapshots;
}
