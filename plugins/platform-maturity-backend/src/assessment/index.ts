export * from './types';
export * from './drTypes';
export { assessMaturity } from './assessMaturity';
export { assessDrReadiness } from './assessDrReadiness';
export {
  cpuMillis,
  freeCpuMillis,
  freeMemoryBytes,
  memoryBytes,
  podCpuRequest,
  podMemoryRequest,
} from './clusterCapacity';
export { isGitOpsManaged } from './componentSignals';
export { toMaturityWorkloads } from './maturityWorkloads';
export { rollUpMaturity } from './rollUpMaturity';
