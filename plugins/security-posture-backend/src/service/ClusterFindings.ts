import {
  LabelRequirement,
  LabelSelector,
  fieldOf,
  isKind,
} from '@cloud-native-platform/plugin-cloud-native-common';
import {
  ClusterHandle,
  KubeObject,
} from '@cloud-native-platform/plugin-cloud-native-node';
import {
  checkDefinition,
  Finding,
  FindingResource,
  isCheckedWorkload,
  ScoredResource,
  assessObjects,
} from '@cloud-native-platform/plugin-security-posture-common';

/**
 * The findings of one cluster at one store version, indexed the ways the
 * reports select them.
 */
export interface ClusterFindings {
  cluster: string;
  version: number;
  computedAt: number;
  findings: Finding[];
  /** Every workload the checks evaluated, so that a clean one scores 100. */
  workloads: ScoredResource[];
  /**
   * Resource key → whether the workload has STRICT mTLS and an
   * AuthorizationPolicy; only the workloads mesh coverage counts.
   */
  meshCoverage: Map<string, boolean>;
  /** Resource key → findings on that resource. */
  byResource: Map<string, Finding[]>;
  /** Key of a top-level workload → findings on objects it owns (reports of its ReplicaSets…). */
  byOwner: Map<string, Finding[]>;
  /** Namespace → mesh and network findings that concern every workload in it. */
  namespaceWide: Map<string, Finding[]>;
  /** Namespace → mesh and network findings on policies that select some pods only. */
  selective: Map<
    string,
    Array<{ selector: LabelRequirement[]; finding: Finding }>
  >;
  /** Mesh and network findings on policies of the mesh root namespace: every workload's. */
  meshWide: Finding[];
}

/** Istio treats selector-less policies in its root namespace as mesh-wide. */
const MESH_ROOT_NAMESPACE = 'istio-system';
const POLICY_CATEGORIES = new Set(['mesh', 'network']);
/** Objects no check reads and that churn the most. */
const UNCHECKED_KINDS = new Set(['Event', 'EndpointSlice']);
/** Kinds runChecks evaluates as workloads, and those it skips when owned. */

/** The key of a resource, container left out: what findings are grouped by. */
export function resourceKey(resource: FindingResource): string {
  return JSON.stringify([
    resource.cluster ?? '',
    resource.kind,
    resource.namespace ?? '',
    resource.name,
  ]);
}

/** The scored resource of a cluster object. */
export function scoredResourceOf(
  cluster: string,
  object: KubeObject,
): ScoredResource {
  return {
    cluster,
    kind: object.kind,
    ...(object.metadata.namespace !== undefined && {
      namespace: object.metadata.namespace,
    }),
    name: object.metadata.name,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function requirementsOf(
  selector: LabelSelector | undefined,
): LabelRequirement[] {
  const requirements: LabelRequirement[] = Object.entries(
    selector?.matchLabels ?? {},
  ).map(([key, value]) => ({ key, operator: 'In', values: [String(value)] }));
  for (const expression of selector?.matchExpressions ?? []) {
    if (typeof expression?.key === 'string') {
      requirements.push({
        key: expression.key,
        operator: expression.operator as LabelRequirement['operator'],
        values: (expression.values ?? []).map(String),
      });
    }
  }
  return requirements;
}

/**
 * The pods a namespaced policy object applies to: undefined or empty when
 * it applies to the whole namespace.
 */
export function policySelector(object: KubeObject): LabelRequirement[] {
  if (isKind(object, 'NetworkPolicy')) {
    return requirementsOf(object.spec?.podSelector);
  }
  if (isKind(object, 'Sidecar')) {
    return requirementsOf({
      matchLabels: object.spec?.workloadSelector?.labels,
    });
  }
  // PeerAuthentication, AuthorizationPolicy, RequestAuthentication…
  return requirementsOf(
    fieldOf(object.spec, 'selector') as LabelSelector | undefined,
  );
}

/** Runs every check over a cluster's cached objects and indexes the findings. */
export function computeClusterFindings(
  cluster: ClusterHandle,
): ClusterFindings {
  const { store, definition } = cluster;
  const name = definition.name;
  const version = store.version;
  const objects: KubeObject[] = [];
  for (const kind of store.kinds()) {
    if (!UNCHECKED_KINDS.has(kind)) objects.push(...store.list(kind));
  }
  const { findings, meshCoverage } = assessObjects(objects, {
    cluster: name,
    clusterRole: definition.role,
  });
  const result: ClusterFindings = {
    cluster: name,
    version,
    computedAt: Date.now(),
    findings,
    workloads: objects
      .filter(isCheckedWorkload)
      .map(o => scoredResourceOf(name, o)),
    meshCoverage: new Map(
      meshCoverage.map(w => [resourceKey(w.resource), w.covered]),
    ),
    byResource: new Map(),
    byOwner: new Map(),
    namespaceWide: new Map(),
    selective: new Map(),
    meshWide: [],
  };
  for (const finding of findings) {
    const { kind, namespace, name: objectName } = finding.resource;
    push(result.byResource, resourceKey(finding.resource), finding);
    const object = store.get(kind, namespace, objectName);
    if (object) {
      const top = store.topLevelOwner(object);
      if (top !== object) {
        push(result.byOwner, resourceKey(scoredResourceOf(name, top)), finding);
      }
    }
    const category = checkDefinition(finding.checkId)?.category;
    if (!category || !POLICY_CATEGORIES.has(category)) continue;
    if (kind === 'Namespace') {
      push(result.namespaceWide, objectName, finding);
    } else if (
      namespace !== undefined &&
      object &&
      !isCheckedWorkload(object)
    ) {
      const selector = policySelector(object);
      if (selector.length > 0) {
        push(result.selective, namespace, { selector, finding });
      } else if (namespace === MESH_ROOT_NAMESPACE) {
        result.meshWide.push(finding);
      } else {
        push(result.namespaceWide, namespace, finding);
      }
    }
  }
  return result;
}

/**
 * Caches each cluster's findings until its store changes, so reports over
 * large clusters do not re-run every check per request. Under constant
 * churn a result is reused for at least `minAgeMs`.
 */
export class ClusterFindingsCache {
  private readonly entries = new Map<string, ClusterFindings>();

  constructor(
    private readonly options: {
      minAgeMs?: number;
      compute?: (cluster: ClusterHandle) => ClusterFindings;
    } = {},
  ) {}

  get(cluster: ClusterHandle): ClusterFindings {
    const name = cluster.definition.name;
    const cached = this.entries.get(name);
    const minAgeMs = this.options.minAgeMs ?? 0;
    if (
      cached &&
      (cached.version === cluster.store.version ||
        Date.now() - cached.computedAt < minAgeMs)
    ) {
      return cached;
    }
    const fresh = (this.options.compute ?? computeClusterFindings)(cluster);
    this.entries.set(name, fresh);
    return fresh;
  }
}
