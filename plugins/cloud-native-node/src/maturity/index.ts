export * from './types';
export * from './drTypes';
export { assessMaturity } from './assessMaturity';
export { assessDrReadiness } from './assessDrReadiness';
export { freeCpuMillis, cpuMillis, podCpuRequest } from './clusterCapacity';
export { isGitOpsManaged } from './componentSignals';
export { toMaturityWorkloads } from './maturityWorkloads';
export { rollUpMaturity } from './rollUpMaturity';
export type { MaturityGroupScore } from './rollUpMaturity';
