export { EntityHealingContent } from './EntityHealingContent';
