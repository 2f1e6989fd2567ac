export { MttrChart } from './MttrChart';
export type { MttrChartProps } from './MttrChart';
export { SuccessRateChart } from './SuccessRateChart';
export type { SuccessRateChartProps } from './SuccessRateChart';
export { mttrOf, successRateOf } from './bucketValues';
