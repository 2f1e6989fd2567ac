export * from './KubeObject';
export * from './kinds';
export * from './customResources';
