import {
  applyExceptions,
  AuditReport,
  FindingResource,
  isCheckedWorkload,
  KubeObject,
  parseExceptionsAnnotation,
  PostureException,
  ScoredResource,
  summarizeFindings,
  withDefaultNamespace,
  summarizeMeshCoverage,
  assessObjects,
} from '@cloud-native-platform/plugin-security-posture-common';
import { SourcedObject } from './manifestFiles';

const ANNOTATION_POSTURE_EXCEPTIONS =
  'cloud-native-platform.io/posture-exceptions';

const RBAC_KINDS = new Set([
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
]);

/** Workloads as runChecks evaluates them, and RBAC objects, count as scored resources. */
function isChecked(object: KubeObject): boolean {
  return RBAC_KINDS.has(object.kind) || isCheckedWorkload(object);
}

/** Identifies an object for mapping findings back to their file. */
export function resourceKey(resource: Omit<FindingResource, 'container'>) {
  return JSON.stringify([
    resource.kind,
    resource.namespace ?? null,
    resource.name,
  ]);
}

function describe(object: KubeObject): string {
  const { namespace, name } = object.metadata;
  return `${object.kind} ${namespace ? `${namespace}/` : ''}${name}`;
}

/** The result of an audit, with what the output formats need besides. */
export interface Audit {
  report: AuditReport;
  /** File of each object, by {@link resourceKey}. */
  files: Map<string, string>;
  /** Problems with posture-exceptions annotations, one line each. */
  warnings: string[];
}

/**
 * Runs the checks over every object together, applies each workload's own
 * posture exceptions to its own findings, and summarises. Objects without
 * a namespace are audited in `options.namespace` (`default`), where
 * kubectl would apply them.
 */
export function auditManifests(
  sourced: readonly SourcedObject[],
  documents: number,
  options: {
    clusterRole?: string;
    disabled: string[];
    now: Date;
    /** Where objects without a namespace land (kubectl's `default`). */
    namespace?: string;
  },
): Audit {
  const objects = withDefaultNamespace(
    sourced.map(s => s.object),
    options.namespace,
  );
  const { findings, meshCoverage } = assessObjects(objects, {
    clusterRole: options.clusterRole,
    disabled: options.disabled,
  });

  const files = new Map<string, string>();
  const resources: ScoredResource[] = [];
  const exceptions: PostureException[] = [];
  const warnings: string[] = [];
  for (const [i, { file }] of sourced.entries()) {
    const object = objects[i];
    const resource = {
      kind: object.kind,
      ...(object.metadata.namespace !== undefined && {
        namespace: object.metadata.namespace,
      }),
      name: object.metadata.name,
    };
    const key = resourceKey(resource);
    if (!files.has(key)) files.set(key, file);
    if (isChecked(object)) resources.push(resource);

    const annotation =
      object.metadata.annotations?.[ANNOTATION_POSTURE_EXCEPTIONS];
    if (annotation === undefined) continue;
    const parsed = parseExceptionsAnnotation(String(annotation), 'workload');
    for (const error of parsed.errors) {
      warnings.push(
        `${file}: ${describe(
          object,
        )}: ${ANNOTATION_POSTURE_EXCEPTIONS} ${error}; entry ignored`,
      );
    }
    // A workload's annotation speaks for that workload only, whatever scope
    // an entry names.
    for (const exception of parsed.exceptions) {
      exceptions.push({
        ...exception,
        scope: {
          kind: resource.kind,
          name: resource.name,
          ...(resource.namespace !== undefined && {
            namespace: resource.namespace,
          }),
        },
      });
    }
  }

  const reportFindings = applyExceptions(findings, exceptions, options.now);
  return {
    report: {
      ...summarizeFindings(reportFindings, resources),
      meshCoverage: summarizeMeshCoverage(meshCoverage),
      documents,
    },
    files,
    warnings,
  };
}
