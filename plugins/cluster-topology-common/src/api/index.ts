export * from './clusters';
export * from './workloads';
export * from './graph';
export * from './object';
export * from './logs';
