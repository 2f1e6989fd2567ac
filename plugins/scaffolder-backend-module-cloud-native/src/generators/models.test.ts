import { modelClassFor } from './models';

describe('modelClassFor', () => {
  it('finds the model of each package by apiVersion and kind', () => {
    for (const [apiVersion, kind] of [
      ['v1', 'Namespace'],
      ['apps/v1', 'Deployment'],
      ['policy/v1', 'PodDisruptionBudget'],
      ['networking.istio.io/v1', 'VirtualService'],
      ['security.istio.io/v1', 'PeerAuthentication'],
      ['monitoring.coreos.com/v1', 'PrometheusRule'],
      ['keda.sh/v1alpha1', 'ScaledObject'],
    ]) {
      const Model = modelClassFor(apiVersion, kind);
      expect(Model).toBeDefined();
      expect(new Model!({ metadata: { name: 'a' } }).kind).toBe(kind);
    }
  });

  it('validates against the schema', () => {
    const Model = modelClassFor('policy/v1', 'PodDisruptionBudget')!;
    expect(() =>
      new Model({
        metadata: { name: 'a' },
        spec: { minAvailable: [] },
      }).validate(),
    ).toThrow();
  });

  it('has none for an unknown kind or a name that is not one', () => {
    expect(modelClassFor('apps/v1', 'Deploymint')).toBeUndefined();
    expect(modelClassFor('example.com/v1', 'Widget')).toBeUndefined();
    expect(modelClassFor('../../v1', 'Namespace')).toBeUndefined();
    expect(modelClassFor('v1', '../Namespace')).toBeUndefined();
  });
});
