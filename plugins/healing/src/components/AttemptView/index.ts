export { AttemptView } from './AttemptView';
export type { AttemptViewProps } from './AttemptView';
