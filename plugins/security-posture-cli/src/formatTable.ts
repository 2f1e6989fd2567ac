import {
  AuditReport,
  ReportFinding,
  SEVERITIES,
} from '@cloud-native-platform/plugin-security-posture-common';

const WIDTH = 100;
const INDENT = '      ';

/** Breaks text into lines of at most `width` characters at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = '';
    }
    // A word longer than the width (an image reference) is cut hard.
    let rest = word;
    while (!line && rest.length > width) {
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    line = line ? `${line} ${rest}` : rest;
  }
  if (line) lines.push(line);
  return lines;
}

function resourceText(resource: ReportFinding['resource']): string {
  const where = `${resource.kind} ${
    resource.namespace ? `${resource.namespace}/` : ''
  }${resource.name}`;
  return resource.container ? `${where} [${resource.container}]` : where;
}

function findingLines(finding: ReportFinding): string[] {
  const head = `${finding.checkId} ${resourceText(finding.resource)}`;
  const lines = wrap(head, WIDTH - 2).map((line, index) =>
    index === 0 ? `  ${line}` : `${INDENT}${line}`,
  );
  for (const line of wrap(finding.message, WIDTH - INDENT.length)) {
    lines.push(`${INDENT}${line}`);
  }
  if (finding.excepted) {
    const { reason, owner, expires } = finding.excepted;
    for (const line of wrap(
      `excepted: ${reason} (${owner}, until ${expires})`,
      WIDTH - INDENT.length,
    )) {
      lines.push(`${INDENT}${line}`);
    }
  }
  return lines;
}

function meshCoverageLine(coverage: AuditReport['meshCoverage']): string {
  if (coverage.ratio === null) {
    return 'Mesh coverage: no workload to cover';
  }
  return `Mesh coverage: ${Math.round(coverage.ratio * 100)}% (${
    coverage.covered
  } of ${
    coverage.total
  } workloads with sidecar, STRICT mTLS, AuthorizationPolicy)`;
}

/**
 * The report as text for a terminal or CI log, at most 100 columns wide:
 * score, counts and mesh coverage, then the findings that count grouped by
 * severity, then the excepted ones.
 */
export function formatTable(report: AuditReport, files: number): string {
  const counted = report.findings.filter(f => !f.excepted);
  const excepted = report.findings.filter(f => f.excepted);
  const lines = [
    `Security posture audit: ${report.resources.length} resources scored from ${
      report.documents
    } documents in ${files} file${files === 1 ? '' : 's'}`,
    '',
    `Score: ${report.score}/100`,
    `Findings: ${SEVERITIES.map(s => `${s} ${report.counts[s]}`).join(
      ', ',
    )}; excepted ${report.exceptedCount}`,
    meshCoverageLine(report.meshCoverage),
  ];
  for (const severity of SEVERITIES) {
    const group = counted.filter(f => f.severity === severity);
    if (group.length === 0) continue;
    lines.push('', `${severity.toUpperCase()} (${group.length})`);
    for (const finding of group) lines.push(...findingLines(finding));
  }
  if (excepted.length > 0) {
    lines.push('', `EXCEPTED (${excepted.length})`);
    for (const finding of excepted) lines.push(...findingLines(finding));
  }
  if (report.penalties.length > 0) {
    lines.push('', 'Costliest checks:');
    for (const line of report.penalties.slice(0, 5)) {
      lines.push(
        `  -${line.penalty} ${line.checkId} (${line.count} ${line.severity})`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
