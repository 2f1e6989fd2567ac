export { StatusChip } from './StatusChip';
export type { StatusChipProps } from './StatusChip';
export { statusColors } from './statusColors';
export type { StatusColorName } from './statusColors';
