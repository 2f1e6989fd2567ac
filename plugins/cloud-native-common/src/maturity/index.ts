// The maturity API types moved to plugin-platform-maturity-common; these
// aliases keep the importers of this package compiling for one release.
import type * as maturity from '@cloud-native-platform/plugin-platform-maturity-common';
import { formatBytes as maturityFormatBytes } from '@cloud-native-platform/plugin-platform-maturity-common';

/**
 * @public
 * @deprecated Import `MaturityComponent` from `@cloud-native-platform/plugin-platform-maturity-common`.
 */
export type MaturityComponent = maturity.MaturityComponent;

/**
 * @public
 * @deprecated Import `AutomationLevel` from `@cloud-native-platform/plugin-platform-maturity-common`.
 */
export type AutomationLevel = maturity.AutomationLevel;

/**
 * @public
 * @deprecated Import `MaturityFinding` from `@cloud-native-platform/plugin-platform-maturity-common`.
 */
export type MaturityFinding = maturity.MaturityFinding;

/**
 * @public
 * @deprecated Import `MaturityTerm` from `@cloud-native-platform/plugin-platform-maturity-common`.
 */
export type MaturityTerm = maturity.MaturityTerm;

/**
 * @public
 * @deprecated Import `MaturityFormula` from `@cloud-native-platform/plugin-platform-maturity-common`.
 */
export type MaturityFormula = maturity.MaturityFormula;

/**
 * @public
 * @deprecated Import `DrReplicationComponent` from `@cloud-native-platform/plugin-platform-maturity-common`.
 */
export type DrReplicationComponent = maturity.DrReplicationComponent;

/**
 * @public
 * @deprecated Import `DrCheckResult` from `@cloud-native-platform/plugin-platform-maturity-common`.
 */
export type DrCheckResult = maturity.DrCheckResult;

/**
 * @public
 * @deprecated Import `DrWorkloadChecks` from `@cloud-native-platform/plugin-platform-maturity-common`.
 */
export type DrWorkloadChecks = maturity.DrWorkloadChecks;

/**
 * @public
 * @deprecated Import `DrWorkloadReadiness` from `@cloud-native-platform/plugin-platform-maturity-common`.
 */
export type DrWorkloadReadiness = maturity.DrWorkloadReadiness;

/**
 * @public
 * @deprecated Import `DrObjective` from `@cloud-native-platform/plugin-platform-maturity-common`.
 */
export type DrObjective = maturity.DrObjective;

/**
 * @public
 * @deprecated Import `DrStatus` from `@cloud-native-platform/plugin-platform-maturity-common`.
 */
export type DrStatus = maturity.DrStatus;

/**
 * @public
 * @deprecated Import `DrReadiness` from `@cloud-native-platform/plugin-platform-maturity-common`.
 */
export type DrReadiness = maturity.DrReadiness;

/**
 * @public
 * @deprecated Import `EntityMaturityResponse` from `@cloud-native-platform/plugin-platform-maturity-common`.
 */
export type EntityMaturityResponse = maturity.EntityMaturityResponse;

/**
 * @public
 * @deprecated Import `TeamMaturityResponse` from `@cloud-native-platform/plugin-platform-maturity-common`.
 */
export type TeamMaturityResponse = maturity.TeamMaturityResponse;

/**
 * @public
 * @deprecated Import `MaturityQuery` from `@cloud-native-platform/plugin-platform-maturity-common`.
 */
export type MaturityQuery = maturity.MaturityQuery;

/**
 * @public
 * @deprecated Import `MaturityGroupScore` from `@cloud-native-platform/plugin-platform-maturity-common`.
 */
export type MaturityGroupScore = maturity.MaturityGroupScore;

/**
 * @public
 * @deprecated Import `MaturityLeaderboard` from `@cloud-native-platform/plugin-platform-maturity-common`.
 */
export type MaturityLeaderboard = maturity.MaturityLeaderboard;

/**
 * @public
 * @deprecated Import `MaturityScopeType` from `@cloud-native-platform/plugin-platform-maturity-common`.
 */
export type MaturityScopeType = maturity.MaturityScopeType;

/**
 * @public
 * @deprecated Import `MaturityHistoryPoint` from `@cloud-native-platform/plugin-platform-maturity-common`.
 */
export type MaturityHistoryPoint = maturity.MaturityHistoryPoint;

/**
 * @public
 * @deprecated Import `MaturityHistory` from `@cloud-native-platform/plugin-platform-maturity-common`.
 */
export type MaturityHistory = maturity.MaturityHistory;

/**
 * @public
 * @deprecated Import `formatBytes` from `@cloud-native-platform/plugin-platform-maturity-common`.
 */
export const formatBytes = maturityFormatBytes;
