import { InputError, NotAllowedError } from '@backstage/errors';
import {
  openApiErrorHandler,
  requireServicePermission,
} from '@cloud-native-platform/plugin-cloud-native-node';
import {
  parseFalcoPayload,
  securityPostureFalcoCreatePermission,
} from '@cloud-native-platform/plugin-security-posture-common';
import express from 'express';
import Router from 'express-promise-router';
import { createApiRouter } from '../createApiRouter';
import { RouteContext } from '../RouteContext';
import { clusterOfEvent, locateEvent } from '../runtimeFindings';

/** Largest falcosidekick payload read; one alert is a few kilobytes. */
const FALCO_LIMIT = '1mb';

/**
 * POST /falco: the falcosidekick webhook. Alerts are stored with the cluster
 * they name even when it is not configured (they count once it is), and with
 * the workload their pod rolls up into when the cluster state knows the pod.
 * The sender's token is checked before the body is read; the query is
 * validated against the OpenAPI spec after.
 */
export function falcoRoute(context: RouteContext): express.Router {
  const { clusterState, store, logger, httpAuth, config, reporter } = context;
  const router = Router();
  const senders = new Map(
    config.falcoSenders.map(sender => [sender.subject, sender.clusters]),
  );

  const falco = createApiRouter();
  falco.post('/falco', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['service'],
    });
    const subject = credentials.principal.subject.replace(/^external:/, '');
    const allowed = senders.get(subject);
    if (!allowed) {
      throw new NotAllowedError(
        `service ${subject} may post Falco events for no cluster; list its clusters in securityPosture.falco.senders`,
      );
    }
    const queryCluster = req.query.cluster;
    let event;
    try {
      event = parseFalcoPayload(req.body);
    } catch (error) {
      throw new InputError(
        `invalid Falco payload: ${(error as Error).message}`,
      );
    }
    const named = clusterOfEvent(event, queryCluster);
    const cluster = named ?? (allowed.length === 1 ? allowed[0] : undefined);
    if (!cluster) {
      throw new InputError(
        `the Falco event names no cluster; add ?cluster= to the webhook URL or a cluster field to falcosidekick's customfields (service ${subject} posts for ${allowed.join(
          ', ',
        )})`,
      );
    }
    if (!allowed.includes(cluster)) {
      throw new NotAllowedError(
        `service ${subject} may post Falco events for ${allowed.join(
          ', ',
        )}, not for cluster ${cluster}`,
      );
    }
    const handle = cluster ? clusterState.cluster(cluster) : undefined;
    const location = locateEvent(event, handle);
    const { duplicate } = await store.addFalcoAlert({
      uuid: event.uuid,
      receivedAt: new Date(),
      eventTime: new Date(event.time),
      cluster,
      ...location,
      rule: event.rule,
      priority: event.priority,
      output: event.output,
      payload: req.body,
    });
    if (!duplicate) reporter.runtimeChanged();
    if (!handle && !duplicate) {
      logger.warn(
        `Falco alert '${event.rule}' names ${
          cluster ? `unknown cluster ${cluster}` : 'no cluster'
        }; stored without attribution`,
      );
    }
    res.status(202).json({
      duplicate,
      cluster: handle ? cluster : undefined,
      workload:
        location.workloadKind && location.workloadName
          ? {
              kind: location.workloadKind,
              namespace: location.namespace,
              name: location.workloadName,
            }
          : undefined,
    });
  });
  falco.use(openApiErrorHandler());

  router.post(
    '/falco',
    requireServicePermission({
      httpAuth,
      permissions: context.permissions,
      permission: securityPostureFalcoCreatePermission,
    }),
    express.json({ limit: FALCO_LIMIT }),
    falco,
  );
  return router;
}
