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
