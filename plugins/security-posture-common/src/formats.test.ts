import { ReportFinding } from './api';
import { findingsToCsv, findingsToSarif } from './formats';
import { toReportFindings } from './report';

const findings: ReportFinding[] = toReportFindings([
  {
    checkId: 'run-as-non-root',
    severity: 'high',
    resource: {
      cluster: 'prod-east-a',
      kind: 'Deployment',
      namespace: 'trading',
      name: 'risk-service',
      container: 'risk-service',
    },
    message: 'container risk-service runs as root (runAsUser 0)',
    remediation: 'Set runAsNonRoot: true, "and" a UID',
  },
  {
    checkId: 'cluster-admin-binding',
    severity: 'critical',
    resource: { kind: 'ClusterRoleBinding', name: 'ci' },
    message: 'binds cluster-admin to ServiceAccount platform/ci,\nfor CI',
    remediation: 'Bind a narrower role.',
  },
  {
    checkId: 'cpu-limits-missing',
    severity: 'low',
    resource: { kind: 'Deployment', namespace: 'shop', name: 'web' },
    message: 'container web has no cpu limit',
    remediation: 'Set a limit.',
  },
]);
findings[2].excepted = {
  checkId: 'cpu-limits-missing',
  reason: '=HYPERLINK("http://evil")',
  owner: 'group:default/shop',
  expires: '2027-01-01',
  source: 'workload',
};

/** Splits RFC 4180 text into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

describe('findingsToCsv', () => {
  it('writes a header and one quoted row per finding', () => {
    const csv = findingsToCsv(findings);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([
      'severity',
      'checkId',
      'title',
      'category',
      'cluster',
      'namespace',
      'kind',
      'name',
      'container',
      'message',
      'remediation',
      'excepted',
    ]);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual([
      'high',
      'run-as-non-root',
      'Running as root',
      'pod-security',
      'prod-east-a',
      'trading',
      'Deployment',
      'risk-service',
      'risk-service',
      'container risk-service runs as root (runAsUser 0)',
      'Set runAsNonRoot: true, "and" a UID',
      '',
    ]);
    expect(rows[2][9]).toBe(
      'binds cluster-admin to ServiceAccount platform/ci,\nfor CI',
    );
    expect(rows[2][4]).toBe('');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(parseCsv(findingsToCsv(findings))[3][11]).toBe(
      `'=HYPERLINK("http://evil")`,
    );
  });
});

// The properties the SARIF 2.1.0 schema requires, and the enumerations it
// restricts, for the parts of the log this tool writes.
function expectValidSarif(log: any) {
  expect(log.version).toBe('2.1.0');
  expect(typeof log.$schema).toBe('string');
  expect(Array.isArray(log.runs)).toBe(true);
  for (const run of log.runs) {
    const driver = run.tool.driver;
    expect(typeof driver.name).toBe('string');
    const ids = driver.rules.map((rule: any) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of driver.rules) {
      expect(typeof rule.id).toBe('string');
      for (const key of ['shortDescription', 'fullDescription', 'help']) {
        expect(typeof rule[key].text).toBe('string');
      }
      expect(['none', 'note', 'warning', 'error']).toContain(
        rule.defaultConfiguration.level,
      );
    }
    for (const result of run.results) {
      expect(typeof result.message.text).toBe('string');
      expect(['none', 'note', 'warning', 'error']).toContain(result.level);
      expect(driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      for (const location of result.locations) {
        const uri = location.physicalLocation?.artifactLocation?.uri;
        if (location.physicalLocation) {
          expect(typeof uri).toBe('string');
          expect(uri).not.toMatch(/[\s\\]/);
        }
        for (const logical of location.logicalLocations ?? []) {
          expect(typeof logical.fullyQualifiedName).toBe('string');
        }
      }
      for (const suppression of result.suppressions ?? []) {
        expect(['inSource', 'external']).toContain(suppression.kind);
      }
    }
  }
}

describe('findingsToSarif', () => {
  const log: any = findingsToSarif(findings, {
    toolVersion: '0.1.0',
    artifactUri: f =>
      f.resource.kind === 'Deployment' ? 'deploy/app%20one.yaml' : undefined,
  });

  it('is a valid SARIF 2.1.0 log', () => {
    expectValidSarif(log);
    expect(JSON.parse(JSON.stringify(log))).toEqual(log);
  });

  it('describes one rule per check', () => {
    const { driver } = log.runs[0].tool;
    expect(driver).toMatchObject({
      name: 'cloud-native-platform posture',
      version: '0.1.0',
    });
    expect(driver.informationUri).toBeUndefined();
    expect(driver.rules.map((r: any) => r.id)).toEqual([
      'cluster-admin-binding',
      'cpu-limits-missing',
      'run-as-non-root',
    ]);
    expect(driver.rules[2]).toMatchObject({
      name: 'RunAsNonRoot',
      shortDescription: { text: 'Running as root' },
      defaultConfiguration: { level: 'error' },
      properties: { category: 'pod-security' },
    });
    expect(driver.rules[2].properties.tags).toContain('pod-security');
  });

  it('maps severities, locations and exceptions onto results', () => {
    const [root, binding, limits] = log.runs[0].results;
    expect(root.level).toBe('error');
    expect(limits.level).toBe('note');
    expect(root.locations[0]).toEqual({
      physicalLocation: { artifactLocation: { uri: 'deploy/app%20one.yaml' } },
      logicalLocations: [
        {
          name: 'risk-service',
          fullyQualifiedName: 'Deployment/trading/risk-service',
          kind: 'resource',
        },
      ],
    });
    expect(binding.locations[0].physicalLocation).toBeUndefined();
    expect(binding.locations[0].logicalLocations[0].fullyQualifiedName).toBe(
      'ClusterRoleBinding/ci',
    );
    expect(root.suppressions).toBeUndefined();
    expect(limits.suppressions).toEqual([
      {
        kind: 'external',
        justification: expect.stringContaining('=HYPERLINK'),
      },
    ]);
  });

  it('writes an empty run for no findings', () => {
    const empty: any = findingsToSarif([], { toolVersion: '1' });
    expectValidSarif(empty);
    expect(empty.runs[0].results).toEqual([]);
  });
});
