export { BudgetBar } from './BudgetBar';
export { BurnRateCell } from './BurnRateCell';
export { SloReadErrors } from './SloReadErrors';
export { SloStatusChip } from './SloStatusChip';
export * from './sloFigures';
export { SLO_TAB_PATH, useSloTabLink } from './useSloTabLink';
