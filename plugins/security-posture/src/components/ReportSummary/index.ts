export { ReportSummary } from './ReportSummary';
export type { ReportSummaryProps } from './ReportSummary';
