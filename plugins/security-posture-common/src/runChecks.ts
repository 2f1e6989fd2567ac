import { availabilityChecks } from './checks/availability';
import { Check, CheckContext, Hit, messagesOf } from './checks/check';
import { ClusterIndex, buildClusterIndex } from './checks/clusterIndex';
import { configurationChecks } from './checks/configuration';
import { credentialChecks } from './checks/credentials';
import { externalChecks } from './checks/external';
import { hardeningChecks } from './checks/hardening';
import { linuxHardeningCheck } from './checks/linuxHardening';
import { meshChecks } from './checks/mesh';
import { networkChecks } from './checks/network';
import { podSecurityBaselineChecks } from './checks/podSecurity';
import { podSecurityRestrictedChecks } from './checks/podSecurityRestricted';
import { rbacChecks } from './checks/rbac';
import { sidecarChecks } from './checks/sidecar';
import { KubeObject, workloadOf } from './kube';
import { meshCoverageWith, WorkloadMeshCoverage } from './meshCoverage';
import { withDefaultNamespace } from './namespaces';
import { CheckDefinition, Finding, FindingResource, SEVERITIES } from './types';

const ALL_CHECKS: Check[] = [
  ...podSecurityBaselineChecks,
  ...podSecurityRestrictedChecks,
  ...hardeningChecks,
  linuxHardeningCheck,
  ...credentialChecks,
  ...availabilityChecks,
  ...configurationChecks,
  ...rbacChecks,
  ...meshChecks,
  ...sidecarChecks,
  ...networkChecks,
  ...externalChecks,
];

/**
 * Every check `runChecks` runs, in catalogue order: Pod Security Standards
 * baseline, then restricted, then workload hardening, then credentials in
 * env values and ConfigMaps, then availability (PodDisruptionBudgets,
 * autoscalers, scheduling), then Ingress TLS and labels, then RBAC, then the
 * Istio mesh, then NetworkPolicies, then the findings of in-cluster
 * reports (Gatekeeper, PolicyReport, Trivy Operator).
 *
 * @public
 */
export const CHECKS: readonly CheckDefinition[] = ALL_CHECKS.map(
  check => check.definition,
);

/**
 * Options of {@link runChecks}.
 *
 * @public
 */
export interface RunChecksOptions {
  /** Copied into every finding's resource. */
  cluster?: string;
  /** The cluster's role; `production` enables the single-replica check. */
  clusterRole?: string;
  /** Ids of checks to skip. */
  disabled?: string[];
  /**
   * Where namespaced objects without `metadata.namespace` land, as when
   * kubectl applies them (default `default`); see `withDefaultNamespace`.
   */
  namespace?: string;
}

const CHECK_ORDER = new Map(CHECKS.map((check, index) => [check.id, index]));
const SEVERITY_ORDER = new Map(SEVERITIES.map((s, index) => [s, index]));

function compareText(a: string | undefined, b: string | undefined): number {
  const left = a ?? '';
  const right = b ?? '';
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}

// Worst first, then by resource, so that the same objects always give the
// same list whatever order the cache returned them in.
function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER.get(a.severity)! - SEVERITY_ORDER.get(b.severity)! ||
    compareText(a.resource.cluster, b.resource.cluster) ||
    compareText(a.resource.namespace, b.resource.namespace) ||
    compareText(a.resource.kind, b.resource.kind) ||
    compareText(a.resource.name, b.resource.name) ||
    compareText(a.resource.container, b.resource.container) ||
    CHECK_ORDER.get(a.checkId)! - CHECK_ORDER.get(b.checkId)! ||
    compareText(a.message, b.message)
  );
}

/**
 * Runs every enabled check over the given objects and returns the findings,
 * worst first and in an order that depends only on the objects' content.
 *
 * The objects of one call are one cluster: mesh and network checks judge a
 * workload by the PeerAuthentications, AuthorizationPolicies,
 * NetworkPolicies and Namespaces among them, indexed once per call.
 *
 * Workloads (Deployment, StatefulSet, DaemonSet, Job, CronJob, Argo Rollout,
 * and ReplicaSets, ReplicationControllers and Pods no controller owns) are
 * evaluated on their pod template, container by container; Roles,
 * ClusterRoles and their bindings by the RBAC checks; Namespaces,
 * DestinationRules and AuthorizationPolicies by the mesh and network checks;
 * PodDisruptionBudgets, HorizontalPodAutoscalers, Ingresses and ConfigMaps by
 * the availability, configuration and credential checks (ServiceAccounts are
 * read for the pods that use them).
 * Gatekeeper constraints, PolicyReports and Trivy Operator reports become
 * findings on the objects they name, reported on their controller (a Pod's
 * Deployment) when the controller is among the objects. Other kinds are
 * ignored. A namespaced object without a namespace is judged (and
 * reported) in `options.namespace`, `default` unless given, as the cluster
 * would store it.
 *
 * @public
 */
export function runChecks(
  given: readonly KubeObject[],
  options: RunChecksOptions = {},
): Finding[] {
  const objects = withDefaultNamespace(given, options.namespace);
  return checkObjects(objects, buildClusterIndex(objects), options);
}

/**
 * What the backend computes for a cluster on each refresh: the findings of
 * {@link runChecks} and each workload's mesh coverage (as
 * `workloadMeshCoverage` gives it), from one index of the objects.
 *
 * @public
 */
export function assessObjects(
  given: readonly KubeObject[],
  options: RunChecksOptions = {},
): { findings: Finding[]; meshCoverage: WorkloadMeshCoverage[] } {
  const objects = withDefaultNamespace(given, options.namespace);
  const index = buildClusterIndex(objects);
  return {
    findings: checkObjects(objects, index, options),
    meshCoverage: meshCoverageWith(objects, index, {
      cluster: options.cluster,
    }),
  };
}

function checkObjects(
  objects: readonly KubeObject[],
  index: ClusterIndex,
  options: RunChecksOptions,
): Finding[] {
  const disabled = new Set(options.disabled ?? []);
  const checks = ALL_CHECKS.filter(check => !disabled.has(check.definition.id));
  const context: CheckContext = { clusterRole: options.clusterRole, index };
  const findings: Finding[] = [];
  const cluster = options.cluster !== undefined && { cluster: options.cluster };

  for (const object of objects) {
    if (!object?.metadata?.name) {
      continue;
    }
    const resource: FindingResource = {
      ...cluster,
      kind: object.kind,
      ...(object.metadata.namespace !== undefined && {
        namespace: object.metadata.namespace,
      }),
      name: object.metadata.name,
    };
    const add = (check: Check, hit: Hit) => {
      let target = resource;
      if (hit.resource) {
        target = {
          ...cluster,
          kind: hit.resource.kind,
          ...(hit.resource.namespace !== undefined && {
            namespace: hit.resource.namespace,
          }),
          name: hit.resource.name,
        };
      }
      findings.push({
        checkId: check.definition.id,
        severity: hit.severity ?? check.definition.severity,
        resource: hit.container
          ? { ...target, container: hit.container }
          : target,
        message: hit.message,
        remediation: check.definition.remediation,
      });
    };

    const workload = workloadOf(object);
    for (const check of checks) {
      if (workload && check.workload) {
        for (const message of check.workload(workload, context)) {
          add(check, { message });
        }
      }
      if (workload && check.container) {
        for (const container of workload.containers) {
          const result = check.container(container, workload, context);
          for (const message of messagesOf(result)) {
            add(check, { message, container: container.name });
          }
        }
      }
      if (check.object) {
        for (const hit of check.object(object, context)) {
          add(check, hit);
        }
      }
    }
  }
  return findings.sort(compareFindings);
}
