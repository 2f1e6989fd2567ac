export { ScoreTrendChart } from './ScoreTrendChart';
export type { ScoreTrendChartProps } from './ScoreTrendChart';
