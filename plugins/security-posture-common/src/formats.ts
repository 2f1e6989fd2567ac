import { ReportFinding } from './api';
import { checkDefinition } from './report';
import { standardsOf } from './standards';
import { Severity } from './types';

const CSV_COLUMNS = [
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
] as const;

function csvField(value: string | undefined): string {
  let text = value ?? '';
  // Spreadsheets run a cell that starts like a formula; exception reasons
  // and object names come from manifests, so they are neutralised.
  if (/^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Findings as CSV (RFC 4180), one row each, with a header row.
 *
 * Columns: severity, checkId, title, category, cluster, namespace, kind,
 * name, container, message, remediation, excepted (the exception's reason,
 * empty when the finding counts). Cells that a spreadsheet would run as a
 * formula get a leading `'`.
 *
 * @public
 */
export function findingsToCsv(findings: readonly ReportFinding[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const finding of findings) {
    const { resource } = finding;
    const cells: Record<(typeof CSV_COLUMNS)[number], string | undefined> = {
      severity: finding.severity,
      checkId: finding.checkId,
      title: finding.title,
      category: finding.category,
      cluster: resource.cluster,
      namespace: resource.namespace,
      kind: resource.kind,
      name: resource.name,
      container: resource.container,
      message: finding.message,
      remediation: finding.remediation,
      excepted: finding.excepted?.reason,
    };
    rows.push(CSV_COLUMNS.map(column => csvField(cells[column])).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}

const SARIF_LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

// GitHub code scanning ranks security alerts by this CVSS-like number.
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

function ruleName(checkId: string): string {
  return checkId
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map(part => part[0].toUpperCase() + part.slice(1))
    .join('');
}

function qualifiedName(resource: ReportFinding['resource']): string {
  return [resource.kind, resource.namespace, resource.name]
    .filter(part => part !== undefined)
    .join('/');
}

/**
 * Findings as a SARIF 2.1.0 log, one rule per check, for code scanning UIs.
 *
 * Rules are the checks the findings carry, sorted by id; each result names
 * its object as a logical location (`Kind/namespace/name`) and, when
 * `artifactUri` gives one, the file it came from. Excepted findings are
 * results with an external suppression carrying the exception's reason.
 *
 * @public
 */
export function findingsToSarif(
  findings: readonly ReportFinding[],
  options: {
    toolVersion: string;
    artifactUri?: (f: ReportFinding) => string | undefined;
    /** Where the tool is documented; omitted when not given. */
    informationUri?: string;
  },
): object {
  const byId = new Map<string, ReportFinding>();
  for (const finding of findings) {
    if (!byId.has(finding.checkId)) {
      byId.set(finding.checkId, finding);
    }
  }
  const ruleIds = [...byId.keys()].sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const rules = ruleIds.map(id => {
    const first = byId.get(id)!;
    const definition = checkDefinition(id);
    const severity = definition?.severity ?? first.severity;
    return {
      id,
      name: ruleName(id),
      shortDescription: { text: definition?.title ?? first.title },
      fullDescription: {
        text: definition?.description ?? definition?.title ?? first.title,
      },
      help: { text: definition?.remediation ?? first.remediation },
      defaultConfiguration: { level: SARIF_LEVELS[severity] ?? 'warning' },
      properties: {
        category: definition?.category ?? first.category,
        tags: [
          'security',
          'kubernetes',
          definition?.category ?? first.category,
        ],
        'security-severity': SECURITY_SEVERITY[severity] ?? '0.0',
        ...(definition &&
          standardsOf(definition.references).length > 0 && {
            standards: standardsOf(definition.references),
          }),
      },
    };
  });

  const results = findings.map(finding => {
    const { resource } = finding;
    const uri = options.artifactUri?.(finding);
    return {
      ruleId: finding.checkId,
      ruleIndex: ruleIndex.get(finding.checkId)!,
      level: SARIF_LEVELS[finding.severity] ?? 'warning',
      message: { text: finding.message },
      locations: [
        {
          ...(uri !== undefined && {
            physicalLocation: { artifactLocation: { uri } },
          }),
          logicalLocations: [
            {
              name: resource.name,
              fullyQualifiedName: qualifiedName(resource),
              kind: 'resource',
            },
          ],
        },
      ],
      ...(finding.excepted && {
        suppressions: [
          {
            kind: 'external',
            justification: `${finding.excepted.reason} (owner ${finding.excepted.owner}, expires ${finding.excepted.expires})`,
          },
        ],
      }),
      properties: {
        severity: finding.severity,
        ...(resource.cluster !== undefined && { cluster: resource.cluster }),
        ...(resource.container !== undefined && {
          container: resource.container,
        }),
      },
    };
  });

  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cloud-native-platform posture',
            version: options.toolVersion,
            ...(options.informationUri !== undefined && {
              informationUri: options.informationUri,
            }),
            rules,
          },
        },
        results,
      },
    ],
  };
}
