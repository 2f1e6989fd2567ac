import { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterStateService } from '@cloud-native-platform/plugin-cloud-native-node';
import {
  HealingTarget,
  isPodReady,
  verifyAttempt,
} from '@cloud-native-platform/plugin-healing-common';
import { HealingStore } from '../database/HealingStore';

const MAX_SAMPLES = 30;

/** Whether the target looks healthy now: present, with every pod ready. Undefined when unknown. */
function healthOf(
  clusterState: ClusterStateService,
  target: HealingTarget,
): boolean | undefined {
  const cluster = clusterState.cluster(target.cluster);
  const workload = cluster?.store.get(
    target.kind,
    target.namespace,
    target.name,
  );
  if (!cluster || !workload) return undefined;
  const pods = cluster.store.podsOf(workload);
  return pods.length > 0 && pods.every(isPodReady);
}

/**
 * The verification task: every applied attempt gets a health sample of its
 * target, and once its alert resolved or its window passed, its outcome
 * and MTTR.
 *
 * @public
 */
export async function verifyApplied(options: {
  store: HealingStore;
  clusterState: ClusterStateService;
  logger: LoggerService;
  now?: Date;
  /**
   * Health of a target; by default read from the cluster state now. The
   * demo replay verifies in the past, so it supplies the scenario's health.
   */
  health?: (target: HealingTarget) => boolean | undefined;
}): Promise<number> {
  const { store, clusterState, logger } = options;
  const now = options.now ?? new Date();
  const sample =
    options.health ??
    ((target: HealingTarget) => healthOf(clusterState, target));
  let decided = 0;
  for (const item of await store.attemptsToVerify()) {
    const { attempt } = item;
    const healthy = sample(attempt.target);
    const health =
      healthy === undefined
        ? item.health
        : [...item.health, { at: now, healthy }].slice(-MAX_SAMPLES);
    const result = verifyAttempt({
      now,
      appliedAt: item.appliedAt,
      windowMs: item.verifyWindowSeconds * 1000,
      alert: {
        startsAt: new Date(attempt.alert?.startsAt ?? attempt.createdAt),
        status: item.alertStatus,
        resolvedAt: item.alertEndsAt,
      },
      health,
    });
    if (result.outcome === 'pending') {
      await store.updateAttempt(attempt.id, 'applied', {
        health,
        updatedAt: attempt.updatedAt,
      });
      continue;
    }
    const updated = await store.updateAttempt(attempt.id, 'applied', {
      status: result.outcome,
      reason: result.reason,
      resolvedAt: result.resolvedAt?.toISOString(),
      mttrSeconds: result.mttrSeconds,
      health,
      steps: [
        ...attempt.steps,
        {
          name: 'verification',
          at: now.toISOString(),
          status: 'ok',
          summary: result.reason,
          data: { samples: health.length },
        },
      ],
    });
    if (updated) {
      decided++;
      logger.info(
        `healing attempt ${attempt.id} on ${attempt.target.kind} ${attempt.target.name}: ${result.outcome}`,
      );
    }
  }
  return decided;
}
