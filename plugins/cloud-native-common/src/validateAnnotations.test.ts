import { ANNOTATIONS } from './annotationCatalog';
import {
  ANNOTATION_CLUSTERS,
  ANNOTATION_HEALING_MODE,
  ANNOTATION_POSTURE_EXCEPTIONS,
  ANNOTATION_RTO,
  ANNOTATION_SLO_AVAILABILITY,
  ANNOTATION_WORKLOADS,
} from './annotations';
import { validateAnnotations } from './validateAnnotations';

describe('validateAnnotations', () => {
  it('accepts every documented example', () => {
    for (const annotation of ANNOTATIONS) {
      expect(annotation.validate(annotation.example)).toBeUndefined();
    }
    const all = Object.fromEntries(ANNOTATIONS.map(a => [a.key, a.example]));
    expect(validateAnnotations(all)).toEqual([]);
  });

  it('ignores annotations that belong to others', () => {
    expect(
      validateAnnotations({
        'backstage.io/techdocs-ref': 'dir:.',
        'github.com/project-slug': 'acme/trading',
      }),
    ).toEqual([]);
  });

  it.each([
    [ANNOTATION_SLO_AVAILABILITY, '100', 'percentage'],
    [ANNOTATION_SLO_AVAILABILITY, 'high', 'percentage'],
    [ANNOTATION_RTO, '15 seconds', 'duration'],
    [ANNOTATION_HEALING_MODE, 'auto', 'enforce, dry-run, disabled'],
    [ANNOTATION_CLUSTERS, 'prod-east,Prod_West', "'Prod_West'"],
    [ANNOTATION_WORKLOADS, 'trading-engine', 'Kind/name'],
    [ANNOTATION_WORKLOADS, 'trading/deployment/engine', 'Kubernetes kind'],
    [ANNOTATION_POSTURE_EXCEPTIONS, '{"check":"x"}', 'JSON array'],
    [
      ANNOTATION_POSTURE_EXCEPTIONS,
      '[{"check":"x","owner":"group:a","expires":"2027-01-01"}]',
      'no reason',
    ],
    [
      ANNOTATION_POSTURE_EXCEPTIONS,
      '[{"check":"x","reason":"r","owner":"group:a","expires":"soon"}]',
      'expiry',
    ],
    [
      'backstage.io/kubernetes-label-selector',
      'app in (a,b',
      'not a label selector term',
    ],
  ])('reports %s=%s', (key, value, fragment) => {
    const problems = validateAnnotations({ [key]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0].key).toBe(key);
    expect(problems[0].message).toContain(fragment);
  });

  it('reports unknown keys under our prefix as likely typos', () => {
    const problems = validateAnnotations({
      'cloud-native-platform.io/cluster': 'prod-east',
    });
    expect(problems).toEqual([
      expect.objectContaining({
        key: 'cloud-native-platform.io/cluster',
        message: expect.stringContaining('cloud-native-platform.io/clusters'),
      }),
    ]);
  });

  it('reports clusters that configuration does not declare', () => {
    const problems = validateAnnotations(
      { [ANNOTATION_CLUSTERS]: 'prod-east-a,prod-north' },
      { knownClusters: ['prod-east-a', 'dr-west'] },
    );
    expect(problems).toEqual([
      {
        key: ANNOTATION_CLUSTERS,
        message:
          'no cluster named prod-north in cloudNativePlatform.clusters (configured: prod-east-a, dr-west)',
      },
    ]);
  });
});
