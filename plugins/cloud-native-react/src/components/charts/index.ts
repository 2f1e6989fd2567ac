export { TrendChart } from './TrendChart';
export type { TrendChartPoint, TrendChartProps } from './TrendChart';
export { BarChart } from './BarChart';
export type { BarChartBar, BarChartProps } from './BarChart';
export type { ChartEdgeLabels, ChartThreshold, ChartXTick } from './ChartAxes';
export type { ChartMargin } from './chartFrame';
export type { ChartDomain } from './chartGeometry';
export type { ChartTone } from './useChartStyles';
export { niceCeiling } from './chartGeometry';
export {
  formatTimeTick,
  timeAxisTicks,
  timeTicks,
  timeTickStep,
} from './timeTicks';
export type { TimeTickStep } from './timeTicks';
