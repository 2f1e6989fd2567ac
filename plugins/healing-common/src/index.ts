/**
 * Pure logic of the healing engine: anomaly detection (isolation forest,
 * streaming baseline, contextual detector with anomaly likelihood),
 * confidence calibration, root-cause ranking and the NAB scorer and
 * cross-validation its detectors are measured with.
 *
 * @packageDocumentation
 */
export { seededRandom, randomInt } from './detection/random';
export type { Random } from './detection/random';
export {
  IsolationForest,
  averagePathLength,
  harmonicNumber,
} from './detection/IsolationForest';
export type { IsolationForestOptions } from './detection/IsolationForest';
export { RollingStats } from './detection/RollingStats';
export { SlidingQuantile } from './detection/SlidingQuantile';
export {
  StreamFeatures,
  STREAM_FEATURE_COUNT,
} from './detection/StreamFeatures';
export type { StreamFeatureOptions } from './detection/StreamFeatures';
export {
  StreamingDetector,
  DEFAULT_STREAMING_DETECTOR_OPTIONS,
  detectStream,
} from './detection/StreamingDetector';
export type { StreamingDetectorOptions } from './detection/StreamingDetector';
export {
  ContextualDetector,
  DEFAULT_CONTEXTUAL_DETECTOR_OPTIONS,
  detectContextual,
} from './detection/ContextualDetector';
export type { ContextualDetectorOptions } from './detection/ContextualDetector';
export {
  AnomalyLikelihood,
  DEFAULT_ANOMALY_LIKELIHOOD_OPTIONS,
  logTailScore,
  normalTail,
} from './detection/AnomalyLikelihood';
export type { AnomalyLikelihoodOptions } from './detection/AnomalyLikelihood';
export { calibrate } from './detection/calibrate';
export type { LabelledScore } from './detection/calibrate';
export * from './nab/nabScorer';
export { crossValidate } from './nab/crossValidate';
export type {
  CrossValidationSeries,
  CrossValidationCandidate,
  CrossValidationFold,
  CrossValidationResult,
  ProfileScore,
} from './nab/crossValidate';
export type {
  MetricSeries,
  MetricKind,
  MetricEvidence,
  RootCauseCandidate,
} from './rca/metrics';
export { parseMetricName } from './rca/metrics';
export { nSigmaRanking } from './rca/nSigmaRanking';
export { rankRootCauses, robustSigmas } from './rca/rankRootCauses';
export type { RootCauseOptions } from './rca/rankRootCauses';
export { accuracyAtK, averageAccuracy } from './rca/rootCauseAccuracy';
export * from './api';
export {
  platformAttempts,
  platformAttemptId,
} from './platform/platformAttempts';
export type { PlatformAttemptsInput } from './platform/platformAttempts';
export type { KubeObjectLike, KubeEventLike } from './platform/kube';
export * from './engine';
export {
  SeasonalResidual,
  CANDIDATE_PERIODS,
} from './detection/SeasonalResidual';
export type { SeasonalResidualOptions } from './detection/SeasonalResidual';
export {
  HEALING_ATTEMPT_RESOURCE_TYPE,
  healingAttemptApprovePermission,
  healingKillSwitchUpdatePermission,
  healingAlertCreatePermission,
  healingPermissions,
} from './permissions';
