import type { TopologyDelivery } from '@cloud-native-platform/plugin-cloud-native-common';
import { statusColors } from '@cloud-native-platform/plugin-cloud-native-react';

/**
 * The colour of an Argo CD sync or health state, a Rollout phase or a
 * pipeline run status, shared by the delivery card and the map's badge.
 */
export function deliveryColor(state: string | undefined): string {
  switch (state) {
    case 'Synced':
    case 'Healthy':
    case 'Succeeded':
    case 'Successful':
      return statusColors.healthy;
    case 'OutOfSync':
    case 'Progressing':
    case 'Paused':
    case 'Running':
    case 'Pending':
    case 'Suspended':
      return statusColors.degraded;
    case 'Degraded':
    case 'Failed':
    case 'Error':
    case 'Missing':
      return statusColors.failing;
    default:
      return statusColors.unknown;
  }
}

const SEVERITY: readonly string[] = [
  statusColors.healthy,
  statusColors.unknown,
  statusColors.degraded,
  statusColors.failing,
];

/**
 * The map's delivery badge of a workload: the canary weight while a
 * Rollout is under way ("50%"), else "CD" for an Argo CD application, in
 * the colour of the worst of its sync, health and rollout phase; "CI" in
 * the colour of the newest pipeline run when that is all there is.
 */
export function deliveryBadge(
  delivery: TopologyDelivery | undefined,
): { label: string; color: string } | undefined {
  if (!delivery) return undefined;
  const states = [
    delivery.syncStatus,
    delivery.health,
    delivery.rolloutPhase,
  ].filter((s): s is string => s !== undefined);
  if (states.length === 0) {
    return delivery.pipelineStatus
      ? { label: 'CI', color: deliveryColor(delivery.pipelineStatus) }
      : undefined;
  }
  const color = states
    .map(deliveryColor)
    .reduce((a, b) => (SEVERITY.indexOf(b) > SEVERITY.indexOf(a) ? b : a));
  const canary =
    delivery.canaryWeight !== undefined && delivery.canaryWeight < 100;
  return { label: canary ? `${delivery.canaryWeight}%` : 'CD', color };
}

/** One line on how a workload is delivered, e.g. "Argo CD Synced, Healthy (self-heal) · canary 50%, step 3/5". */
export function describeDelivery(delivery: TopologyDelivery): string {
  const parts: string[] = [];
  if (delivery.syncStatus || delivery.health) {
    parts.push(
      `Argo CD ${[delivery.syncStatus, delivery.health]
        .filter(Boolean)
        .join(', ')}${delivery.selfHeal ? ' (self-heal)' : ''}`,
    );
  }
  if (delivery.rolloutPhase || delivery.canaryWeight !== undefined) {
    const canary = [
      delivery.canaryWeight !== undefined
        ? `canary ${delivery.canaryWeight}%`
        : undefined,
      delivery.step !== undefined
        ? `step ${delivery.step}/${delivery.totalSteps ?? '?'}`
        : undefined,
    ].filter(Boolean);
    parts.push(
      `Rollout ${delivery.rolloutPhase ?? ''}${
        canary.length ? ` ${canary.join(', ')}` : ''
      }`.trim(),
    );
  }
  if (delivery.pipelineStatus)
    parts.push(`last run ${delivery.pipelineStatus}`);
  return parts.join(' · ');
}
