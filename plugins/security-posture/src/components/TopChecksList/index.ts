export { TopChecksList } from './TopChecksList';
export type { TopChecksListProps } from './TopChecksList';
