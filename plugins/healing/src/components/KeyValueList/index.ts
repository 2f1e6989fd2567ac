export { KeyValueList } from './KeyValueList';
export type { KeyValueListProps } from './KeyValueList';
