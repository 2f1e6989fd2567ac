export { ActionChoice } from './ActionChoice';
export type { ActionChoiceProps } from './ActionChoice';
