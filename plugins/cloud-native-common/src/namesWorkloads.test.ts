import { Entity } from '@backstage/catalog-model';
import { namesWorkloads } from './namesWorkloads';

function component(annotations?: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'trading-engine', annotations },
  };
}

describe('namesWorkloads', () => {
  it.each([
    ['backstage.io/kubernetes-id', 'trading-engine'],
    ['backstage.io/kubernetes-label-selector', 'app=trading-engine'],
    ['cloud-native-platform.io/workloads', 'trading/StatefulSet/ledger-db'],
  ])('is true with %s', (annotation, value) => {
    expect(namesWorkloads(component({ [annotation]: value }))).toBe(true);
  });

  it('is false without a workload annotation or with a blank one', () => {
    expect(namesWorkloads(component())).toBe(false);
    expect(
      namesWorkloads(
        component({
          'backstage.io/kubernetes-namespace': 'trading',
          'backstage.io/kubernetes-id': ' ',
        }),
      ),
    ).toBe(false);
  });
});
