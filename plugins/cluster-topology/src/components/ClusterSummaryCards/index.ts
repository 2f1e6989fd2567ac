export { ClusterSummaryCards } from './ClusterSummaryCards';
export type { ClusterSummaryCardsProps } from './ClusterSummaryCards';
