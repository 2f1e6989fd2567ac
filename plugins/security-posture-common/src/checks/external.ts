import {
  isGatekeeperConstraint,
  type ClusterPolicyReport,
  type GatekeeperViolation,
  type PolicyReport,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { KubeObject, asArray } from '../kube';
import { Severity } from '../types';
import { Check } from './check';
import { ObjectRef } from './clusterIndex';
import { ReportedResult, hitsOnControllers } from './hitsOnControllers';
import { trivyChecks } from './trivyReports';

// Gatekeeper's own default when a constraint names no action.
const DEFAULT_ACTION = 'deny';
const ACTION_SEVERITY: Record<string, Severity> = {
  deny: 'high',
  warn: 'medium',
  dryrun: 'low',
};
const ACTION_RANK = ['deny', 'warn', 'dryrun'];

const REPORT_SEVERITIES = new Set<string>([
  'critical',
  'high',
  'medium',
  'low',
  'info',
]);

function violationAction(
  violation: GatekeeperViolation | undefined,
  specAction: string,
): string {
  // Constraints with `scoped` enforcement list one action per enforcement
  // point; the strictest one decides how bad the violation is.
  const listed = asArray(violation?.enforcementActions)
    .map(String)
    .filter(action => ACTION_RANK.includes(action))
    .sort((a, b) => ACTION_RANK.indexOf(a) - ACTION_RANK.indexOf(b));
  return String(violation?.enforcementAction ?? listed[0] ?? specAction);
}

/** What reports name a resource with; fields as the tool wrote them. */
interface ReportedRef {
  kind?: unknown;
  name?: unknown;
  namespace?: unknown;
}

function refOf(
  value: ReportedRef | undefined,
  fallbackNamespace?: string,
): ObjectRef | undefined {
  if (!value?.kind || !value?.name) {
    return undefined;
  }
  const namespace = value.namespace || fallbackNamespace;
  return {
    kind: String(value.kind),
    ...(namespace && { namespace: String(namespace) }),
    name: String(value.name),
  };
}

function selfRef(object: KubeObject): ObjectRef {
  return {
    kind: object.kind,
    ...(object.metadata.namespace && { namespace: object.metadata.namespace }),
    name: object.metadata.name,
  };
}

function isPolicyReport(
  object: KubeObject,
): object is PolicyReport | ClusterPolicyReport {
  return (
    (object.kind === 'PolicyReport' || object.kind === 'ClusterPolicyReport') &&
    (object.apiVersion ?? '').startsWith('wgpolicyk8s.io/')
  );
}

/**
 * Checks that turn the results of in-cluster policy and scanning tools into
 * findings on the resources those tools judged.
 */
export const externalChecks: Check[] = [
  {
    definition: {
      id: 'gatekeeper-violation',
      title: 'Gatekeeper constraint violated',
      severity: 'high',
      category: 'external',
      description:
        "An OPA Gatekeeper audit found a resource breaking a constraint. Severity follows the constraint's enforcementAction: deny is high (the resource predates the constraint or bypassed admission), warn medium, dryrun low.",
      remediation:
        'Change the resource to satisfy the constraint, or exempt it in the constraint (match.excludedNamespaces) with a recorded reason.',
      references: {},
    },
    object(object, { index }) {
      if (!isGatekeeperConstraint(object)) {
        return [];
      }
      const specAction = String(
        object.spec?.enforcementAction ?? DEFAULT_ACTION,
      );
      const results: ReportedResult[] = [];
      for (const violation of asArray(object.status?.violations)) {
        const ref = refOf(violation);
        if (!ref) {
          continue;
        }
        const action = violationAction(violation, specAction);
        results.push({
          ref,
          severity: ACTION_SEVERITY[action] ?? 'medium',
          key: action,
          message: `${object.kind} ${object.metadata.name} (${action}): ${
            violation.message ?? 'violation'
          }`,
        });
      }
      return hitsOnControllers(results, index);
    },
  },
  {
    definition: {
      id: 'policy-report-failure',
      title: 'Policy report failure',
      severity: 'medium',
      category: 'external',
      description:
        "A PolicyReport or ClusterPolicyReport (wgpolicyk8s.io, written by Kyverno and other engines) has a result fail or error for a resource. Severity is the result's own, medium when it has none.",
      remediation:
        'Fix the resource as the policy message says, or add a policy exception with a recorded reason; for an error, fix the policy so that it can evaluate the resource.',
      references: {},
    },
    object(object, { index }) {
      if (!isPolicyReport(object)) {
        return [];
      }
      const reportNamespace =
        object.kind === 'PolicyReport' ? object.metadata.namespace : undefined;
      const scope = refOf(object.scope, reportNamespace);
      const results: ReportedResult[] = [];
      for (const result of asArray(object.results)) {
        if (result?.result !== 'fail' && result?.result !== 'error') {
          continue;
        }
        const severity = String(result.severity ?? '').toLowerCase();
        const name = result.rule
          ? `${result.policy}/${result.rule}`
          : String(result.policy);
        const message =
          result.result === 'error'
            ? `${name} could not be evaluated: ${result.message ?? 'error'}`
            : `${name}: ${result.message ?? 'failed'}`;
        const resources = asArray(result.resources)
          .map(resource => refOf(resource, reportNamespace))
          .filter((ref): ref is ObjectRef => ref !== undefined);
        const refs =
          resources.length > 0 ? resources : [scope ?? selfRef(object)];
        for (const ref of refs) {
          results.push({
            ref,
            severity: REPORT_SEVERITIES.has(severity)
              ? (severity as Severity)
              : 'medium',
            key: name,
            message,
          });
        }
      }
      return hitsOnControllers(results, index);
    },
  },
  ...trivyChecks,
];
