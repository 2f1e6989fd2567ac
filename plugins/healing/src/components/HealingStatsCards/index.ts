export { HealingStatsCards } from './HealingStatsCards';
export type { HealingStatsCardsProps } from './HealingStatsCards';
