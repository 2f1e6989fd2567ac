export { FindingsByCheck } from './FindingsByCheck';
export type { FindingsByCheckProps } from './FindingsByCheck';
export { FindingsTable } from './FindingsTable';
export type { FindingsTableProps } from './FindingsTable';
