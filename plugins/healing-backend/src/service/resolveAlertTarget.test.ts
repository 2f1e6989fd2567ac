import { HealingAlert } from '@cloud-native-platform/plugin-healing-common';
import { resolveAlertTarget } from './resolveAlertTarget';
import { testClusterState } from './__testUtils__/fleet';

const alert = (labels: Record<string, string>): HealingAlert => ({
  fingerprint: 'f',
  name: labels.alertname ?? 'PodCrashLooping',
  status: 'firing',
  startsAt: '2026-11-26T10:00:00Z',
  labels,
  annotations: {},
});

describe('resolveAlertTarget', () => {
  const base = {
    alertname: 'KubePodCrashLooping',
    cluster: 'prod-east-b',
    namespace: 'trading',
  };

  it('walks a pod up to its workload and keeps the pod', async () => {
    const state = await testClusterState();
    const resolved = resolveAlertTarget(
      alert({ ...base, pod: 'risk-service-abc-3' }),
      state,
      'cluster',
    );
    expect(resolved.unmatchedReason).toBeUndefined();
    expect(resolved.target).toMatchObject({
      kind: 'Deployment',
      name: 'risk-service',
      entityRef: 'component:default/risk-service',
    });
    expect(resolved.pod).toBe('risk-service-abc-3');
  });

  it('names the workload when its pod is gone, and keeps a pod that is its own', async () => {
    const state = await testClusterState();
    const gone = resolveAlertTarget(
      alert({ ...base, deployment: 'risk-service', pod: 'risk-service-old-1' }),
      state,
      'cluster',
    );
    expect(gone.target).toMatchObject({
      kind: 'Deployment',
      name: 'risk-service',
    });
    expect(gone.pod).toBeUndefined();
    const own = resolveAlertTarget(
      alert({ ...base, deployment: 'risk-service', pod: 'risk-service-abc-1' }),
      state,
      'cluster',
    );
    expect(own.pod).toBe('risk-service-abc-1');
    // Without the workload label, a pod that is gone leaves nothing to act on.
    expect(
      resolveAlertTarget(
        alert({ ...base, pod: 'risk-service-old-1' }),
        state,
        'cluster',
      ).unmatchedReason,
    ).toBe('no Pod trading/risk-service-old-1 in cluster prod-east-b');
  });
});
