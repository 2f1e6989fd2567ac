export { FindingFilters } from './FindingFilters';
export type { FindingFiltersProps } from './FindingFilters';
