import { Entity } from '@backstage/catalog-model';
import { isSloAvailable } from './isSloAvailable';

function entity(kind: string, annotations?: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'trading-engine', annotations },
  };
}

describe('isSloAvailable', () => {
  it.each([
    ['cloud-native-platform.io/slo-availability', '99.99'],
    ['cloud-native-platform.io/slo-latency-p99-ms', '95'],
    ['cloud-native-platform.io/slo', 'availability: 99.9'],
    ['backstage.io/kubernetes-id', 'trading-engine'],
    ['backstage.io/kubernetes-label-selector', 'app=trading-engine'],
    ['cloud-native-platform.io/workloads', 'trading/Deployment/trading-engine'],
  ])('is available on a component with %s', (annotation, value) => {
    expect(isSloAvailable(entity('Component', { [annotation]: value }))).toBe(
      true,
    );
  });

  it('is not available without an SLO or workload annotation', () => {
    expect(isSloAvailable(entity('Component'))).toBe(false);
    expect(
      isSloAvailable(
        entity('Component', {
          'backstage.io/kubernetes-namespace': 'trading',
          'cloud-native-platform.io/slo-availability': ' ',
          'cloud-native-platform.io/slow-start': 'true',
        }),
      ),
    ).toBe(false);
  });

  it('is not available on other kinds', () => {
    expect(
      isSloAvailable(
        entity('System', { 'cloud-native-platform.io/slo-availability': '99' }),
      ),
    ).toBe(false);
  });
});
