import type { Entity } from '@backstage/catalog-model';
import { isHealingAvailable } from './isHealingAvailable';

const entity = (annotations?: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'risk-service', annotations },
});

describe('isHealingAvailable', () => {
  it.each([
    ['backstage.io/kubernetes-id', 'risk-service'],
    ['backstage.io/kubernetes-label-selector', 'app=risk-service'],
    ['cloud-native-platform.io/workloads', 'trading/Deployment/risk-service'],
  ])('is true with %s', (key, value) => {
    expect(isHealingAvailable(entity({ [key]: value }))).toBe(true);
  });

  it('is false without a workload annotation or with a blank one', () => {
    expect(isHealingAvailable(entity())).toBe(false);
    expect(
      isHealingAvailable(entity({ 'backstage.io/kubernetes-id': '  ' })),
    ).toBe(false);
    expect(
      isHealingAvailable(entity({ 'backstage.io/techdocs-ref': 'dir:.' })),
    ).toBe(false);
  });
});
