export { EntityDrReadinessContent } from './EntityDrReadinessContent';
