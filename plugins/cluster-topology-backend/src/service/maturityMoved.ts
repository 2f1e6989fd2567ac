import {
  DiscoveryService,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import {
  openApiErrorHandler,
  wholeNumberQueryParams,
} from '@cloud-native-platform/plugin-cloud-native-node';
import express from 'express';
import Router from 'express-promise-router';
import { LegacyMaturitySnapshots } from '../database/LegacyMaturitySnapshots';
import { spec } from '../schema/openapi';

/** The old maturity routes and where they answer now, under platform-maturity. */
const MOVED: Array<[string, string]> = [
  ['/maturity', ''],
  ['/maturity/leaderboard', '/leaderboard'],
  ['/maturity/history', '/history'],
];
const LISTING = '/legacy/maturity-snapshots';
const DEFAULT_PAGE = 1000;

/**
 * What remains of the maturity API in this plugin, for one release: the old
 * routes answer 301 with their new location under `/api/platform-maturity`
 * (query string kept), and `GET /legacy/maturity-snapshots` lists the
 * snapshots stored here, to service principals only, for the
 * platform-maturity backend's one-time import. The redirects read no
 * parameter: the new place decides its permission before it reads the
 * query. The listing's parameters are validated against the plugin's
 * OpenAPI spec once the caller is known to be a service.
 *
 * Mount it ahead of the plugin's API router: that router validates every
 * path of the spec, so it would read the listing's parameters before the
 * caller is known and refuse the redirects' queries.
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

  // Its own validated router, run for the listing only (as a route
  // handler it sees the path unchanged), after the principal check.
  const listing = createValidatedOpenApiRouter<typeof spec>(spec, {
    middleware: [wholeNumberQueryParams(spec)],
  });
  listing.get(LISTING, async (req, res) => {
    const { afterId = 0, limit = DEFAULT_PAGE } = req.query;
    const items = await snapshots.list({ afterId, limit });
    res.json({
      items,
      nextAfterId:
        items.length === limit ? items[items.length - 1].id : undefined,
    });
  });
  listing.use(openApiErrorHandler());
  router.get(
    LISTING,
    async (req, _res, next) => {
      await httpAuth.credentials(req, { allow: ['service'] });
      next();
    },
    listing,
  );

  return router;
}
