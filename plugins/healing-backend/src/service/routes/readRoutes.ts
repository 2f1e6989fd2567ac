import { NotFoundError } from '@backstage/errors';
import {
  HealingAttempt,
  HealingStats,
  HealingStatsBucket,
  redactAttempt,
} from '@cloud-native-platform/plugin-healing-common';
import { AttemptFilter } from '../../database/HealingStore';
import { attemptIdParam } from '../attemptIdParam';
import {
  AttemptFilterQuery,
  attemptFilterParams,
} from '../attemptFilterParams';
import { ApiRouter } from '../createApiRouter';
import { engineStatus } from '../engineStatus';
import { RouteContext } from '../RouteContext';

const DAY_MS = 86_400_000;
/** Attempts a stats request reads at most. */
const STATS_LIMIT = 50_000;

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function bucketOf(day: string, attempts: HealingAttempt[]): HealingStatsBucket {
  const mttr = attempts
    .map(a => a.mttrSeconds)
    .filter((m): m is number => m !== undefined);
  return {
    bucket: day,
    attempts: attempts.length,
    succeeded: attempts.filter(
      a => a.status === 'succeeded' || a.status === 'healed',
    ).length,
    failed: attempts.filter(a => a.status === 'failed').length,
    inconclusive: attempts.filter(a => a.status === 'inconclusive').length,
    meanMttrSeconds: mttr.length
      ? Math.round(mttr.reduce((s, m) => s + m, 0) / mttr.length)
      : undefined,
    medianMttrSeconds: median(mttr),
  };
}

/** Daily buckets (UTC) from `since` to today, empty days included. */
export function healingStats(
  attempts: HealingAttempt[],
  since: Date,
  now: Date,
): HealingStats {
  const byDay = new Map<string, HealingAttempt[]>();
  for (
    let t = Date.UTC(
      since.getUTCFullYear(),
      since.getUTCMonth(),
      since.getUTCDate(),
    );
    t <= now.getTime();
    t += DAY_MS
  ) {
    byDay.set(new Date(t).toISOString().slice(0, 10), []);
  }
  for (const a of attempts) byDay.get(a.createdAt.slice(0, 10))?.push(a);
  const buckets = [...byDay.entries()].map(([day, list]) =>
    bucketOf(day, list),
  );
  const decided = attempts.filter(a =>
    ['succeeded', 'failed', 'inconclusive', 'healed'].includes(a.status),
  );
  const good = decided.filter(
    a => a.status === 'succeeded' || a.status === 'healed',
  ).length;
  return {
    buckets,
    successRate: decided.length ? good / decided.length : undefined,
    medianMttrSeconds: median(
      attempts
        .map(a => a.mttrSeconds)
        .filter((m): m is number => m !== undefined),
    ),
  };
}

/** GET /attempts, /attempts/:id, /stats and /status. */
export function readRoutes(router: ApiRouter, context: RouteContext): void {
  const { store, httpAuth } = context;
  const entities = context.entities ?? context.catalog;

  async function filterOf(
    req: Parameters<typeof httpAuth.credentials>[0],
    query: AttemptFilterQuery,
  ): Promise<AttemptFilter> {
    const { filter, entityRef: ref } = attemptFilterParams(query);
    if (ref !== undefined) {
      const credentials = await httpAuth.credentials(req);
      const entity = await entities.getEntityByRef(ref, { credentials });
      if (!entity) throw new NotFoundError(`no entity ${ref} in the catalog`);
      filter.entityRefs = [ref];
    }
    return filter;
  }

  router.get('/attempts', async (req, res) => {
    const limit = req.query.limit ?? 100;
    const page = await store.listAttempts(
      await filterOf(req, req.query),
      limit,
    );
    // Rows stored before attempts were redacted are redacted when served.
    res.json({ ...page, items: page.items.map(redactAttempt) });
  });

  router.get('/attempts/:id', async (req, res) => {
    const attempt = await store.getAttempt(attemptIdParam(req.params.id));
    if (!attempt)
      throw new NotFoundError(`no healing attempt ${req.params.id}`);
    res.json(redactAttempt(attempt));
  });

  router.get('/stats', async (req, res) => {
    const days = req.query.days ?? 30;
    const now = new Date();
    const filter = await filterOf(req, req.query);
    filter.since = new Date(now.getTime() - (days - 1) * DAY_MS);
    filter.since = new Date(
      Date.UTC(
        filter.since.getUTCFullYear(),
        filter.since.getUTCMonth(),
        filter.since.getUTCDate(),
      ),
    );
    const { items } = await store.listAttempts(filter, STATS_LIMIT);
    res.json(healingStats(items, filter.since, now));
  });

  router.get('/status', async (_req, res) => {
    res.json(await engineStatus(context));
  });
}
