import { InputError } from '@backstage/errors';
import { parseFalcoPayload } from '@cloud-native-platform/plugin-security-posture-common';
import express from 'express';
import Router from 'express-promise-router';
import { allowOnly, Query, single } from '../queryParams';
import { RouteContext } from '../RouteContext';
import { clusterOfEvent, locateEvent } from '../runtimeFindings';

/** Largest falcosidekick payload read; one alert is a few kilobytes. */
const FALCO_LIMIT = '1mb';

/**
 * POST /falco: the falcosidekick webhook. Alerts are stored with the cluster
 * they name even when it is not configured (they count once it is), and with
 * the workload their pod rolls up into when the cluster state knows the pod.
 */
export function falcoRoute(context: RouteContext): express.Router {
  const { clusterState, store, logger } = context;
  const router = Router();

  router.post(
    '/falco',
    express.json({ limit: FALCO_LIMIT }),
    async (req, res) => {
      const query = req.query as Query;
      allowOnly(query, ['cluster']);
      const queryCluster = single(query, 'cluster');
      let event;
      try {
        event = parseFalcoPayload(req.body);
      } catch (error) {
        throw new InputError(
          `invalid Falco payload: ${(error as Error).message}`,
        );
      }
      const cluster = clusterOfEvent(event, queryCluster);
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
    },
  );
  return router;
}
