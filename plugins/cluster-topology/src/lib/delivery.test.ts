import { statusColors } from '@cloud-native-platform/plugin-cloud-native-react';
import { deliveryBadge, deliveryColor, describeDelivery } from './delivery';

describe('delivery badge', () => {
  it('shows the canary weight in the colour of the worst state', () => {
    expect(
      deliveryBadge({
        rolloutPhase: 'Paused',
        canaryWeight: 50,
        step: 3,
        totalSteps: 5,
      }),
    ).toEqual({ label: '50%', color: statusColors.degraded });
    expect(
      deliveryBadge({
        syncStatus: 'Synced',
        health: 'Degraded',
        canaryWeight: 100,
      }),
    ).toEqual({ label: 'CD', color: statusColors.failing });
    expect(deliveryBadge({ syncStatus: 'Synced', health: 'Healthy' })).toEqual({
      label: 'CD',
      color: statusColors.healthy,
    });
  });

  it('falls back to the pipeline run, and to nothing', () => {
    expect(deliveryBadge({ pipelineStatus: 'Failed' })).toEqual({
      label: 'CI',
      color: statusColors.failing,
    });
    expect(deliveryBadge({})).toBeUndefined();
    expect(deliveryBadge(undefined)).toBeUndefined();
    expect(deliveryColor('SomethingNew')).toBe(statusColors.unknown);
  });

  it('describes a delivery in one line', () => {
    expect(
      describeDelivery({
        syncStatus: 'Synced',
        health: 'Healthy',
        selfHeal: true,
        rolloutPhase: 'Paused',
        canaryWeight: 50,
        step: 3,
        totalSteps: 5,
        pipelineStatus: 'Succeeded',
      }),
    ).toBe(
      'Argo CD Synced, Healthy (self-heal) · Rollout Paused canary 50%, step 3/5 · last run Succeeded',
    );
  });
});
