// CONTRACT STUB: signatures fixed; implementation pending.
import { ReportFinding } from './api';

/**
 * Findings as CSV (RFC 4180), one row each, with a header row.
 *
 * @public
 */
export function findingsToCsv(_findings: readonly ReportFinding[]): string {
  throw new Error('not implemented');
}

/**
 * Findings as a SARIF 2.1.0 log, one rule per check, for code scanning UIs.
 *
 * @public
 */
export function findingsToSarif(
  _findings: readonly ReportFinding[],
  _options: {
    toolVersion: string;
    artifactUri?: (f: ReportFinding) => string | undefined;
  },
): object {
  throw new Error('not implemented');
}
