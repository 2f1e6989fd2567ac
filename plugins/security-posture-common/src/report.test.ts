import { ReportFinding } from './api';
import { EXPIRED_EXCEPTION_CHECK } from './exceptions';
import { checkDefinition, summarizeFindings, toReportFindings } from './report';
import { CHECKS } from './runChecks';
import { Finding, Severity } from './types';

function finding(
  checkId: string,
  severity: Severity,
  name: string,
  cluster = 'prod-east-a',
): Finding {
  return {
    checkId,
    severity,
    resource: { cluster, kind: 'Deployment', namespace: 'shop', name },
    message: `${checkId} on ${name}`,
    remediation: 'fix it',
  };
}

describe('checkDefinition', () => {
  it('knows the engine checks and the expired-exception check', () => {
    expect(checkDefinition(CHECKS[0].id)).toBe(CHECKS[0]);
    expect(checkDefinition(EXPIRED_EXCEPTION_CHECK.id)).toBe(
      EXPIRED_EXCEPTION_CHECK,
    );
    expect(checkDefinition('no-such-check')).toBeUndefined();
  });
});

describe('toReportFindings', () => {
  it('adds title and category, filing unknown checks as external', () => {
    const [known, unknown] = toReportFindings([
      finding('run-as-non-root', 'high', 'web'),
      finding('kyverno-require-labels', 'medium', 'web'),
    ]);
    expect(known).toMatchObject({
      title: 'Running as root',
      category: 'pod-security',
    });
    expect(unknown).toMatchObject({
      title: 'kyverno-require-labels',
      category: 'external',
    });
  });
});

describe('summarizeFindings', () => {
  const excepted: ReportFinding['excepted'] = {
    checkId: 'privileged-container',
    reason: 'node agent',
    owner: 'group:default/platform',
    expires: '2027-01-01',
    source: 'workload',
  };

  it('rolls per-resource scores up, a clean resource scoring 100', () => {
    const findings = toReportFindings([
      finding('run-as-non-root', 'high', 'web'),
      finding('host-ports', 'medium', 'web'),
      finding('privileged-container', 'critical', 'agent'),
    ]);
    findings[2].excepted = excepted;
    const summary = summarizeFindings(findings, [
      {
        cluster: 'prod-east-a',
        kind: 'Deployment',
        namespace: 'shop',
        name: 'web',
      },
      {
        cluster: 'prod-east-a',
        kind: 'Deployment',
        namespace: 'shop',
        name: 'agent',
      },
      {
        cluster: 'prod-east-a',
        kind: 'Deployment',
        namespace: 'shop',
        name: 'clean',
      },
    ]);
    // web 100 - 10 - 4 = 86, agent 100 (excepted), clean 100.
    expect(summary.resources.map(r => [r.resource.name, r.score])).toEqual([
      ['agent', 100],
      ['clean', 100],
      ['web', 86],
    ]);
    expect(summary.score).toBe(Math.round((86 + 100 + 100) / 3));
    expect(summary.counts).toEqual({
      critical: 0,
      high: 1,
      medium: 1,
      low: 0,
      info: 0,
    });
    expect(summary.exceptedCount).toBe(1);
    expect(summary.penalties).toEqual([
      { checkId: 'run-as-non-root', severity: 'high', count: 1, penalty: 10 },
      { checkId: 'host-ports', severity: 'medium', count: 1, penalty: 4 },
    ]);
    expect(summary.findings.map(f => f.checkId)).toEqual([
      'privileged-container',
      'run-as-non-root',
      'host-ports',
    ]);
    expect(Date.parse(summary.generatedAt)).not.toBeNaN();
  });

  it('weighs clusters by their number of resources', () => {
    const summary = summarizeFindings(
      toReportFindings([finding('privileged-container', 'critical', 'a', 'x')]),
      [
        { cluster: 'x', kind: 'Deployment', namespace: 'shop', name: 'a' },
        { cluster: 'y', kind: 'Deployment', namespace: 'shop', name: 'b' },
        { cluster: 'y', kind: 'Deployment', namespace: 'shop', name: 'c' },
        { cluster: 'y', kind: 'Deployment', namespace: 'shop', name: 'd' },
      ],
    );
    expect(summary.score).toBe(Math.round((75 + 3 * 100) / 4));
  });

  it('scores nothing checked as 100', () => {
    expect(summarizeFindings([], []).score).toBe(100);
  });

  it('does not reorder its input', () => {
    const findings = toReportFindings([
      finding('host-ports', 'medium', 'web'),
      finding('run-as-non-root', 'high', 'web'),
    ]);
    summarizeFindings(findings, []);
    expect(findings[0].checkId).toBe('host-ports');
  });
});
