export { HealingContent, HealingPage } from './HealingPage';
