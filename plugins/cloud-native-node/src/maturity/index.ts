export * from './types';
export * from './drTypes';
// The types the API serves are defined in -common; re-exported for the
// importers of this package that predate the move.
export type {
  AutomationLevel,
  DrCheckResult,
  DrObjective,
  DrReadiness,
  DrReplicationComponent,
  DrStatus,
  DrWorkloadChecks,
  DrWorkloadReadiness,
  MaturityComponent,
  MaturityFinding,
  MaturityGroupScore,
  MaturityTerm,
} from '@cloud-native-platform/plugin-cloud-native-common';
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
