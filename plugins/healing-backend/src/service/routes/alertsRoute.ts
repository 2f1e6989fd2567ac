import express from 'express';
import Router from 'express-promise-router';
import { parseAlertmanagerPayload } from '../alertmanagerPayload';
import { RouteContext } from '../RouteContext';

/** Alertmanager groups up to a few thousand alerts per notification. */
const LIMIT = '5mb';

/**
 * POST /alerts: the Alertmanager webhook. It only stores (each alert once)
 * and wakes the processor; the pipeline runs outside the request, so a
 * slow Prometheus never makes Alertmanager retry.
 */
export function alertsRoute(context: RouteContext): express.Router {
  const router = Router();
  router.post('/alerts', express.json({ limit: LIMIT }), async (req, res) => {
    const records = parseAlertmanagerPayload(req.body);
    const result = await context.store.addAlerts(records, new Date());
    if (result.stored > 0) context.processor.wake();
    res.status(202).json(result);
  });
  return router;
}
