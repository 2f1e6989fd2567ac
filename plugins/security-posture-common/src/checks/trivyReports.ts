import type {
  KubeKinds,
  TrivyVulnerability,
  TrivyVulnerabilityReportData,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { KubeObject, asArray } from '../kube';
import { Severity } from '../types';
import { Check, Hit } from './check';
import { ClusterIndex, ObjectRef, controllerOf } from './clusterIndex';
import { ReportedResult, hitsOnControllers } from './hitsOnControllers';

const TRIVY_GROUP = 'aquasecurity.github.io/';
const APPLICATION_SECURITY = 'Upgrading and application security practices';
const BANDS = ['critical', 'high', 'medium', 'low'] as const;
type Band = (typeof BANDS)[number];
type TrivyKind =
  | 'VulnerabilityReport'
  | 'ConfigAuditReport'
  | 'ClusterConfigAuditReport';
// Enough for a reader to look the worst ones up, short enough for a table.
const LISTED_IDS = 3;

function isTrivy<K extends TrivyKind>(
  object: KubeObject,
  ...kinds: K[]
): object is KubeObject & KubeKinds[K] {
  return (
    (kinds as string[]).includes(object.kind) &&
    (object.apiVersion ?? '').startsWith(TRIVY_GROUP)
  );
}

/**
 * The workload and container a Trivy Operator report is about: its
 * `trivy-operator.resource.*` labels, else its owner (the operator makes the
 * scanned object own the report).
 */
function subjectOf(
  report: KubeObject,
  index: ClusterIndex,
): { resource: ObjectRef; container?: string } {
  const labels = report.metadata.labels ?? {};
  const owner =
    report.metadata.ownerReferences?.find(ref => ref.controller) ??
    report.metadata.ownerReferences?.[0];
  const kind = labels['trivy-operator.resource.kind'] ?? owner?.kind;
  const name = labels['trivy-operator.resource.name'] ?? owner?.name;
  const namespace =
    labels['trivy-operator.resource.namespace'] ?? report.metadata.namespace;
  const container = labels['trivy-operator.container.name'];
  const ref: ObjectRef =
    kind && name
      ? { kind, ...(namespace && { namespace }), name }
      : {
          kind: report.kind,
          ...(report.metadata.namespace && {
            namespace: report.metadata.namespace,
          }),
          name: report.metadata.name,
        };
  return {
    resource: controllerOf(index, ref),
    ...(container && { container }),
  };
}

function imageOf(report: TrivyVulnerabilityReportData | undefined): string {
  const artifact = report?.artifact ?? {};
  const server = report?.registry?.server;
  const repository = [server, artifact.repository].filter(Boolean).join('/');
  if (artifact.tag) {
    return `${repository}:${artifact.tag}`;
  }
  return artifact.digest
    ? `${repository}@${artifact.digest}`
    : repository || 'the image';
}

function isFixable(vulnerability: TrivyVulnerability | undefined): boolean {
  return String(vulnerability?.fixedVersion ?? '').trim() !== '';
}

function bandMessage(
  report: TrivyVulnerabilityReportData | undefined,
  band: Band,
): string | undefined {
  const found = asArray(report?.vulnerabilities).filter(
    v => String(v?.severity ?? '').toLowerCase() === band,
  );
  const image = imageOf(report);
  if (found.length === 0) {
    // Reports stored without their list still carry the counts.
    const count = Number(report?.summary?.[`${band}Count` as const] ?? 0);
    return count > 0
      ? `image ${image} has ${count} ${band} ${
          count === 1 ? 'vulnerability' : 'vulnerabilities'
        } (fixability unknown)`
      : undefined;
  }
  const fixable = found.filter(isFixable).length;
  // Fixable ones first: they are what the team can act on today.
  const ids = [
    ...new Set(
      [...found]
        .sort(
          (a, b) =>
            Number(isFixable(b)) - Number(isFixable(a)) ||
            Number(b?.score ?? 0) - Number(a?.score ?? 0) ||
            String(a?.vulnerabilityID).localeCompare(
              String(b?.vulnerabilityID),
            ),
        )
        .map(v => String(v?.vulnerabilityID ?? '?')),
    ),
  ];
  const listed =
    ids.slice(0, LISTED_IDS).join(', ') +
    (ids.length > LISTED_IDS ? ', …' : '');
  return `image ${image} has ${found.length} ${band} ${
    found.length === 1 ? 'vulnerability' : 'vulnerabilities'
  }, ${fixable} fixable: ${listed}`;
}

function vulnerabilityCheck(band: Band): Check {
  return {
    definition: {
      id: `image-vulnerabilities-${band}`,
      title: `${band[0].toUpperCase()}${band.slice(1)} image vulnerabilities`,
      severity: band,
      category: 'external',
      description: `Trivy Operator found ${band}-severity CVEs in an image the workload runs. One finding per scanned container; the message counts how many have a fixed version.`,
      remediation:
        'Rebuild the image on a patched base and upgrade the listed packages to their fixed versions; for CVEs without a fix, assess exposure and record an exception.',
      references: { nsa: APPLICATION_SECURITY },
    },
    object(object, { index }) {
      if (!isTrivy(object, 'VulnerabilityReport')) {
        return [];
      }
      const message = bandMessage(object.report, band);
      if (!message) {
        return [];
      }
      const hit: Hit = { message, ...subjectOf(object, index) };
      return [hit];
    },
  };
}

const CHECK_SEVERITY: Record<string, Severity> = {
  CRITICAL: 'critical',
  HIGH: 'high',
  MEDIUM: 'medium',
  LOW: 'low',
};

/** Trivy Operator checks: image vulnerabilities and configuration audits. */
export const trivyChecks: Check[] = [
  ...BANDS.map(vulnerabilityCheck),
  {
    definition: {
      id: 'config-audit-failure',
      title: 'Trivy configuration audit failure',
      severity: 'medium',
      category: 'external',
      description:
        "A ConfigAuditReport of Trivy Operator has a failed check (KSV…) for the resource. Severity is the check's own.",
      remediation:
        'Apply the remediation of the Trivy check named in the message.',
      references: {},
    },
    object(object, { index }) {
      if (!isTrivy(object, 'ConfigAuditReport', 'ClusterConfigAuditReport')) {
        return [];
      }
      const { resource } = subjectOf(object, index);
      const results: ReportedResult[] = [];
      for (const check of asArray(object.report?.checks)) {
        if (check?.success !== false) {
          continue;
        }
        const messages = asArray(check.messages).map(String);
        const id = String(check.checkID ?? check.id ?? '?');
        results.push({
          ref: resource,
          severity:
            CHECK_SEVERITY[String(check.severity).toUpperCase()] ?? 'info',
          key: id,
          message:
            `${id} ${check.title ?? ''}`.trim() +
            (messages.length > 0 ? `: ${messages.join('; ')}` : ''),
        });
      }
      return hitsOnControllers(results, index);
    },
  },
];
