import { Pod } from '@cloud-native-platform/plugin-cloud-native-common';
import { podHealth, summarizePods, workloadHealth } from './podHealth';

// Statuses carry only the fields podHealth reads.
function pod(status: object | undefined): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p' },
    status: status as Pod['status'],
  };
}

const ready = { type: 'Ready', status: 'True' };
const running = (restartCount = 0, waiting?: string) =>
  pod({
    phase: 'Running',
    conditions: waiting ? [] : [ready],
    containerStatuses: [
      {
        name: 'app',
        restartCount,
        state: waiting ? { waiting: { reason: waiting } } : { running: {} },
      },
    ],
  });

describe('podHealth', () => {
  it.each([
    [running(), 'ready'],
    [running(3), 'restarting'],
    [running(14, 'CrashLoopBackOff'), 'crash-looping'],
    [
      pod({
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'False' }],
      }),
      'pending',
    ],
    [pod({ phase: 'Failed' }), 'failed'],
    [pod({ phase: 'Succeeded' }), 'succeeded'],
    [
      pod({
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'False' }],
      }),
      'not-ready',
    ],
    [pod(undefined), 'pending'],
  ])('classifies %j as %s', (p, expected) => {
    expect(podHealth(p)).toBe(expected);
  });

  it('summarizes and rolls up to a workload health', () => {
    const summary = summarizePods([
      running(),
      running(2),
      running(14, 'CrashLoopBackOff'),
    ]);
    expect(summary).toEqual({
      total: 3,
      ready: 2,
      restarting: 1,
      crashLooping: 1,
      pending: 0,
      failed: 0,
      restarts: 16,
    });
    expect(workloadHealth(summary)).toBe('degraded');
    expect(workloadHealth(summarizePods([running(), running()]))).toBe(
      'healthy',
    );
    expect(
      workloadHealth(summarizePods([running(5, 'CrashLoopBackOff')])),
    ).toBe('failing');
    expect(workloadHealth(summarizePods([]))).toBe('idle');
  });
});
