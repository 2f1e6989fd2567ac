import { runChecks } from './runChecks';
import { findingsToSarif } from './formats';
import { toReportFindings } from './report';
import { standardsOf } from './standards';
import { deployment } from './testing/fixtures';

describe('standardsOf', () => {
  it('labels every reference in a fixed order', () => {
    expect(
      standardsOf({
        polaris: ['runAsRootAllowed'],
        mitre: 'T1611',
        kubescape: 'C-0013',
        cis: '5.2.6',
        nsa: 'Pod security: non-root containers',
        pss: 'restricted',
      }),
    ).toEqual([
      'PSS restricted',
      'NSA/CISA: Pod security: non-root containers',
      'CIS 5.2.6',
      'Kubescape C-0013',
      'MITRE ATT&CK T1611',
      'Polaris runAsRootAllowed',
    ]);
    expect(standardsOf({})).toEqual([]);
    expect(standardsOf(undefined)).toEqual([]);
  });

  it('names the standards of each finding and of each SARIF rule', () => {
    const root = deployment(pod => (pod.securityContext.runAsNonRoot = false));
    const [finding] = toReportFindings(
      runChecks([root]).filter(f => f.checkId === 'run-as-non-root'),
    );
    expect(finding.standards).toContain('PSS restricted');
    const sarif = findingsToSarif([finding], { toolVersion: '1.0.0' }) as any;
    expect(sarif.runs[0].tool.driver.rules[0].properties.standards).toEqual(
      finding.standards,
    );
    // A check from outside the engine has no standards to name.
    const { checkId, severity, resource, message, remediation } = finding;
    const [external] = toReportFindings([
      {
        checkId: `vendor-${checkId}`,
        severity,
        resource,
        message,
        remediation,
      },
    ]);
    expect(external.standards).toBeUndefined();
  });
});
