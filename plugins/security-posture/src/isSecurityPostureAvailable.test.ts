import { Entity } from '@backstage/catalog-model';
import { isSecurityPostureAvailable } from './isSecurityPostureAvailable';

function component(annotations?: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'trading-engine', annotations },
  };
}

describe('isSecurityPostureAvailable', () => {
  it.each([
    ['backstage.io/kubernetes-id', 'trading-engine'],
    ['backstage.io/kubernetes-label-selector', 'app=trading-engine'],
    ['cloud-native-platform.io/workloads', 'trading/StatefulSet/ledger-db'],
  ])('is available with %s', (annotation, value) => {
    expect(isSecurityPostureAvailable(component({ [annotation]: value }))).toBe(
      true,
    );
  });

  it('is not available without a workload annotation', () => {
    expect(isSecurityPostureAvailable(component())).toBe(false);
    expect(
      isSecurityPostureAvailable(
        component({ 'backstage.io/kubernetes-id': '  ' }),
      ),
    ).toBe(false);
  });
});
