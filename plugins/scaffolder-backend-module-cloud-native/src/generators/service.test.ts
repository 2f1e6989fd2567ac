import yaml from 'yaml';
import { buildService, generateService, ServiceOptions } from './service';
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
      new OptionsError('scaling.minReplicas', '5 is not below maxReplicas (3)'),
    );
    expect(() =>
      generateService(
        {
          ...options,
          environments: { staging: { minReplicas: 3, maxReplicas: 3 } },
        },
        'h',
      ),
    ).toThrow(/^environments\.staging\.minReplicas: /);
  });

  it('patches each base object by group, version, kind, name and namespace', () => {
    const files = generateService(options, 'header');
    const overlay = (env: string, file: string) =>
      yaml.parse(files[`kubernetes/overlays/${env}/${file}`]);
    for (const env of ['staging', 'production', 'disaster-recovery']) {
      const kustomization = overlay(env, 'kustomization.yaml');
      expect(kustomization.patches).toEqual([
        {
          path: 'deployment-patch.yaml',
          target: {
            group: 'apps',
            version: 'v1',
            kind: 'Deployment',
            name: 'checkout',
            namespace: 'commerce',
          },
        },
        {
          path: 'horizontalpodautoscaler-patch.yaml',
          target: {
            group: 'autoscaling',
            version: 'v2',
            kind: 'HorizontalPodAutoscaler',
            name: 'checkout',
            namespace: 'commerce',
          },
        },
        {
          path: 'poddisruptionbudget-patch.yaml',
          target: {
            group: 'policy',
            version: 'v1',
            kind: 'PodDisruptionBudget',
            name: 'checkout',
            namespace: 'commerce',
          },
        },
      ]);
      // kustomize matches a patch's own id too: without the namespace of
      // the base's objects it matches none of them and the build fails.
      for (const patch of kustomization.patches) {
        expect(overlay(env, patch.path).metadata).toEqual({
          name: 'checkout',
          namespace: 'commerce',
        });
      }
    }
  });

  it('keeps every environment autoscaling, its disruption budget below the floor', () => {
    for (const scaling of [
      { minReplicas: 2, maxReplicas: 3 },
      { minReplicas: 4, maxReplicas: 40 },
      { minReplicas: 6, maxReplicas: 7 },
    ]) {
      const built = buildService({ ...options, scaling });
      for (const objects of Object.values(built.environments)) {
        const [deployment, hpa, pdb] = objects.map(o => o.toJSON() as any);
        expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
        expect(hpa.spec.minReplicas).toBeLessThan(hpa.spec.maxReplicas);
        expect(deployment.spec.replicas).toBe(hpa.spec.minReplicas);
        expect(pdb.spec.minAvailable).toBe(hpa.spec.minReplicas - 1);
      }
    }
  });

  it('runs the pods at a priority class and spreads them over zones and nodes', () => {
    const pod = (o: Partial<ServiceOptions>) =>
      (buildService({ ...options, ...o }).base.workload[0].toJSON() as any).spec
        .template.spec;
    expect(pod({}).priorityClassName).toBe('cloud-native-service');
    expect(
      pod({ priorityClassName: 'business-critical' }).priorityClassName,
    ).toBe('business-critical');
    expect(() => pod({ priorityClassName: 'system-cluster-critical' })).toThrow(
      /^priorityClassName: 'system-cluster-critical' is a PriorityClass reserved/,
    );
    expect(() => pod({ priorityClassName: 'Gold' })).toThrow(
      /^priorityClassName: 'Gold' is not a DNS-1123 subdomain/,
    );
    expect(
      pod({}).topologySpreadConstraints.map((c: any) => [
        c.topologyKey,
        c.whenUnsatisfiable,
        c.maxSkew,
        c.labelSelector,
      ]),
    ).toEqual([
      [
        'topology.kubernetes.io/zone',
        'DoNotSchedule',
        1,
        { matchLabels: { 'app.kubernetes.io/name': 'checkout' } },
      ],
      [
        'kubernetes.io/hostname',
        'ScheduleAnyway',
        1,
        { matchLabels: { 'app.kubernetes.io/name': 'checkout' } },
      ],
    ]);
    // A zone whose nodes are tainted unreachable is not a domain to keep
    // the skew against.
    expect(pod({}).topologySpreadConstraints[0].nodeTaintsPolicy).toBe('Honor');
  });
});
