export { SloBudgetTrend } from './SloBudgetTrend';
