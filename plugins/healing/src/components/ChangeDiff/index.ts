export { ChangeDiff } from './ChangeDiff';
export type { ChangeDiffProps } from './ChangeDiff';
