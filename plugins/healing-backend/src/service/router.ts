import express from 'express';
import Router from 'express-promise-router';
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
  router.use(alertsRoute(context));
  router.use(readRoutes(context));
  router.use(approvalRoutes(context));
  return router;
}
