import { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterStateService } from '@cloud-native-platform/plugin-cloud-native-node';
import { ActionExecutor } from '../actions/ActionExecutor';
import { HealingConfig } from '../config';
import { HealingStore } from '../database/HealingStore';
import { parseAlertmanagerPayload } from '../service/alertmanagerPayload';
import {
  AlertProcessor,
  AlertProcessorOptions,
} from '../service/AlertProcessor';
import { KillSwitch } from '../service/KillSwitch';
import { verifyApplied } from '../service/verifyApplied';
import {
  DEMO_INCIDENTS,
  DemoIncident,
  demoFeatureSeries,
  incidentTimes,
} from './demoScenario';

/** The engine decides a minute after an alert starts, as Alertmanager's group wait and the processor would. */
const DECIDE_AFTER_MS = 60_000;
/** Verification samples come on the verify task's 30-second beat. */
const VERIFY_AFTER_MS = 30_000;

function payloadOf(
  incident: DemoIncident,
  startsAt: Date,
  endsAt: Date | undefined,
) {
  return {
    version: '4',
    groupKey: `{}:{alertname="${incident.labels.alertname}"}`,
    status: endsAt ? 'resolved' : 'firing',
    receiver: 'healing',
    alerts: [
      {
        status: endsAt ? 'resolved' : 'firing',
        labels: incident.labels,
        annotations: incident.annotations,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt ? endsAt.toISOString() : '0001-01-01T00:00:00Z',
        fingerprint: incident.fingerprint,
      },
    ],
  };
}

/**
 * Replays the demo incidents through the webhook's path: each alert is
 * parsed as an Alertmanager payload, stored, and processed by an
 * {@link AlertProcessor} whose clock is set to the scripted time and whose
 * features come from the scenario (the demo has no Prometheus); resolved
 * alerts are then verified. Runs once: nothing happens when the store
 * already holds remediation attempts. Resolves to the incidents replayed.
 *
 * @public
 */
export async function replayDemo(options: {
  store: HealingStore;
  clusterState: ClusterStateService;
  config: HealingConfig;
  logger: LoggerService;
  killSwitch: KillSwitch;
  executor: ActionExecutor;
  now?: Date;
  incidents?: readonly DemoIncident[];
  /** The entities' healing-mode annotations, as the live processor reads them. */
  entityModes?: AlertProcessorOptions['entityModes'];
}): Promise<number> {
  const { store, logger } = options;
  const incidents = options.incidents ?? DEMO_INCIDENTS;
  const now = options.now ?? new Date();
  if ((await store.listAttempts({ kind: 'remediation' }, 1)).total > 0) {
    logger.info('healing demo replay skipped: attempts already exist');
    return 0;
  }
  let clock = now;
  const processor = new AlertProcessor({
    ...options,
    instanceId: 'healing-demo-replay',
    featureSeries: () => demoFeatureSeries(incidents, now),
    clock: () => clock,
    // The attempt id follows the alert's start, which follows the replay's
    // time: the fingerprint keeps each incident's action choice the same.
    choiceSeed: alert => alert.fingerprint,
  });
  // In time order, so the rails see earlier actions as they would have.
  const timeline = incidents
    .map(incident => ({ incident, ...incidentTimes(incident, now) }))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (const { incident, startsAt, endsAt } of timeline) {
    await store.addAlerts(
      parseAlertmanagerPayload(payloadOf(incident, startsAt, undefined)),
      startsAt,
    );
    clock = new Date(startsAt.getTime() + DECIDE_AFTER_MS);
    await processor.processPending();
    if (!endsAt) continue;
    await store.addAlerts(
      parseAlertmanagerPayload(payloadOf(incident, startsAt, endsAt)),
      endsAt,
    );
    // The scenario's pods recovered after the action; the cluster state
    // holds the snapshot of examples/clusters, not the state at that time.
    await verifyApplied({
      store,
      clusterState: options.clusterState,
      logger,
      now: new Date(endsAt.getTime() + VERIFY_AFTER_MS),
      health: () => true,
    });
  }
  logger.info(`healing demo replayed ${timeline.length} incidents`);
  return timeline.length;
}
