export { AttemptsTable } from './AttemptsTable';
export type { AttemptsTableProps } from './AttemptsTable';
