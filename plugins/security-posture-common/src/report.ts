// CONTRACT STUB: signatures fixed; implementation pending.
import { AuditReport, ReportFinding } from './api';
import { ScoredResource } from './score';
import { CheckDefinition, Finding } from './types';

/**
 * The definition of any check a finding can carry: the engine's checks, the
 * expired-exception check and the Falco runtime checks.
 *
 * @public
 */
export function checkDefinition(_checkId: string): CheckDefinition | undefined {
  throw new Error('not implemented');
}

/**
 * Adds category and title to plain findings.
 *
 * @public
 */
export function toReportFindings(
  _findings: readonly Finding[],
): ReportFinding[] {
  throw new Error('not implemented');
}

/**
 * Scores, counts and explains a findings list; `resources` are every object
 * that was checked, so that a clean one still scores 100 and weighs in.
 *
 * @public
 */
export function summarizeFindings(
  _findings: readonly ReportFinding[],
  _resources: readonly ScoredResource[],
): Omit<AuditReport, 'documents'> {
  throw new Error('not implemented');
}
