import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ClusterHandle,
  ClusterStateService,
} from '@cloud-native-platform/plugin-cloud-native-node';
import {
  HealingAttempt,
  HealingPipelineDeps,
  RailHistoryEntry,
  runHealingPipeline,
} from '@cloud-native-platform/plugin-healing-common';
import { createHash } from 'node:crypto';
import { ActionExecutor } from '../actions/ActionExecutor';
import { HealingConfig } from '../config';
import {
  AttemptExtras,
  ClaimedAlert,
  HealingStore,
} from '../database/HealingStore';
import { featureSeriesOf } from './featureSeries';
import { KillSwitch } from './KillSwitch';
import { resolveAlertTarget } from './resolveAlertTarget';
import { TopologyNeighbours } from './topologyNeighbours';

const BATCH = 200;
/** A claim older than this is taken to be from an instance that died. */
const STALE_CLAIM_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;

/** The id of the attempt of one alert occurrence: the same on every instance. */
export function attemptIdOf(fingerprint: string, startsAt: string): string {
  return createHash('sha256')
    .update(`${fingerprint}\n${startsAt}`)
    .digest('hex')
    .slice(0, 32);
}

/**
 * Options of {@link AlertProcessor}.
 *
 * @public
 */
export interface AlertProcessorOptions {
  store: HealingStore;
  clusterState: ClusterStateService;
  config: HealingConfig;
  logger: LoggerService;
  killSwitch: KillSwitch;
  executor: ActionExecutor;
  /** Unique per backend instance; claims carry it. */
  instanceId: string;
  /**
   * The feature source of a cluster; the cluster's Prometheus by default.
   * The demo replay supplies scripted series here, as it has no Prometheus.
   */
  featureSeries?: (
    cluster: ClusterHandle | undefined,
  ) => HealingPipelineDeps['series'];
  /** The time decisions are taken at; the demo replay decides in the past. */
  clock?: () => Date;
}

/**
 * Turns stored alerts into attempts. Alerts are claimed in the database
 * (UPDATE … WHERE claimed_by IS NULL, SKIP LOCKED on PostgreSQL), so when
 * several backend instances share one database each alert is processed by
 * one of them; the attempt id derives from the alert, so even a retried
 * claim cannot record a second attempt.
 *
 * @public
 */
export class AlertProcessor {
  private running: Promise<number> | undefined;
  private again = false;
  private readonly neighbours = new TopologyNeighbours();

  private readonly featureSeries: NonNullable<
    AlertProcessorOptions['featureSeries']
  >;
  private readonly now: () => Date;

  constructor(private readonly options: AlertProcessorOptions) {
    this.featureSeries = options.featureSeries ?? featureSeriesOf;
    this.now = options.clock ?? (() => new Date());
  }

  /** Processes soon, without waiting; called by the webhook after it stored alerts. */
  wake(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.processPending().catch(error =>
      this.options.logger.error(`healing alert processing failed: ${error}`),
    );
  }

  /** Processes every unclaimed alert; resolves to how many this instance handled. */
  processPending(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let total = 0;
      try {
        do {
          this.again = false;
          for (;;) {
            const handled = await this.processBatch();
            total += handled;
            if (handled < BATCH) break;
          }
        } while (this.again);
      } finally {
        this.running = undefined;
      }
      return total;
    })();
    return this.running;
  }

  private async processBatch(): Promise<number> {
    const { store, instanceId } = this.options;
    const now = this.now();
    const claimed = await store.claimAlerts({
      owner: instanceId,
      limit: BATCH,
      now,
      staleBefore: new Date(now.getTime() - STALE_CLAIM_MS),
    });
    if (claimed.length === 0) return 0;
    try {
      const history = await store.railHistory(
        new Date(now.getTime() - this.historyMs()),
      );
      const killSwitch = await this.options.killSwitch.enabled();
      const items = [];
      for (const alert of claimed) {
        items.push(await this.process(alert, history, killSwitch));
      }
      await store.completeAlerts(instanceId, items, this.now());
    } catch (error) {
      await store.releaseAlerts(
        instanceId,
        claimed.map(c => c.id),
      );
      throw error;
    }
    return claimed.length;
  }

  private historyMs(): number {
    const cooldowns = this.options.config.policies.map(p => p.cooldownMs);
    return Math.max(HOUR_MS, ...cooldowns);
  }

  private async process(
    claimed: ClaimedAlert,
    history: RailHistoryEntry[],
    killSwitch: boolean,
  ): Promise<{
    alertId: number;
    attempt: HealingAttempt;
    extras?: AttemptExtras;
  }> {
    const { clusterState, config, executor, logger } = this.options;
    const { alert } = claimed;
    const resolved = resolveAlertTarget(
      alert,
      clusterState,
      config.clusterLabel,
    );
    const cluster = resolved.cluster;
    const now = this.now();
    const result = await runHealingPipeline(
      {
        id: attemptIdOf(alert.fingerprint, alert.startsAt),
        now,
        alert,
        target: resolved.target,
        unmatchedReason: resolved.unmatchedReason,
        pod: resolved.pod,
        view: cluster?.store,
        workload: resolved.workload,
        neighbours:
          cluster && resolved.workload
            ? this.neighbours.of(cluster, resolved.workload)
            : [],
        policies: config.policies,
        killSwitch,
        budgets: config.budgets,
        history,
      },
      {
        series: this.featureSeries(cluster),
        apply: cluster ? plan => executor.apply(cluster, plan) : undefined,
      },
    );
    const { attempt, policy } = result;
    if (attempt.status === 'applied' || attempt.status === 'failed') {
      history.push({ target: attempt.target, status: attempt.status, at: now });
    }
    if (attempt.status === 'unmatched') {
      logger.info(
        `alert ${alert.name} (${alert.fingerprint}) is unmatched: ${attempt.reason}`,
      );
    }
    return {
      alertId: claimed.id,
      attempt,
      extras: {
        appliedAt: attempt.status === 'applied' ? now : undefined,
        verifyWindowSeconds: policy
          ? Math.round(policy.verifyWindowMs / 1000)
          : undefined,
        pod: resolved.pod,
      },
    };
  }
}
