export { RequestErrorPanel, reasonOf, statusOf } from './RequestErrorPanel';
export type { RequestErrorPanelProps } from './RequestErrorPanel';
