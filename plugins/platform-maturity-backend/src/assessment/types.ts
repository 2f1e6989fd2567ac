import {
  AutomationLevel,
  MaturityComponent,
  MaturityFinding,
  MaturityTerm,
} from '@cloud-native-platform/plugin-platform-maturity-common';
import type {
  KubeObject,
  ObjectMeta,
  Pod,
  PodSpec,
} from '@cloud-native-platform/plugin-cloud-native-common';

/**
 * Points each component can earn; with {@link SECURITY_WEIGHT} they sum to 100.
 *
 * @public
 */
export const COMPONENT_WEIGHTS: Readonly<Record<MaturityComponent, number>> = {
  mesh: 20,
  monitoring: 20,
  scaling: 20,
  healing: 20,
};

/**
 * Points the posture score can earn: posture (0–100) × SECURITY_WEIGHT / 100.
 *
 * @public
 */
export const SECURITY_WEIGHT = 20;

/**
 * The factor each automation level multiplies a component's integration by.
 * Dry-run and observe both record what would be done without doing it.
 *
 * @public
 */
export const AUTOMATION_FACTORS: Readonly<Record<AutomationLevel, number>> = {
  none: 0,
  manual: 0.5,
  'dry-run': 0.7,
  approval: 0.85,
  enforced: 1,
};

/**
 * Shares of a component's integration (each component's sum to 1).
 *
 * @public
 */
export const INTEGRATION_SHARES = {
  mesh: { dataPlane: 0.4, trafficRules: 0.3, strictMtls: 0.3 },
  monitoring: { scrapeTarget: 0.5, alertRules: 0.25, sloAlerts: 0.25 },
  scaling: { autoscaler: 0.4, behavior: 0.3, disruptionBudget: 0.3 },
  healing: { policy: 1 },
} as const;

/**
 * Labels that say a GitOps controller (Argo CD or Flux) manages an object;
 * such config counts as enforced, since drift is reverted without people.
 *
 * @public
 */
export const GITOPS_LABELS: readonly string[] = [
  'argocd.argoproj.io/instance',
  'kustomize.toolkit.fluxcd.io/name',
  'helm.toolkit.fluxcd.io/name',
];

/**
 * Scaffolder templates that add a missing piece, by the name under
 * `/create/templates/default/`.
 *
 * @public
 */
export const MATURITY_TEMPLATES = {
  wireExisting: 'wire-existing-service',
  newService: 'cloud-native-service',
} as const;

/**
 * A pod template as any workload kind holds it: a VirtualMachine's template
 * carries a VM spec, so no PodSpec field is guaranteed.
 *
 * @public
 */
export interface WorkloadTemplate {
  metadata?: ObjectMeta;
  spec?: Partial<PodSpec>;
}

/**
 * A workload object (Deployment, StatefulSet, DaemonSet, Job, CronJob,
 * Rollout, VirtualMachine…) with the spec fields those kinds share typed:
 * replicas, the pod template and a CronJob's job template. The signals read
 * them through `podTemplateOf` and `desiredReplicas`, which narrow by kind.
 *
 * @public
 */
export type WorkloadObject = KubeObject & {
  spec?: {
    replicas?: number;
    template?: WorkloadTemplate;
    jobTemplate?: { spec?: { template?: WorkloadTemplate } };
  };
};

/**
 * A workload of an entity in one cluster, with the objects of its namespace
 * (and mesh-wide Istio policies) that the maturity signals read.
 *
 * @public
 */
export interface MaturityWorkload {
  cluster: string;
  clusterRole?: string;
  workload: WorkloadObject;
  pods: Pod[];
  /** Objects of the workload's namespace, plus those of the mesh root namespace. */
  related: KubeObject[];
}

/**
 * What {@link assessMaturity} is computed from.
 *
 * @public
 */
export interface MaturityInput {
  workloads: MaturityWorkload[];
  /** Posture score 0–100 of the entity's workloads, as the security-posture API reports it. */
  postureScore?: number;
  /** Why there is no posture score (the API refused or did not answer). */
  postureUnavailable?: string;
  /**
   * Healing policies that cover the entity, with their modes; the
   * `healing-mode` annotation caps the mode (`disabled` turns healing off).
   */
  healing?: {
    policies: Array<{ name: string; mode: string }>;
    annotationMode?: string;
  };
  /**
   * The entity's SLOs as the SLO API reports them: how many, and the names
   * of those with error-budget data (events in some cluster's Prometheus).
   * Absent when the SLO API refused or did not answer.
   */
  slos?: { total: number; withBudget: string[] };
}

/**
 * An entity's maturity score with its terms.
 *
 * @public
 */
export interface MaturityAssessment {
  /** 0–100. */
  score: number;
  deployed: boolean;
  terms: MaturityTerm[];
  findings: MaturityFinding[];
}
