export { PostureErrorPanel } from './PostureErrorPanel';
export type { PostureErrorPanelProps } from './PostureErrorPanel';
