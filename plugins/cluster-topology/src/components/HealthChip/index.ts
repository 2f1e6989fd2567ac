export { HealthChip } from './HealthChip';
export type { HealthChipProps } from './HealthChip';
