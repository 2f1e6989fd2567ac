export { HealingErrorPanel, reasonOf, statusOf } from './HealingErrorPanel';
export type { HealingErrorPanelProps } from './HealingErrorPanel';
