export { platformMaturityApiRef } from './PlatformMaturityApi';
export type {
  MaturityHistoryScope,
  PlatformMaturityApi,
} from './PlatformMaturityApi';
export { PlatformMaturityClient } from './PlatformMaturityClient';
export type {
  AutomationLevel,
  DrCheckResult,
  DrObjective,
  DrReadiness,
  DrReplicationComponent,
  DrStatus,
  DrWorkloadChecks,
  DrWorkloadReadiness,
  EntityMaturityResponse,
  MaturityComponent,
  MaturityFinding,
  MaturityFormula,
  MaturityGroupScore,
  MaturityHistory,
  MaturityHistoryPoint,
  MaturityLeaderboard,
  MaturityQuery,
  MaturityScopeType,
  MaturityTerm,
  TeamMaturityResponse,
} from './types';
