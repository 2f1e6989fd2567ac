import { Entity } from '@backstage/catalog-model';
import { isPlatformMaturityAvailable } from './isPlatformMaturityAvailable';

function component(annotations?: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'trading-engine', annotations },
  };
}

describe('isPlatformMaturityAvailable', () => {
  it.each([
    ['backstage.io/kubernetes-id', 'trading-engine'],
    ['backstage.io/kubernetes-label-selector', 'app=trading-engine'],
    ['cloud-native-platform.io/workloads', 'trading/StatefulSet/ledger-db'],
  ])('is available with %s', (annotation, value) => {
    expect(
      isPlatformMaturityAvailable(component({ [annotation]: value })),
    ).toBe(true);
  });

  it('is not available without a workload annotation', () => {
    expect(isPlatformMaturityAvailable(component())).toBe(false);
    expect(
      isPlatformMaturityAvailable(
        component({
          'backstage.io/kubernetes-namespace': 'trading',
          'backstage.io/kubernetes-id': ' ',
        }),
      ),
    ).toBe(false);
  });
});
