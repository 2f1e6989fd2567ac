export { ReportFindings } from './ReportFindings';
export type { ReportFindingsProps } from './ReportFindings';
