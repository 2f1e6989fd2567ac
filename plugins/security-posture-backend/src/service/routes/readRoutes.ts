import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { openApiErrorHandler } from '@cloud-native-platform/plugin-cloud-native-node';
import {
  CHECKS,
  EXPIRED_EXCEPTION_CHECK,
  FALCO_CHECKS,
  PostureReport,
  PostureTrend,
  ReportScope,
} from '@cloud-native-platform/plugin-security-posture-common';
import { SnapshotScopeType } from '../../database/PostureStore';
import { clusterAccess, clusterNamed, requireClusters } from '../clusterAccess';
import { buildOverview } from '../overview';
import { withScope } from '../PostureReporter';
import { ApiRouter, createApiRouter } from '../createApiRouter';
import {
  clustersOfEntity,
  entityOfParam,
  RouteContext,
  teamOfParam,
} from '../RouteContext';

const DAY_MS = 86_400_000;

/** The scope of /report and /history: at most one of entityRef, cluster, team. */
function scopeOf(query: {
  entityRef?: string;
  cluster?: string;
  namespace?: string;
  team?: string;
}) {
  const { entityRef, cluster, namespace, team } = query;
  const given = [entityRef, cluster, team].filter(v => v !== undefined);
  if (given.length > 1) {
    throw new InputError('give one of entityRef, cluster or team, not several');
  }
  if (namespace !== undefined && cluster === undefined) {
    throw new InputError('namespace needs a cluster parameter');
  }
  return { entityRef, cluster, namespace, team };
}

/**
 * GET /report, /overview, /history and /checks, validated against the
 * plugin's OpenAPI spec (served at /openapi.json).
 */
export function readRoutes(context: RouteContext): ApiRouter {
  const { clusterState, httpAuth, permissions, reporter, store, config } =
    context;
  const router = createApiRouter();

  router.get('/report', async (req, res) => {
    const { entityRef, cluster, namespace, team } = scopeOf(req.query);
    const credentials = await httpAuth.credentials(req);
    const now = new Date();
    let report: PostureReport;

    if (cluster !== undefined) {
      const handle = clusterNamed(clusterState, cluster);
      if (
        namespace !== undefined &&
        !handle.store.get('Namespace', undefined, namespace)
      ) {
        throw new NotFoundError(
          `cluster ${cluster} has no namespace ${namespace}`,
        );
      }
      await requireClusters(permissions, credentials, [handle]);
      const scope: ReportScope = { cluster, ...(namespace && { namespace }) };
      report = withScope(
        scope,
        await reporter.clustersReport([handle], namespace, [], now),
      );
    } else if (entityRef !== undefined) {
      const entity = await entityOfParam(context, entityRef, credentials);
      const searched = clustersOfEntity(entity, clusterState.clusters());
      const access = await clusterAccess(permissions, credentials, searched);
      report = withScope(
        { entityRef: stringifyEntityRef(entity) },
        await reporter.entitiesReport(
          [entity],
          access.permitted,
          access.denied,
          now,
        ),
      );
    } else if (team !== undefined) {
      const { teamRef, components } = await teamOfParam(
        context,
        team,
        credentials,
      );
      const access = await clusterAccess(
        permissions,
        credentials,
        clusterState.clusters(),
      );
      report = withScope(
        { team: teamRef },
        await reporter.entitiesReport(
          components,
          access.permitted,
          access.denied,
          now,
        ),
      );
    } else {
      // No scope: the whole fleet the caller may read.
      const access = await clusterAccess(
        permissions,
        credentials,
        clusterState.clusters(),
      );
      report = withScope(
        {},
        await reporter.clustersReport(
          access.permitted,
          undefined,
          access.denied,
          now,
        ),
      );
    }
    res.json(report);
  });

  router.get('/overview', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const now = new Date();
    const { permitted, denied } = await clusterAccess(
      permissions,
      credentials,
      clusterState.clusters(),
    );
    const fleet = await reporter.fleetFindings(permitted, now);
    const unattributedFalcoAlerts = await store.countUnattributedFalcoAlerts({
      since: new Date(now.getTime() - config.falcoRetentionDays * DAY_MS),
      known: clusterState.clusters().map(c => c.definition.name),
    });
    res.json(
      buildOverview({
        ...fleet,
        permitted,
        denied,
        now,
        unattributedFalcoAlerts,
      }),
    );
  });

  router.get('/history', async (req, res) => {
    const { entityRef, cluster, namespace, team } = scopeOf(req.query);
    const days = req.query.days ?? 30;
    const credentials = await httpAuth.credentials(req);
    const all = clusterState.clusters();
    let scope: ReportScope;
    let scopeType: SnapshotScopeType;
    let scopeKey: string;

    // A stored score mixes every cluster of its scope, so reading it needs
    // permission on each of them.
    if (cluster !== undefined) {
      const handle = clusterNamed(clusterState, cluster);
      await requireClusters(permissions, credentials, [handle]);
      scope = { cluster, ...(namespace && { namespace }) };
      scopeType = namespace ? 'namespace' : 'cluster';
      scopeKey = namespace ? `${cluster}/${namespace}` : cluster;
    } else if (entityRef !== undefined) {
      const entity = await entityOfParam(context, entityRef, credentials);
      await requireClusters(
        permissions,
        credentials,
        clustersOfEntity(entity, all),
      );
      scopeKey = stringifyEntityRef(entity);
      scope = { entityRef: scopeKey };
      scopeType = 'entity';
    } else if (team !== undefined) {
      const { teamRef } = await teamOfParam(context, team, credentials);
      await requireClusters(permissions, credentials, all);
      scope = { team: teamRef };
      scopeType = 'team';
      scopeKey = teamRef;
    } else {
      await requireClusters(permissions, credentials, all);
      scope = {};
      scopeType = 'fleet';
      scopeKey = '';
    }
    const snapshots = await store.listSnapshots({
      scopeType,
      scopeKey,
      since: new Date(Date.now() - days * DAY_MS),
    });
    const trend: PostureTrend = {
      scope,
      points: snapshots.map(s => ({
        takenAt: s.takenAt.toISOString(),
        score: s.score,
        counts: s.counts,
      })),
    };
    res.json(trend);
  });

  router.get('/checks', async (_req, res) => {
    res.json({ items: [...CHECKS, EXPIRED_EXCEPTION_CHECK, ...FALCO_CHECKS] });
  });

  router.use(openApiErrorHandler());
  return router;
}
