import {
  matchesLabelSelector,
  templateMetadataOf,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { KubeObject } from '@cloud-native-platform/plugin-cloud-native-node';
import {
  Finding,
  MeshCoverage,
  ScoredResource,
  summarizeMeshCoverage,
} from '@cloud-native-platform/plugin-security-posture-common';
import {
  ClusterFindings,
  resourceKey,
  scoredResourceOf,
} from './ClusterFindings';

/** Findings and checked resources of one scope in one cluster. */
export interface Selection {
  findings: Finding[];
  resources: ScoredResource[];
  /** Keys of the workloads the scope is about; empty for a whole cluster. */
  workloadKeys: Set<string>;
  /** Zero-trust coverage of the selected workloads. */
  meshCoverage: MeshCoverage;
}

/** The mesh coverage of some resources of a cluster: those it counts. */
export function meshCoverageOf(
  cached: ClusterFindings,
  resources: readonly ScoredResource[],
): MeshCoverage {
  const counted: Array<{ covered: boolean }> = [];
  for (const resource of resources) {
    const covered = cached.meshCoverage.get(resourceKey(resource));
    if (covered !== undefined) counted.push({ covered });
  }
  return summarizeMeshCoverage(counted);
}

/** Runtime findings of a cluster by resource key. */
export type RuntimeIndex = Map<string, Finding[]>;

/** Indexes runtime findings by the resource they are on. */
export function indexRuntime(findings: readonly Finding[]): RuntimeIndex {
  const index: RuntimeIndex = new Map();
  for (const finding of findings) {
    const key = resourceKey(finding.resource);
    const list = index.get(key);
    if (list) list.push(finding);
    else index.set(key, [finding]);
  }
  return index;
}

/** Everything found in a cluster, or in one of its namespaces. */
export function selectCluster(
  cached: ClusterFindings,
  runtime: RuntimeIndex,
  namespace?: string,
): Selection {
  const inScope = (resource: { namespace?: string }) =>
    namespace === undefined || resource.namespace === namespace;
  const runtimeFindings = [...runtime.values()].flat();
  const resources = cached.workloads.filter(inScope);
  return {
    findings: [...cached.findings, ...runtimeFindings].filter(f =>
      inScope(f.resource),
    ),
    resources,
    workloadKeys: new Set(),
    meshCoverage: meshCoverageOf(cached, resources),
  };
}

function podTemplateLabels(object: KubeObject): Record<string, string> {
  return templateMetadataOf(object)?.labels ?? object.metadata.labels ?? {};
}

/**
 * The findings of some workloads of one cluster: on the workloads, on what
 * they own, their runtime alerts, and the mesh and network findings of the
 * namespaces they run in that concern them (a namespace without a default
 * deny policy, a policy whose selector matches their pods, a mesh-wide
 * policy of the mesh root namespace).
 */
export function selectWorkloads(
  cached: ClusterFindings,
  runtime: RuntimeIndex,
  workloads: ReadonlyArray<{ workload: KubeObject; pods: KubeObject[] }>,
): Selection {
  const found = new Set<Finding>();
  const add = (list: readonly Finding[] | undefined) =>
    list?.forEach(f => found.add(f));
  const resources: ScoredResource[] = [];
  const workloadKeys = new Set<string>();
  const namespaces = new Set<string>();
  const labelSets: Array<Record<string, string>> = [];

  for (const { workload, pods } of workloads) {
    const resource = scoredResourceOf(cached.cluster, workload);
    const key = resourceKey(resource);
    if (workloadKeys.has(key)) continue;
    workloadKeys.add(key);
    resources.push(resource);
    add(cached.byResource.get(key));
    add(cached.byOwner.get(key));
    add(runtime.get(key));
    for (const pod of pods)
      add(runtime.get(resourceKey(scoredResourceOf(cached.cluster, pod))));
    if (workload.metadata.namespace)
      namespaces.add(workload.metadata.namespace);
    labelSets.push(podTemplateLabels(workload));
    for (const pod of pods) labelSets.push(pod.metadata.labels ?? {});
  }
  for (const namespace of namespaces) {
    add(cached.namespaceWide.get(namespace));
    for (const { selector, finding } of cached.selective.get(namespace) ?? []) {
      if (labelSets.some(labels => matchesLabelSelector(selector, labels))) {
        found.add(finding);
      }
    }
  }
  if (workloadKeys.size > 0) add(cached.meshWide);
  return {
    findings: [...found],
    resources,
    workloadKeys,
    meshCoverage: meshCoverageOf(cached, resources),
  };
}
