import { generateScaling, replicaBounds } from './scaling';
import { OptionsError } from './OptionsError';

describe('generateScaling', () => {
  const base = { name: 'flash-sale', namespace: 'commerce' };

  it('keeps the PodDisruptionBudget one pod below the HPA minimum', () => {
    for (const minReplicas of [2, 3, 10, 100]) {
      const [hpa, pdb] = generateScaling({
        ...base,
        minReplicas,
        maxReplicas: 200,
      }).map(o => o.toJSON() as any);
      expect(hpa.kind).toBe('HorizontalPodAutoscaler');
      expect(pdb.spec.minAvailable).toBe(minReplicas - 1);
      expect(pdb.spec.minAvailable).toBeLessThan(hpa.spec.minReplicas);
      expect(pdb.spec.selector).toEqual({
        matchLabels: { 'app.kubernetes.io/name': 'flash-sale' },
      });
    }
  });

  it('keeps the HPA floor at two or more and below its ceiling', () => {
    for (const [minReplicas, maxReplicas] of [
      [2, 3],
      [3, 12],
      [100, 5000],
    ]) {
      const [hpa, pdb] = generateScaling({
        ...base,
        minReplicas,
        maxReplicas,
      }).map(o => o.toJSON() as any);
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(hpa.spec.minReplicas).toBeLessThan(hpa.spec.maxReplicas);
      expect(pdb.spec.minAvailable).toBeGreaterThanOrEqual(1);
      expect(pdb.spec.maxUnavailable).toBeUndefined();
    }
  });

  it('scales on CPU and the flash sale orders per second, with policies and windows', () => {
    const objects = generateScaling({
      ...base,
      minReplicas: 100,
      maxReplicas: 5000,
      metric: {
        type: 'External',
        name: 'orders_per_second',
        averageValue: '5000',
        selector: { service: 'flash-sale' },
      },
      behavior: { scaleUpStabilizationSeconds: 60, scaleUpPercent: 200 },
    });
    objects.forEach(o => o.validate());
    const hpa = objects[0].toJSON() as any;
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec.metrics).toEqual([
      {
        type: 'Resource',
        resource: {
          name: 'cpu',
          target: { type: 'Utilization', averageUtilization: 70 },
        },
      },
      {
        type: 'External',
        external: {
          metric: {
            name: 'orders_per_second',
            selector: { matchLabels: { service: 'flash-sale' } },
          },
          target: { type: 'AverageValue', averageValue: '5000' },
        },
      },
    ]);
    expect(hpa.spec.behavior.scaleUp.stabilizationWindowSeconds).toBe(60);
    expect(hpa.spec.behavior.scaleUp.policies[0]).toEqual({
      type: 'Percent',
      value: 200,
      periodSeconds: 15,
    });
    expect(hpa.spec.behavior.scaleDown.stabilizationWindowSeconds).toBe(300);
  });

  it('writes a KEDA ScaledObject instead of the HPA when asked', () => {
    const objects = generateScaling({
      ...base,
      engine: 'keda',
      metric: {
        type: 'External',
        name: 'orders_per_second',
        averageValue: '50',
      },
    });
    expect(objects.map(o => o.kind)).toEqual([
      'ScaledObject',
      'PodDisruptionBudget',
    ]);
    const scaled = objects[0].toJSON() as any;
    expect(scaled.spec.triggers.map((t: any) => t.type)).toEqual([
      'cpu',
      'prometheus',
    ]);
    expect(scaled.spec.triggers[1].metadata.query).toBe(
      'sum(orders_per_second)',
    );
  });

  it('refuses a minimum not below the maximum, naming minReplicas', () => {
    expect(() => replicaBounds(5, 3)).toThrow(
      new OptionsError('minReplicas', '5 is not below maxReplicas (3)'),
    );
    // Equal bounds leave the autoscaler nothing to scale.
    expect(() => replicaBounds(4, 4)).toThrow(
      new OptionsError('minReplicas', '4 is not below maxReplicas (4)'),
    );
    expect(() =>
      generateScaling({
        ...base,
        engine: 'keda',
        minReplicas: 3,
        maxReplicas: 3,
      }),
    ).toThrow(/^minReplicas: /);
    expect(() => replicaBounds(1, 3)).toThrow(/^minReplicas: /);
    expect(() =>
      generateScaling({
        ...base,
        metric: { type: 'Pods', name: 'rps', averageValue: 'lots' },
      }),
    ).toThrow(/^metric.averageValue: /);
  });
});
