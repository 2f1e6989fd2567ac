import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ANNOTATION_POSTURE_EXCEPTIONS } from '@cloud-native-platform/plugin-cloud-native-common';
import { ClusterHandle } from '@cloud-native-platform/plugin-cloud-native-node';
import {
  applyExceptions,
  Finding,
  FindingResource,
  parseExceptionsAnnotation,
  PostureException,
  PostureExceptionSource,
  ReportFinding,
  toReportFindings,
} from '@cloud-native-platform/plugin-security-posture-common';
import { resourceKey } from './ClusterFindings';
import { ComponentSnapshot, kubernetesIdOf } from './ComponentIndex';

/** Annotation text → parsed exceptions; annotations repeat across reports. */
const parsed = new Map<string, PostureException[]>();
const MAX_PARSED = 5_000;

/** The valid exceptions of an annotation value; invalid entries are left out. */
export function exceptionsOfAnnotation(
  value: string | undefined,
  source: PostureExceptionSource,
): PostureException[] {
  if (!value) return [];
  const key = `${source}\u0000${value}`;
  let result = parsed.get(key);
  if (!result) {
    result = parseExceptionsAnnotation(value, source).exceptions;
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(key, result);
  }
  return result;
}

/** Exceptions of a catalog entity's annotation. */
export function entityExceptions(entity: Entity): PostureException[] {
  return exceptionsOfAnnotation(
    entity.metadata.annotations?.[ANNOTATION_POSTURE_EXCEPTIONS],
    'entity',
  );
}

/**
 * Decides which exceptions apply to a resource: the configured ones, its
 * owning entity's and its own annotation's.
 */
export interface ExceptionResolver {
  (resource: FindingResource): PostureException[];
}

/**
 * Exceptions for resources of the given clusters. The owning entity of a
 * workload is the one `entityFor` names, or else the component its
 * `backstage.io/kubernetes-id` label points to.
 */
export function exceptionResolver(options: {
  configExceptions: readonly PostureException[];
  clusters: ReadonlyMap<string, ClusterHandle>;
  components?: ComponentSnapshot;
  entityFor?: (resource: FindingResource) => Entity | undefined;
}): ExceptionResolver {
  const { configExceptions, clusters, components, entityFor } = options;
  return resource => {
    const store = clusters.get(resource.cluster ?? '')?.store;
    const object = store?.get(resource.kind, resource.namespace, resource.name);
    const own = exceptionsOfAnnotation(
      object?.metadata.annotations?.[ANNOTATION_POSTURE_EXCEPTIONS],
      'workload',
    );
    let entity = entityFor?.(resource);
    if (!entity && object && components) {
      const id = kubernetesIdOf(object);
      entity = id ? components.byKubernetesId.get(id) : undefined;
    }
    const ofEntity = entity ? entityExceptions(entity) : [];
    if (own.length === 0 && ofEntity.length === 0) return [...configExceptions];
    return [...configExceptions, ...ofEntity, ...own];
  };
}

/**
 * Applies exceptions resource by resource, so that an entity's or a
 * workload's exceptions only ever see that resource's findings; an expired
 * exception is therefore reported once per resource it covered.
 */
export function applyScopedExceptions(
  findings: readonly Finding[],
  exceptionsFor: ExceptionResolver,
  now: Date,
): ReportFinding[] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = resourceKey(finding.resource);
    const group = groups.get(key);
    if (group) group.push(finding);
    else groups.set(key, [finding]);
  }
  const out: ReportFinding[] = [];
  for (const group of groups.values()) {
    const exceptions = exceptionsFor(group[0].resource);
    out.push(
      ...(exceptions.length === 0
        ? toReportFindings(group)
        : applyExceptions(group, exceptions, now)),
    );
  }
  return out;
}

/** The entity reference of an entity, for messages and keys. */
export function refOf(entity: Entity): string {
  return stringifyEntityRef(entity);
}
