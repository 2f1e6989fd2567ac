export { ClusterErrorsWarning } from './ClusterErrorsWarning';
export type { ClusterErrorsWarningProps } from './ClusterErrorsWarning';
