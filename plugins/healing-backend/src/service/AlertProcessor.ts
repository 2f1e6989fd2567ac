import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ClusterHandle,
  ClusterStateService,
} from '@cloud-native-platform/plugin-cloud-native-node';
import {
  ActionOutcomeCount,
  EntityHealingMode,
  HealingAlert,
  HealingAttempt,
  HealingPipelineDeps,
  RailHistoryEntry,
  redactAttempt,
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
import { lastCheckBeforeAction } from './lastCheckBeforeAction';
import { resolveAlertTarget } from './resolveAlertTarget';
import { TopologyNeighbours } from './topologyNeighbours';

const BATCH = 200;
/** A claim older than this is taken to be from an instance that died. */
const STALE_CLAIM_MS = 5 * 60_000;
/** Claims of a running batch are renewed this many times per stale period. */
const RENEWALS_PER_STALE = 4;
/** Attempts whose action reached a cluster. */
const ACTED = new Set<HealingAttempt['status']>(['applied', 'failed']);
const RECORD_TRIES = 3;
const RECORD_RETRY_MS = 200;

interface ProcessedAlert {
  alertId: number;
  attempt: HealingAttempt;
  extras?: AttemptExtras;
}
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
  /**
   * The healing-mode annotation of a target's catalog entity, which can
   * lower a policy's mode; without it no annotation is read.
   */
  entityModes?: { of(entityRef: string): Promise<EntityHealingMode> };
  /**
   * Seeds an alert's action choice; the attempt id by default. The demo
   * replay seeds by fingerprint, so that every replay chooses alike.
   */
  choiceSeed?: (alert: HealingAlert) => string;
  /**
   * After how long without renewal another instance may take over a
   * claim; 5 minutes by default. A running batch renews its claims well
   * within it, so only a dead instance's claims go stale.
   */
  staleClaimMs?: number;
}

/**
 * Turns stored alerts into attempts. Alerts are claimed in the database
 * (UPDATE … WHERE claimed_by IS NULL, SKIP LOCKED on PostgreSQL), so when
 * several backend instances share one database each alert is processed by
 * one of them; claims are renewed while their batch runs, so a slow batch
 * is not taken over. The attempt id derives from the alert, so even a
 * retried claim cannot record a second attempt, and no action is sent
 * before its intent is committed (see {@link lastCheckBeforeAction}), so
 * neither a second instance nor a run after a crash sends it twice.
 *
 * @public
 */
export class AlertProcessor {
  private running: Promise<number> | undefined;
  private again = false;
  private readonly neighbours = new TopologyNeighbours();
  /** Acted-on attempts the store has not taken yet, by attempt id. */
  private readonly unrecorded = new Map<string, ProcessedAlert>();

  private readonly featureSeries: NonNullable<
    AlertProcessorOptions['featureSeries']
  >;
  private readonly now: () => Date;
  private readonly staleClaimMs: number;

  constructor(private readonly options: AlertProcessorOptions) {
    this.featureSeries = options.featureSeries ?? featureSeriesOf;
    this.now = options.clock ?? (() => new Date());
    this.staleClaimMs = options.staleClaimMs ?? STALE_CLAIM_MS;
  }

  /** The instance id its claims and intents carry. */
  get instanceId(): string {
    return this.options.instanceId;
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
      staleBefore: new Date(now.getTime() - this.staleClaimMs),
    });
    if (claimed.length === 0) return 0;
    const heartbeat = this.renewWhileRunning(claimed.map(c => c.id));
    // Alerts whose outcome is recorded, or whose action touched a cluster:
    // neither may be given back for another run.
    const settled = new Set<number>();
    try {
      const history = await store.railHistory(
        new Date(now.getTime() - this.historyMs()),
      );
      const killSwitch = await this.options.killSwitch.enabled();
      // Verification comes minutes after an action, so the batch's one
      // count is as current as any.
      const outcomes = await store.actionOutcomes();
      const items: ProcessedAlert[] = [];
      for (const alert of claimed) {
        const item = await this.process(alert, history, killSwitch, outcomes);
        if (ACTED.has(item.attempt.status)) {
          // Recorded at once: a later failure in the batch must not lose
          // the record of a change made to a cluster, nor repeat it.
          settled.add(alert.id);
          await this.recordActed(item);
        } else {
          items.push(item);
        }
      }
      await store.completeAlerts(instanceId, items, this.now());
    } catch (error) {
      await store.releaseAlerts(
        instanceId,
        claimed.map(c => c.id).filter(id => !settled.has(id)),
      );
      throw error;
    } finally {
      heartbeat.stop();
    }
    return claimed.length;
  }

  /** Renews the claims of a batch until stopped. */
  private renewWhileRunning(ids: number[]): { stop(): void } {
    const { store, instanceId, logger } = this.options;
    const timer = setInterval(() => {
      store
        .renewClaims(instanceId, ids, this.now())
        .catch(error =>
          logger.warn(
            `healing instance ${instanceId} could not renew its claims of ${ids.length} alerts: ${error}`,
          ),
        );
    }, Math.max(1, Math.floor(this.staleClaimMs / RENEWALS_PER_STALE)));
    return { stop: () => clearInterval(timer) };
  }

  /**
   * Stores an attempt whose action was carried out, retrying; if the store
   * keeps failing, the attempt is kept in memory, so the alert is not acted
   * on again when it comes back, and logged whole, so it is not lost.
   */
  private async recordActed(item: ProcessedAlert): Promise<void> {
    const { store, instanceId, logger } = this.options;
    for (let tries = 1; ; tries++) {
      try {
        await store.completeAlerts(instanceId, [item], this.now());
        this.unrecorded.delete(item.attempt.id);
        return;
      } catch (error) {
        if (tries >= RECORD_TRIES) {
          this.unrecorded.set(item.attempt.id, item);
          logger.error(
            `healing attempt ${item.attempt.id} was ${
              item.attempt.status
            } on the cluster but could not be stored (${error}); it is kept until the store answers: ${JSON.stringify(
              item.attempt,
            )}`,
          );
          return;
        }
        await new Promise(resolve =>
          setTimeout(resolve, RECORD_RETRY_MS * tries),
        );
      }
    }
  }

  private historyMs(): number {
    const cooldowns = this.options.config.policies.map(p => p.cooldownMs);
    return Math.max(HOUR_MS, ...cooldowns);
  }

  private async process(
    claimed: ClaimedAlert,
    history: RailHistoryEntry[],
    killSwitchOn: boolean,
    outcomes: readonly ActionOutcomeCount[],
  ): Promise<ProcessedAlert> {
    const { clusterState, config, executor, logger, store, killSwitch } =
      this.options;
    const { alert } = claimed;
    const id = attemptIdOf(alert.fingerprint, alert.startsAt);
    // Acted on before, and its record could not be stored then: store it
    // now instead of acting again.
    const pending = this.unrecorded.get(id);
    if (pending) return { ...pending, alertId: claimed.id };
    const resolved = resolveAlertTarget(
      alert,
      clusterState,
      config.clusterLabel,
    );
    const cluster = resolved.cluster;
    const entityRef = resolved.target.entityRef;
    const entityMode =
      entityRef && this.options.entityModes
        ? await this.options.entityModes.of(entityRef)
        : undefined;
    const now = this.now();
    const result = await runHealingPipeline(
      {
        id,
        now,
        alert,
        target: resolved.target,
        unmatchedReason: resolved.unmatchedReason,
        pod: resolved.pod,
        view: cluster?.store,
        workload: resolved.workload,
        cluster: cluster?.status(),
        neighbours:
          cluster && resolved.workload
            ? this.neighbours.of(cluster, resolved.workload)
            : [],
        policies: config.policies,
        killSwitch: killSwitchOn,
        budgets: config.budgets,
        // An intent of this very attempt is for the last check to name.
        history: history.filter(h => h.attemptId !== id),
        outcomes,
        entityMode,
        choiceSeed: this.options.choiceSeed?.(alert),
      },
      {
        series: this.featureSeries(cluster),
        apply: cluster ? plan => executor.apply(cluster, plan) : undefined,
        lastCheck: (_plan, policy) =>
          lastCheckBeforeAction(
            {
              store,
              killSwitch,
              budgets: config.budgets,
              owner: this.options.instanceId,
            },
            { attemptId: id, target: resolved.target, policy, now },
          ),
      },
    );
    const { policy } = result;
    // Stored, served and logged from here on: no credential of the cluster's.
    const attempt = redactAttempt(result.attempt);
    if (attempt.status === 'applied' || attempt.status === 'failed') {
      history.push({
        target: attempt.target,
        status: attempt.status,
        at: now,
        attemptId: id,
      });
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
