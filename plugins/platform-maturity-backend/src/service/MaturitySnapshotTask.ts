import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { rollUpMaturity } from '../assessment';
import { MaturitySnapshot, MaturityStore } from '../database/MaturityStore';
import { EntityMaturity, MaturityAssessor } from './MaturityAssessor';
import { mapLimit } from './mapLimit';

const DAY_MS = 86_400_000;
/** Components assessed at once: each asks two other backends. */
const CONCURRENCY = 4;

interface Scored {
  entityRef: string;
  team?: string;
  system?: string;
  score: number;
  deployed: boolean;
  drReady: boolean;
}

/**
 * Scores every component with the plugin's own credentials and stores the
 * score of the fleet, each team, system and component, then prunes
 * snapshots past retention.
 */
export async function takeMaturitySnapshots(options: {
  catalog: CatalogService;
  assessor: MaturityAssessor;
  store: MaturityStore;
  auth: AuthService;
  logger: LoggerService;
  retentionDays: number;
  now?: Date;
}): Promise<MaturitySnapshot[]> {
  const { catalog, assessor, store, auth, logger } = options;
  const now = options.now ?? new Date();
  const credentials = await auth.getOwnServiceCredentials();
  const { items } = await catalog.getEntities(
    { filter: { kind: 'Component' } },
    { credentials },
  );
  const assessed: Array<{ entity: Entity; result: EntityMaturity }> =
    await mapLimit(items, CONCURRENCY, async entity => ({
      entity,
      result: await assessor.assess(entity, credentials),
    }));
  const scored: Scored[] = assessed.map(({ entity, result }) => ({
    entityRef: stringifyEntityRef(entity),
    team: result.owner,
    system: result.system,
    score: result.maturity.score,
    deployed: result.maturity.deployed,
    drReady: result.dr.status === 'ready',
  }));

  const snapshots: MaturitySnapshot[] = [];
  const add = (
    scopeType: MaturitySnapshot['scopeType'],
    keyOf: (s: Scored) => string | undefined,
  ) => {
    for (const group of rollUpMaturity(scored, keyOf)) {
      snapshots.push({
        takenAt: now,
        scopeType,
        scopeKey: scopeType === 'fleet' ? '' : group.name,
        score: group.score,
        entities: group.entities,
        drReady: scored.filter(s => s.drReady && keyOf(s) === group.name)
          .length,
      });
    }
  };
  add('fleet', () => 'fleet');
  add('team', s => s.team);
  add('system', s => s.system);
  add('entity', s => s.entityRef);

  await store.addSnapshots(snapshots);
  const pruned = await store.prune(
    new Date(now.getTime() - options.retentionDays * DAY_MS),
  );
  logger.info(
    `maturity snapshot stored ${snapshots.length} scores of ${scored.length} components; pruned ${pruned} past retention`,
  );
  return snapshots;
}
