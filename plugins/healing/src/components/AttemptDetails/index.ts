export { AttemptDetails } from './AttemptDetails';
export type { AttemptDetailsProps } from './AttemptDetails';
