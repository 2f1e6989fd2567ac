import {
  DiscoveryService,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { LegacyMaturitySnapshots } from '../database/LegacyMaturitySnapshots';
import { allowOnly, Query, single } from './queryParams';

/** The old maturity routes and where they answer now, under platform-maturity. */
const MOVED: Array<[string, string]> = [
  ['/maturity', ''],
  ['/maturity/leaderboard', '/leaderboard'],
  ['/maturity/history', '/history'],
];
const MAX_PAGE = 5000;

function wholeNumber(
  query: Query,
  name: string,
  range: { fallback: number; min: number; max: number },
): number {
  const text = single(query, name);
  if (text === undefined) return range.fallback;
  const value = Number(text);
  if (
    !/^\d+$/.test(text) ||
    !Number.isSafeInteger(value) ||
    value < range.min ||
    value > range.max
  ) {
    throw new InputError(
      `${name} must be a whole number from ${range.min} to ${range.max}, got '${text}'`,
    );
  }
  return value;
}

/**
 * What remains of the maturity API in this plugin, for one release: the old
 * routes answer 301 with their new location under `/api/platform-maturity`
 * (query string kept), and `GET /legacy/maturity-snapshots` lists the
 * snapshots stored here, to service principals only, for the
 * platform-maturity backend's one-time import.
 *
 * @public
 */
export function createMaturityMovedRouter(options: {
  discovery: DiscoveryService;
  httpAuth: HttpAuthService;
  snapshots: LegacyMaturitySnapshots;
}): express.Router {
  const { discovery, httpAuth, snapshots } = options;
  const router = Router();

  for (const [oldPath, newPath] of MOVED) {
    router.get(oldPath, async (req, res) => {
      const base = await discovery.getExternalBaseUrl('platform-maturity');
      const queryAt = req.originalUrl.indexOf('?');
      const search = queryAt >= 0 ? req.originalUrl.slice(queryAt) : '';
      res.redirect(301, `${base}${newPath}${search}`);
    });
  }

  router.get('/legacy/maturity-snapshots', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    const query = req.query as Query;
    allowOnly(query, ['afterId', 'limit']);
    const afterId = wholeNumber(query, 'afterId', {
      fallback: 0,
      min: 0,
      max: Number.MAX_SAFE_INTEGER,
    });
    const limit = wholeNumber(query, 'limit', {
      fallback: 1000,
      min: 1,
      max: MAX_PAGE,
    });
    const items = await snapshots.list({ afterId, limit });
    res.json({
      items,
      nextAfterId:
        items.length === limit ? items[items.length - 1].id : undefined,
    });
  });

  return router;
}
