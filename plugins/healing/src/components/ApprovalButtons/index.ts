export { ApprovalButtons } from './ApprovalButtons';
export type { ApprovalButtonsProps } from './ApprovalButtons';
