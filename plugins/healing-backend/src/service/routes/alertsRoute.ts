import express from 'express';
import Router from 'express-promise-router';
import { healingAlertCreatePermission } from '@cloud-native-platform/plugin-healing-common';
import {
  openApiErrorHandler,
  requireServicePermission,
} from '@cloud-native-platform/plugin-cloud-native-node';
import { InputError } from '@backstage/errors';
import { readAlertmanagerPayload } from '../alertmanagerPayload';
import { createApiRouter } from '../createApiRouter';
import { RouteContext } from '../RouteContext';

/** Alertmanager groups up to a few thousand alerts per notification. */
const LIMIT = '5mb';

/**
 * POST /alerts: the Alertmanager webhook. It only stores (each alert once)
 * and wakes the processor; the pipeline runs outside the request, so a
 * slow Prometheus never makes Alertmanager retry. The token is checked
 * before the body is read; the body is validated against the OpenAPI spec
 * after.
 */
export function alertsRoute(context: RouteContext): express.Router {
  const router = Router();
  // Only the Alertmanager's token (a service principal holding
  // healing.alert.create): an alert may make the engine act on a cluster.
  const webhookAuth = requireServicePermission({
    httpAuth: context.httpAuth,
    permissions: context.permissions,
    permission: healingAlertCreatePermission,
  });
  const alerts = createApiRouter();
  alerts.post('/alerts', async (req, res) => {
    const receivedAt = new Date();
    const { records, refused } = readAlertmanagerPayload(req.body, {
      receivedAt,
      clusterLabel: context.config.clusterLabel,
    });
    // Alerts are refused one by one; only a notification with nothing
    // to store is a 400, naming the first bad field.
    if (records.length === 0 && refused.length > 0) {
      throw new InputError(
        `invalid Alertmanager payload: ${refused[0].path}: ${
          refused[0].message
        }${refused.length > 1 ? ` (and ${refused.length - 1} more)` : ''}`,
      );
    }
    const result = await context.store.addAlerts(records, receivedAt);
    if (result.stored > 0) context.processor.wake();
    res.status(202).json(refused.length > 0 ? { ...result, refused } : result);
  });
  alerts.use(openApiErrorHandler());

  router.post('/alerts', webhookAuth, express.json({ limit: LIMIT }), alerts);
  return router;
}
