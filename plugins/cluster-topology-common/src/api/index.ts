export * from './clusters';
export * from './workloads';
export * from './deliveries';
export * from './graph';
export * from './object';
export * from './logs';
