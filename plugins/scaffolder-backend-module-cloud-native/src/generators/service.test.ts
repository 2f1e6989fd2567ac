import { generateService, ServiceOptions } from './service';
import { OptionsError } from './OptionsError';

const options: ServiceOptions = {
  name: 'checkout',
  namespace: 'commerce',
  image: 'registry.example.com/commerce/checkout:1.0.0',
  owner: 'group:default/commerce-team',
  callers: ['sa:commerce/storefront', 'ns:istio-system'],
  slo: { availability: 99.9, latency: { thresholdMs: 300 } },
};

describe('generateService', () => {
  it('lays out base, overlays and catalog-info', () => {
    const files = generateService(options, 'header');
    expect(Object.keys(files)).toEqual([
      'catalog-info.yaml',
      'kubernetes/base/kustomization.yaml',
      'kubernetes/base/mesh.yaml',
      'kubernetes/base/monitoring.yaml',
      'kubernetes/base/namespace.yaml',
      'kubernetes/base/scaling.yaml',
      'kubernetes/base/security.yaml',
      'kubernetes/base/workload.yaml',
      'kubernetes/overlays/disaster-recovery/deployment-patch.yaml',
      'kubernetes/overlays/disaster-recovery/horizontalpodautoscaler-patch.yaml',
      'kubernetes/overlays/disaster-recovery/kustomization.yaml',
      'kubernetes/overlays/disaster-recovery/poddisruptionbudget-patch.yaml',
      'kubernetes/overlays/production/deployment-patch.yaml',
      'kubernetes/overlays/production/horizontalpodautoscaler-patch.yaml',
      'kubernetes/overlays/production/kustomization.yaml',
      'kubernetes/overlays/production/poddisruptionbudget-patch.yaml',
      'kubernetes/overlays/staging/deployment-patch.yaml',
      'kubernetes/overlays/staging/horizontalpodautoscaler-patch.yaml',
      'kubernetes/overlays/staging/kustomization.yaml',
      'kubernetes/overlays/staging/poddisruptionbudget-patch.yaml',
    ]);
  });

  it('names the field of a bad option', () => {
    expect(() =>
      generateService(
        { ...options, scaling: { minReplicas: 5, maxReplicas: 3 } },
        'h',
      ),
    ).toThrow(
      new OptionsError('scaling.minReplicas', '5 is above maxReplicas (3)'),
    );
  });
});
