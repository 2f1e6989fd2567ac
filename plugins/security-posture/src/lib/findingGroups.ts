import {
  SEVERITIES,
  type CheckCategory,
  type ReportFinding,
  type Severity,
} from '@cloud-native-platform/plugin-security-posture-common';

/** Which findings a findings view shows; empty lists and unset values mean all. */
export interface FindingFilter {
  severities: Severity[];
  category?: CheckCategory;
  cluster?: string;
  checkId?: string;
  /** Excepted findings cost nothing, so they are hidden unless asked for. */
  showExcepted: boolean;
}

/** The filter a findings view starts with. */
export const defaultFindingFilter: FindingFilter = {
  severities: [],
  showExcepted: false,
};

/** The findings that pass the filter, in their original order. */
export function filterFindings(
  findings: readonly ReportFinding[],
  filter: FindingFilter,
): ReportFinding[] {
  return findings.filter(
    f =>
      (filter.showExcepted || !f.excepted) &&
      (filter.severities.length === 0 ||
        filter.severities.includes(f.severity)) &&
      (!filter.category || f.category === filter.category) &&
      (!filter.cluster || f.resource.cluster === filter.cluster) &&
      (!filter.checkId || f.checkId === filter.checkId),
  );
}

/** The findings of one check. */
export interface FindingGroup {
  checkId: string;
  title: string;
  severity: Severity;
  category: CheckCategory;
  /** The remediation of the check, as its first finding gives it. */
  remediation: string;
  findings: ReportFinding[];
  exceptedCount: number;
}

/** Findings grouped by check: worst severity first, then most findings. */
export function groupFindingsByCheck(
  findings: readonly ReportFinding[],
): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    let group = groups.get(finding.checkId);
    if (!group) {
      group = {
        checkId: finding.checkId,
        title: finding.title,
        severity: finding.severity,
        category: finding.category,
        remediation: finding.remediation,
        findings: [],
        exceptedCount: 0,
      };
      groups.set(finding.checkId, group);
    }
    group.findings.push(finding);
    if (finding.excepted) {
      group.exceptedCount += 1;
    }
  }
  const rank = (s: Severity) => SEVERITIES.indexOf(s);
  return [...groups.values()].sort(
    (a, b) =>
      rank(a.severity) - rank(b.severity) ||
      b.findings.length - a.findings.length ||
      a.checkId.localeCompare(b.checkId),
  );
}

/** The distinct values of a finding property, sorted, for filter menus. */
export function distinctValues(
  findings: readonly ReportFinding[],
  pick: (f: ReportFinding) => string | undefined,
): string[] {
  const values = new Set<string>();
  for (const finding of findings) {
    const value = pick(finding);
    if (value) {
      values.add(value);
    }
  }
  return [...values].sort();
}

/** `Deployment trading/trading-engine`, the way findings name their object. */
export function describeResource(resource: ReportFinding['resource']): string {
  const name = resource.namespace
    ? `${resource.namespace}/${resource.name}`
    : resource.name;
  return `${resource.kind} ${name}`;
}
