import { useMemo, useState } from 'react';
import type {
  CheckDefinition,
  ReportFinding,
} from '@cloud-native-platform/plugin-security-posture-common';
import {
  defaultFindingFilter,
  distinctValues,
  filterFindings,
  FindingFilter,
  groupFindingsByCheck,
} from '../../lib/findingGroups';
import { FindingFilters } from '../FindingFilters';
import { FindingsByCheck } from '../FindingsByCheck';

/** Props of {@link ReportFindings}. */
export interface ReportFindingsProps {
  findings: ReportFinding[];
  checks?: ReadonlyMap<string, CheckDefinition>;
  /** Narrows the view to one check, e.g. picked from the top checks. */
  checkId?: string;
  onCheckIdChange?(checkId: string | undefined): void;
  /** Offers the cluster filter and column; off for single-cluster reports. */
  multiCluster?: boolean;
}

/** A report's findings with their filters, grouped by check. */
export function ReportFindings(props: ReportFindingsProps) {
  const { findings, checkId, onCheckIdChange } = props;
  const [localFilter, setLocalFilter] =
    useState<FindingFilter>(defaultFindingFilter);
  // The check may be owned by the caller (the page keeps it in the URL).
  const filter = onCheckIdChange ? { ...localFilter, checkId } : localFilter;
  const onChange = (change: Partial<FindingFilter>) => {
    if ('checkId' in change && onCheckIdChange) {
      onCheckIdChange(change.checkId);
    }
    setLocalFilter(previous => ({ ...previous, ...change }));
  };

  const categories = useMemo(
    () => distinctValues(findings, f => f.category),
    [findings],
  );
  const clusters = useMemo(
    () =>
      props.multiCluster
        ? distinctValues(findings, f => f.resource.cluster)
        : [],
    [findings, props.multiCluster],
  );
  const groups = groupFindingsByCheck(filterFindings(findings, filter));
  const checkTitle = filter.checkId
    ? findings.find(f => f.checkId === filter.checkId)?.title ??
      props.checks?.get(filter.checkId)?.title
    : undefined;

  return (
    <>
      <FindingFilters
        filter={filter}
        categories={categories}
        clusters={clusters}
        checkTitle={checkTitle}
        onChange={onChange}
      />
      <FindingsByCheck
        // Remounting opens the group when the view narrows to one check.
        key={filter.checkId ?? ''}
        groups={groups}
        checks={props.checks}
        showCluster={props.multiCluster ?? true}
      />
    </>
  );
}
