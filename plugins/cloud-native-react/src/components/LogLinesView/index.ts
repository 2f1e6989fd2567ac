export { LogLinesView } from './LogLinesView';
export type { LogLinesViewLine, LogLinesViewProps } from './LogLinesView';
export { PodLogsErrorPanel } from './PodLogsErrorPanel';
export type { PodLogsErrorPanelProps } from './PodLogsErrorPanel';
