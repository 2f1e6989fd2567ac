export { ReportExportButtons, exportFileName } from './ReportExportButtons';
export type { ReportExportButtonsProps } from './ReportExportButtons';
