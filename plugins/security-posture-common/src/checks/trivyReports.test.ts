import { KubeObject } from '../kube';
import { findingLines, findingsFor, webWithCopies } from '../testing/fixtures';

const summary = findingLines;
const webCopies = webWithCopies();

function vulnerability(
  id: string,
  severity: string,
  score: number,
  fixedVersion = '',
): any {
  return {
    vulnerabilityID: id,
    severity,
    score,
    fixedVersion,
    resource: 'pkg',
    installedVersion: '1',
  };
}

function vulnerabilityReport(
  vulnerabilities: any[],
  labels = true,
  summaryCounts: any = {},
): KubeObject {
  return {
    apiVersion: 'aquasecurity.github.io/v1alpha1',
    kind: 'VulnerabilityReport',
    metadata: {
      name: 'replicaset-web-5d8f-app',
      namespace: 'shop',
      labels: labels
        ? {
            'trivy-operator.resource.kind': 'ReplicaSet',
            'trivy-operator.resource.name': 'web-5d8f',
            'trivy-operator.resource.namespace': 'shop',
            'trivy-operator.container.name': 'app',
          }
        : {},
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: 'web-5d8f',
          uid: 'web-5d8f',
          controller: true,
        },
      ],
    },
    report: {
      artifact: { repository: 'team/app', tag: '1.2.3' },
      registry: { server: 'registry.example.com' },
      summary: summaryCounts,
      vulnerabilities,
    },
  };
}

describe('image vulnerability checks', () => {
  const report = vulnerabilityReport([
    vulnerability('CVE-2024-0003', 'CRITICAL', 9.1),
    vulnerability('CVE-2024-0001', 'CRITICAL', 9.8, '1.2.4'),
    vulnerability('CVE-2024-0002', 'CRITICAL', 9.8),
    vulnerability('CVE-2024-0004', 'CRITICAL', 9.9, '2.0'),
    vulnerability('CVE-2024-0010', 'LOW', 3.1),
    vulnerability('CVE-2024-0020', 'UNKNOWN', 0),
  ]);

  it.each([
    [
      'image-vulnerabilities-critical',
      'critical Deployment shop/web [app]: image registry.example.com/team/app:1.2.3 has 4 critical vulnerabilities, 2 fixable: CVE-2024-0004, CVE-2024-0001, CVE-2024-0002, …',
    ],
    [
      'image-vulnerabilities-low',
      'low Deployment shop/web [app]: image registry.example.com/team/app:1.2.3 has 1 low vulnerability, 0 fixable: CVE-2024-0010',
    ],
  ])('%s counts the band and lists fixable CVEs first', (id, expected) => {
    expect(summary(id, [...webCopies, vulnerabilityReport([])])).toEqual([]);
    expect(summary(id, [...webCopies, report])).toEqual([expected]);
  });

  it('finds nothing for empty bands', () => {
    expect(
      summary('image-vulnerabilities-high', [...webCopies, report]),
    ).toEqual([]);
    expect(
      summary('image-vulnerabilities-medium', [...webCopies, report]),
    ).toEqual([]);
  });

  it('falls back to the owner and to the summary counts', () => {
    const bare = vulnerabilityReport([], false, { highCount: 2 });
    expect(summary('image-vulnerabilities-high', [...webCopies, bare])).toEqual(
      [
        'high Deployment shop/web: image registry.example.com/team/app:1.2.3 has 2 high vulnerabilities (fixability unknown)',
      ],
    );
  });

  it('stays on the ReplicaSet when the Deployment is not among the objects', () => {
    expect(
      findingsFor('image-vulnerabilities-low', [report])[0].resource,
    ).toEqual({
      kind: 'ReplicaSet',
      namespace: 'shop',
      name: 'web-5d8f',
      container: 'app',
    });
  });
});

describe('config-audit-failure', () => {
  const audit = (checks: any[]): KubeObject => ({
    ...vulnerabilityReport([]),
    kind: 'ConfigAuditReport',
    report: { checks },
  });

  it('reports each failed check with its severity', () => {
    const passed = {
      checkID: 'KSV017',
      title: 'Privileged',
      severity: 'HIGH',
      success: true,
    };
    const failed = {
      checkID: 'KSV014',
      title: 'Root file system is not read-only',
      severity: 'HIGH',
      success: false,
      messages: [
        "Container 'app' should set 'securityContext.readOnlyRootFilesystem' to true",
      ],
    };
    expect(
      summary('config-audit-failure', [...webCopies, audit([passed])]),
    ).toEqual([]);
    expect(
      summary('config-audit-failure', [...webCopies, audit([passed, failed])]),
    ).toEqual([
      "high Deployment shop/web: KSV014 Root file system is not read-only: Container 'app' should set 'securityContext.readOnlyRootFilesystem' to true",
    ]);
  });
});
