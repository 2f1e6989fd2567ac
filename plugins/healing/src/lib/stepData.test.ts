import {
  refusedRollback,
  riskServiceRestart,
  zoneFailureShift,
} from '../testing/fixtures';
import { decisionOf, flattenData, stepFeatures, stepScores } from './stepData';

describe('step data', () => {
  it('reads features and anomaly scores', () => {
    const [features, detection] = riskServiceRestart.steps;
    expect(stepFeatures(features)).toContainEqual(['restarts_10m', 7]);
    expect(stepScores(detection)).toEqual([
      ['isolationForest', 0.81],
      ['streaming', 0.77],
    ]);
    // A flat record of numbers is taken as the features themselves.
    expect(stepFeatures({ ...features, data: { error_rate: 0.2 } })).toEqual([
      ['error_rate', 0.2],
    ]);
    expect(stepScores({ ...detection, data: 'n/a' })).toBeUndefined();
  });

  it('flattens anything else into dotted keys', () => {
    expect(
      flattenData({
        readyReplicas: 3,
        probes: { http: true, tcp: null },
        pods: ['a', 'b'],
        rollout: [{ revision: 7 }],
      }),
    ).toEqual([
      { key: 'readyReplicas', value: 3 },
      { key: 'probes.http', value: true },
      { key: 'probes.tcp', value: null },
      { key: 'pods', value: 'a, b' },
      { key: 'rollout.0.revision', value: 7 },
    ]);
    expect(flattenData(undefined)).toEqual([]);
    expect(flattenData('plain')).toEqual([{ key: 'value', value: 'plain' }]);
  });

  it('completes the decision with the threshold and rail of its step', () => {
    expect(decisionOf(zoneFailureShift)).toEqual({
      policy: 'shift-traffic-on-zone-failure',
      mode: 'dry-run',
      threshold: 0.9,
      confidence: 0.92,
      rail: undefined,
    });
    expect(decisionOf(refusedRollback)).toMatchObject({
      rail: 'rate-limit',
      threshold: 0.9,
    });
  });
});
