export { AttemptFilters } from './AttemptFilters';
export type { AttemptFiltersProps } from './AttemptFilters';
