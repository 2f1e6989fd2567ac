export { SeverityCounts } from './SeverityCounts';
export type { SeverityCountsProps } from './SeverityCounts';
