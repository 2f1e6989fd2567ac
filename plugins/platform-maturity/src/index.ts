/**
 * Platform maturity: how far each component, team and system has adopted
 * the mesh, monitoring, scaling, healing and security, how that moved over
 * time, and whether each component's disaster-recovery copy could take over.
 *
 * The default export is the plugin for the new frontend system; the named
 * exports serve apps on the legacy frontend system.
 *
 * @packageDocumentation
 */

export { default } from './alpha';
export {
  platformMaturityPlugin,
  PlatformMaturityPage,
  EntityPlatformMaturityCard,
  EntityDrReadinessContent,
} from './plugin';
export { isPlatformMaturityAvailable } from './isPlatformMaturityAvailable';
export { PlatformMaturityClient, platformMaturityApiRef } from './api';
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
  MaturityHistoryScope,
  MaturityLeaderboard,
  MaturityQuery,
  MaturityScopeType,
  MaturityTerm,
  PlatformMaturityApi,
  TeamMaturityResponse,
} from './api';
