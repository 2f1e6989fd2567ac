export * from './KubeObject';
export * from './kinds';
export * from './customResources';
export * from './workloads';
export * from './fields';
