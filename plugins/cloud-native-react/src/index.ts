/**
 * React pieces shared by the cloud-native platform frontend plugins.
 *
 * @packageDocumentation
 */

export * from './components/RequestErrorPanel';
export * from './components/charts';
export * from './components/StatusChip';
export * from './components/LogLinesView';
