export { ScoredGroupTable } from './ScoredGroupTable';
export type { ScoredGroupTableProps } from './ScoredGroupTable';
