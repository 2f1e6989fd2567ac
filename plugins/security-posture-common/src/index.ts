/**
 * Security posture check engine of the cloud-native platform plugins: Pod
 * Security Standards, workload hardening, RBAC, mesh, network policy and
 * external-report checks over Kubernetes objects, with scoring, exceptions,
 * report formats and the API types. Plain TypeScript, shared by the backend,
 * the frontend, the CLI and the scaffolder.
 *
 * @packageDocumentation
 */

export type {
  Severity,
  CheckCategory,
  CheckReferences,
  CheckDefinition,
  FindingResource,
  Finding,
} from './types';
export { SEVERITIES } from './types';
export type { KubeObject } from './kube';
export { isCheckedWorkload } from './kube';
export { assessObjects, CHECKS, runChecks } from './runChecks';
export type { RunChecksOptions } from './runChecks';
export {
  SEVERITY_PENALTIES,
  REPEAT_DECAY,
  explainScore,
  scoreFindings,
  scoreResources,
  rollUp,
  scoreGroups,
  scoreNamespaces,
  scoreClusters,
} from './score';
export type {
  ScoredFinding,
  ScorePenalty,
  ExceptedFindings,
  ScoreExplanation,
  ScoredResource,
  ResourceScore,
  WeightedScore,
  GroupScore,
  NamespaceScore,
  ClusterScore,
} from './score';
export type {
  PostureExceptionSource,
  PostureException,
  ReportFinding,
  SeverityCounts,
  MeshCoverage,
  ReportScope,
  PostureReport,
  AuditReport,
  ScoredGroup,
  PostureOverview,
  TrendPoint,
  PostureTrend,
} from './api';
export {
  EXPIRED_EXCEPTION_CHECK,
  parseExceptionsAnnotation,
  applyExceptions,
} from './exceptions';
export { checkDefinition, toReportFindings, summarizeFindings } from './report';
export { standardsOf } from './standards';
export {
  workloadMeshCoverage,
  summarizeMeshCoverage,
  combineMeshCoverage,
} from './meshCoverage';
export type { WorkloadMeshCoverage } from './meshCoverage';
export { ManifestError, parseManifests } from './manifests';
export type { ParseManifestsOptions } from './manifests';
export { namespaceNameProblem, withDefaultNamespace } from './namespaces';
export { findingsToCsv, findingsToSarif } from './formats';
export type { FalcoEvent } from './falco';
export { FALCO_CHECKS, parseFalcoPayload, falcoFinding } from './falco';
export {
  SECURITY_POSTURE_CLUSTER_RESOURCE_TYPE,
  securityPostureReadPermission,
  securityPostureFalcoCreatePermission,
  securityPosturePermissions,
} from './permissions';
