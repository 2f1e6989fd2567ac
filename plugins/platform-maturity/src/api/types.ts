// The maturity and DR answers are defined once, in -common, beside the
// backend that serves them.
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
} from '@cloud-native-platform/plugin-platform-maturity-common';
