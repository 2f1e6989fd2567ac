import type { KubeObject, LabelSelector, ObjectMeta } from './KubeObject';
import type { PodTemplateSpec } from './kinds';

/**
 * An Argo Rollouts Rollout: a Deployment with progressive delivery. Its pod
 * template is its own or, with `workloadRef`, a Deployment's.
 *
 * @public
 */
export interface Rollout extends KubeObject {
  kind: 'Rollout';
  spec?: {
    replicas?: number;
    selector?: LabelSelector;
    template?: PodTemplateSpec;
    workloadRef?: { apiVersion?: string; kind?: string; name?: string };
    strategy?: {
      canary?: Record<string, unknown> & { steps?: RolloutCanaryStep[] };
      blueGreen?: Record<string, unknown>;
    };
  };
  status?: {
    phase?: string;
    message?: string;
    replicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    updatedReplicas?: number;
    abort?: boolean;
    abortedAt?: string;
    stableRS?: string;
    currentPodHash?: string;
    /** Index of the canary step under way; the step count once done. */
    currentStepIndex?: number;
    pauseConditions?: Array<{ reason?: string; startTime?: string }>;
    canary?: RolloutCanaryStatus;
    conditions?: Array<{
      type?: string;
      status?: string;
      reason?: string;
      message?: string;
      lastTransitionTime?: string;
      lastUpdateTime?: string;
    }>;
  };
}

/**
 * A KubeVirt VirtualMachine: a workload whose pods are virt-launchers.
 *
 * @public
 */
export interface VirtualMachine extends KubeObject {
  kind: 'VirtualMachine';
  spec?: {
    running?: boolean;
    runStrategy?: 'Always' | 'Halted' | 'Manual' | 'RerunOnFailure' | string;
    template?: { metadata?: ObjectMeta; spec?: Record<string, unknown> };
  };
  status?: { printableStatus?: string; ready?: boolean };
}

// Delivery: Argo CD, Argo Rollouts (canary status) and Tekton. Only the
// fields the suite reads are typed.

/**
 * One step of a Rollout's canary strategy; each step sets one of these.
 *
 * @public
 */
export interface RolloutCanaryStep {
  setWeight?: number;
  pause?: { duration?: string | number };
  analysis?: { templates?: Array<{ templateName?: string }> };
  experiment?: Record<string, unknown>;
  setCanaryScale?: Record<string, unknown>;
}

/**
 * The canary part of a Rollout's status.
 *
 * @public
 */
export interface RolloutCanaryStatus {
  /** Traffic weights the controller last set (Argo Rollouts 1.2 and later). */
  weights?: {
    canary?: { weight?: number; podTemplateHash?: string };
    stable?: { weight?: number; podTemplateHash?: string };
  };
  currentStepAnalysisRun?: string;
  currentStepAnalysisRunStatus?: {
    name?: string;
    status?: string;
    message?: string;
  };
  currentBackgroundAnalysisRun?: string;
  currentBackgroundAnalysisRunStatus?: {
    name?: string;
    status?: string;
    message?: string;
  };
}

/**
 * An Argo CD Application (`argoproj.io/v1alpha1`): what it deploys where,
 * how it syncs, and the objects it manages (`status.resources`).
 *
 * @public
 */
export interface ArgoCdApplication extends KubeObject {
  kind: 'Application';
  spec?: {
    project?: string;
    source?: {
      repoURL?: string;
      path?: string;
      targetRevision?: string;
      chart?: string;
    };
    sources?: Array<{
      repoURL?: string;
      path?: string;
      targetRevision?: string;
      chart?: string;
    }>;
    destination?: { server?: string; name?: string; namespace?: string };
    syncPolicy?: {
      automated?: {
        prune?: boolean;
        selfHeal?: boolean;
        allowEmpty?: boolean;
      } | null;
    };
  };
  status?: {
    sync?: { status?: string; revision?: string; revisions?: string[] };
    health?: { status?: string; message?: string };
    operationState?: {
      phase?: string;
      startedAt?: string;
      finishedAt?: string;
      message?: string;
    };
    reconciledAt?: string;
    resources?: Array<{
      group?: string;
      version?: string;
      kind?: string;
      namespace?: string;
      name?: string;
      status?: string;
      health?: { status?: string };
    }>;
  };
}

/**
 * The `Succeeded` condition Tekton runs report their state with.
 *
 * @public
 */
export interface TektonCondition {
  type?: string;
  status?: 'True' | 'False' | 'Unknown' | string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/**
 * A Tekton PipelineRun (`tekton.dev/v1`).
 *
 * @public
 */
export interface PipelineRun extends KubeObject {
  kind: 'PipelineRun';
  spec?: {
    pipelineRef?: { name?: string };
    status?: string;
  };
  status?: {
    startTime?: string;
    completionTime?: string;
    conditions?: TektonCondition[];
  };
}

/**
 * A Tekton TaskRun (`tekton.dev/v1`): one task, of a PipelineRun or alone.
 *
 * @public
 */
export interface TaskRun extends KubeObject {
  kind: 'TaskRun';
  spec?: { taskRef?: { name?: string }; status?: string };
  status?: {
    startTime?: string;
    completionTime?: string;
    podName?: string;
    conditions?: TektonCondition[];
  };
}

/**
 * One CVE of a Trivy Operator VulnerabilityReport.
 *
 * @public
 */
export interface TrivyVulnerability {
  vulnerabilityID?: string;
  severity?: string;
  score?: number;
  resource?: string;
  installedVersion?: string;
  fixedVersion?: string;
  title?: string;
}

/**
 * The `report` of a Trivy Operator VulnerabilityReport.
 *
 * @public
 */
export interface TrivyVulnerabilityReportData {
  artifact?: { repository?: string; tag?: string; digest?: string };
  registry?: { server?: string };
  summary?: Partial<
    Record<
      | 'criticalCount'
      | 'highCount'
      | 'mediumCount'
      | 'lowCount'
      | 'unknownCount',
      number
    >
  >;
  vulnerabilities?: TrivyVulnerability[];
}

/**
 * A Trivy Operator VulnerabilityReport (`aquasecurity.github.io/v1alpha1`):
 * the CVEs found in one container's image. The data is under `report`, not
 * `spec`.
 *
 * @public
 */
export interface VulnerabilityReport extends KubeObject {
  kind: 'VulnerabilityReport';
  report?: TrivyVulnerabilityReportData;
}

/**
 * One check of a Trivy Operator configuration audit.
 *
 * @public
 */
export interface TrivyConfigAuditCheck {
  checkID?: string;
  id?: string;
  title?: string;
  severity?: string;
  success?: boolean;
  messages?: string[];
}

/**
 * A Trivy Operator ConfigAuditReport: the KSV checks run on one resource.
 *
 * @public
 */
export interface ConfigAuditReport extends KubeObject {
  kind: 'ConfigAuditReport';
  report?: { checks?: TrivyConfigAuditCheck[] };
}

/**
 * The cluster-scoped ConfigAuditReport, for cluster-scoped resources.
 *
 * @public
 */
export interface ClusterConfigAuditReport extends KubeObject {
  kind: 'ClusterConfigAuditReport';
  report?: { checks?: TrivyConfigAuditCheck[] };
}

/**
 * One result of a policy report (`wgpolicyk8s.io`, as Kyverno writes them).
 *
 * @public
 */
export interface PolicyReportResult {
  policy?: string;
  rule?: string;
  result?: 'pass' | 'fail' | 'warn' | 'error' | 'skip' | string;
  severity?: string;
  message?: string;
  resources?: Array<{
    apiVersion?: string;
    kind?: string;
    namespace?: string;
    name?: string;
    uid?: string;
  }>;
}

/**
 * A namespaced policy report: results at the top level, an optional `scope`.
 *
 * @public
 */
export interface PolicyReport extends KubeObject {
  kind: 'PolicyReport';
  scope?: {
    apiVersion?: string;
    kind?: string;
    namespace?: string;
    name?: string;
  };
  results?: PolicyReportResult[];
}

/**
 * The cluster-scoped policy report.
 *
 * @public
 */
export interface ClusterPolicyReport extends KubeObject {
  kind: 'ClusterPolicyReport';
  scope?: {
    apiVersion?: string;
    kind?: string;
    namespace?: string;
    name?: string;
  };
  results?: PolicyReportResult[];
}

/**
 * One violation an OPA Gatekeeper constraint's audit recorded.
 *
 * @public
 */
export interface GatekeeperViolation {
  kind?: string;
  name?: string;
  namespace?: string;
  message?: string;
  enforcementAction?: string;
  /** One action per enforcement point, with `scoped` enforcement. */
  enforcementActions?: string[];
}

/**
 * An OPA Gatekeeper constraint (`constraints.gatekeeper.sh`): its kind is
 * the name of its ConstraintTemplate, so it is recognised by the API group.
 *
 * @public
 */
export interface GatekeeperConstraint extends KubeObject {
  spec?: {
    enforcementAction?: string;
    match?: Record<string, unknown>;
    parameters?: Record<string, unknown>;
  };
  status?: {
    totalViolations?: number;
    auditTimestamp?: string;
    violations?: GatekeeperViolation[];
  };
}

/**
 * True for objects of the Gatekeeper constraints group.
 *
 * @public
 */
export function isGatekeeperConstraint(
  object: KubeObject,
): object is GatekeeperConstraint {
  return (object.apiVersion ?? '').startsWith('constraints.gatekeeper.sh/');
}

/**
 * A Rook CephCluster (`ceph.rook.io/v1`): the Ceph cluster Rook runs, with
 * the health Ceph itself reports (`ceph health`) under `status.ceph`.
 *
 * @public
 */
export interface CephCluster extends KubeObject {
  kind: 'CephCluster';
  spec?: {
    cephVersion?: { image?: string };
    dataDirHostPath?: string;
    mon?: { count?: number };
  };
  status?: {
    phase?: string;
    state?: string;
    message?: string;
    ceph?: {
      /** HEALTH_OK, HEALTH_WARN or HEALTH_ERR. */
      health?: string;
      lastChecked?: string;
      /** Health checks that fail, by check name (for example MON_DISK_LOW). */
      details?: Record<string, { message?: string; severity?: string }>;
      capacity?: {
        bytesAvailable?: number;
        bytesTotal?: number;
        bytesUsed?: number;
      };
    };
  };
}

/**
 * A Rook CephBlockPool: an RBD pool, optionally mirrored to a peer cluster.
 * Rook copies the `rbd mirror pool status` summary into `status.mirroringStatus`.
 *
 * @public
 */
export interface CephBlockPool extends KubeObject {
  kind: 'CephBlockPool';
  spec?: {
    failureDomain?: string;
    replicated?: { size?: number };
    mirroring?: {
      enabled?: boolean;
      /** `image` or `pool`. */
      mode?: string;
      snapshotSchedules?: Array<{ interval?: string; startTime?: string }>;
    };
  };
  status?: {
    phase?: string;
    mirroringStatus?: {
      summary?: {
        /** OK, WARNING or ERROR, for the pool as a whole. */
        health?: string;
        daemon_health?: string;
        image_health?: string;
        states?: Record<string, number>;
      };
      lastChecked?: string;
    };
  };
}

/**
 * A Sloth `PrometheusServiceLevel` (`sloth.slok.dev/v1`): the SLOs of one
 * service, each with its SLI queries (`{{.window}}` left to fill) and the
 * name of its multi-window burn-rate alerts.
 *
 * @public
 */
export interface SlothPrometheusServiceLevel extends KubeObject {
  kind: 'PrometheusServiceLevel';
  spec?: {
    service?: string;
    labels?: Record<string, string>;
    slos?: Array<{
      name?: string;
      /** Percent, such as 99.9. */
      objective?: number;
      description?: string;
      labels?: Record<string, string>;
      sli?: {
        events?: { errorQuery?: string; totalQuery?: string };
        raw?: { errorRatioQuery?: string };
        plugin?: { id?: string; options?: Record<string, string> };
      };
      alerting?: {
        name?: string;
        labels?: Record<string, string>;
        annotations?: Record<string, string>;
        pageAlert?: { disable?: boolean; labels?: Record<string, string> };
        ticketAlert?: { disable?: boolean; labels?: Record<string, string> };
      };
    }>;
  };
}

/**
 * A Pyrra `ServiceLevelObjective` (`pyrra.dev/v1alpha1`): one SLO over a
 * ratio or a latency histogram, with its target and window.
 *
 * @public
 */
export interface PyrraServiceLevelObjective extends KubeObject {
  kind: 'ServiceLevelObjective';
  spec?: {
    description?: string;
    /** Percent as a string, such as "99.9". */
    target?: string;
    /** A Prometheus duration, such as 4w. */
    window?: string;
    alerting?: { name?: string; disabled?: boolean; burnrates?: boolean };
    indicator?: {
      ratio?: {
        errors?: { metric?: string };
        total?: { metric?: string };
        grouping?: string[];
      };
      latency?: {
        success?: { metric?: string };
        total?: { metric?: string };
        grouping?: string[];
      };
      bool_gauge?: { metric?: string; grouping?: string[] };
    };
  };
}
