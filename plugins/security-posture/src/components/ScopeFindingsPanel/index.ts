export { ScopeFindingsPanel } from './ScopeFindingsPanel';
export type { ScopeFindingsPanelProps } from './ScopeFindingsPanel';
