/**
 * How bad a finding is, from `critical` (fix now) to `info` (worth knowing).
 *
 * @public
 */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/**
 * Every severity, worst first: the order reports sort and count by.
 *
 * @public
 */
export const SEVERITIES: readonly Severity[] = [
  'critical',
  'high',
  'medium',
  'low',
  'info',
];

/**
 * The area a check belongs to; pages group findings by it.
 *
 * @public
 */
export type CheckCategory =
  | 'pod-security'
  | 'workload-hardening'
  | 'reliability'
  | 'efficiency'
  | 'rbac'
  | 'mesh'
  | 'network'
  | 'external'
  | 'runtime';

/**
 * Where a check comes from in the public benchmarks, so that a finding can be
 * traced to the control an auditor asks about.
 *
 * @public
 */
export interface CheckReferences {
  /** The Pod Security Standards profile whose control this check is. */
  pss?: 'baseline' | 'restricted';
  /** Section of the NSA/CISA Kubernetes Hardening Guide. */
  nsa?: string;
  /** Control of the CIS Kubernetes Benchmark. */
  cis?: string;
  /** MITRE ATT&CK technique. */
  mitre?: string;
  /** Kubescape control id, e.g. `C-0057`. */
  kubescape?: string;
  /**
   * The Polaris checks (by Polaris's own names, e.g. `hostIPCSet`) whose rule
   * this check carries, so a Polaris audit and ours can be compared.
   */
  polaris?: string[];
}

/**
 * What a check looks for. The `id` is stable: exceptions, history and
 * `disabled` options refer to it.
 *
 * @public
 */
export interface CheckDefinition {
  /** Stable kebab-case identifier, e.g. `run-as-non-root`. */
  id: string;
  title: string;
  severity: Severity;
  category: CheckCategory;
  description: string;
  remediation: string;
  references: CheckReferences;
}

/**
 * The object (and container) a finding is about.
 *
 * @public
 */
export interface FindingResource {
  cluster?: string;
  kind: string;
  namespace?: string;
  name: string;
  container?: string;
}

/**
 * One failed check on one resource, in the shape the security posture report
 * returns.
 *
 * @public
 */
export interface Finding {
  checkId: string;
  severity: Severity;
  resource: FindingResource;
  /** Names the container or field and the value found. */
  message: string;
  remediation: string;
}
