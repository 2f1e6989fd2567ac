/**
 * Pure logic of the healing engine: anomaly detection (isolation forest,
 * streaming baseline, contextual detector with anomaly likelihood),
 * confidence calibration, root-cause ranking and the NAB scorer and
 * cross-validation its detectors are measured with. The entry exports the
 * API contract, the permissions and what the healing backend runs; the
 * algorithms inside are reached through the pipeline.
 *
 * @packageDocumentation
 */
export * from './api';
export {
  HEALING_ATTEMPT_RESOURCE_TYPE,
  healingAttemptApprovePermission,
  healingKillSwitchUpdatePermission,
  healingAlertCreatePermission,
  healingPermissions,
} from './permissions';
export { seededRandom } from './detection/random';
export type { Random } from './detection/random';
export { platformAttempts } from './platform/platformAttempts';
export type { PlatformAttemptsInput } from './platform/platformAttempts';
export type { KubeObjectLike, KubeEventLike } from './platform/kube';
export { objectsView } from './engine/objects';
export type { ClusterObject, ClusterObjectsView } from './engine/objects';
export {
  matchPolicy,
  parseDuration,
  policyActions,
  readHealingPolicies,
} from './engine/policies';
export type {
  HealingPolicy,
  HealingPolicyMatch,
  PolicyAlert,
} from './engine/policies';
export { isPodReady } from './engine/disruptionBudgets';
export type { DisruptionBudgetState } from './engine/disruptionBudgets';
export type { ClusterReadiness } from './engine/clusterReadiness';
export {
  checkSafetyRails,
  DEFAULT_HEALING_BUDGETS,
} from './engine/safetyRails';
export type {
  HealingBudgets,
  RailHistoryEntry,
  SafetyRailInput,
  SafetyRailResult,
} from './engine/safetyRails';
export type {
  HealingPatch,
  HealingPlan,
  PlanContext,
  PlanResult,
} from './engine/actions/HealingPlan';
export { planRestart } from './engine/actions/planRestart';
export { planScale } from './engine/actions/planScale';
export { planEviction } from './engine/actions/planEviction';
export { prepareAction } from './engine/prepareAction';
export type {
  PrepareActionInput,
  PreparedAction,
} from './engine/prepareAction';
export type { ActionOutcomeCount } from './engine/chooseAction';
export type { EntityHealingMode } from './engine/entityHealingMode';
export { verifyAttempt } from './engine/verifyAttempt';
export type {
  HealthSample,
  VerificationInput,
  VerificationResult,
} from './engine/verifyAttempt';
export type { FeatureMetric, FeatureRequest } from './engine/features';
export { runHealingPipeline } from './engine/runHealingPipeline';
export type {
  HealingPipelineDeps,
  HealingPipelineInput,
  HealingPipelineResult,
} from './engine/runHealingPipeline';
export { redactAttempt, redactedMessage } from './engine/redactAttempt';
