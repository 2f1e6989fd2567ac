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

  it('refuses a minimum above the maximum, naming minReplicas', () => {
    expect(() => replicaBounds(5, 3)).toThrow(
      new OptionsError('minReplicas', '5 is above maxReplicas (3)'),
    );
    expect(() => replicaBounds(1, 3)).toThrow(/^minReplicas: /);
    expect(() =>
      generateScaling({
        ...base,
        metric: { type: 'Pods', name: 'rps', averageValue: 'lots' },
      }),
    ).toThrow(/^metric.averageValue: /);
  });
});
