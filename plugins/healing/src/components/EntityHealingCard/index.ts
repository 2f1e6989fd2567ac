export { EntityHealingCard } from './EntityHealingCard';
