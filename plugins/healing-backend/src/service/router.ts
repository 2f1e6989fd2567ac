import express from 'express';
import Router from 'express-promise-router';
import { openApiErrorHandler } from '@cloud-native-platform/plugin-cloud-native-node';
import { createApiRouter } from './createApiRouter';
import { RouteContext } from './RouteContext';
import { alertsRoute } from './routes/alertsRoute';
import { approvalRoutes } from './routes/approvalRoutes';
import { readRoutes } from './routes/readRoutes';

/**
 * The healing HTTP API.
 *
 * @public
 */
export async function createRouter(
  context: RouteContext,
): Promise<express.Router> {
  const router = Router();
  // The webhook reads its body itself, after the token check, so it comes
  // before the other routes, whose router parses JSON bodies. Both validate
  // against the spec in src/schema/openapi.ts, served at /openapi.json.
  router.use(alertsRoute(context));
  const api = createApiRouter();
  readRoutes(api, context);
  approvalRoutes(api, context);
  api.use(openApiErrorHandler());
  router.use(api);
  return router;
}
