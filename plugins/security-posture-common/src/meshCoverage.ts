import { MeshCoverage } from './api';
import { hasAuthorizationPolicy } from './checks/authorizationPolicies';
import {
  ClusterIndex,
  buildClusterIndex,
  workloadKey,
} from './checks/clusterIndex';
import {
  MESH_EXEMPT_NAMESPACES,
  meshMembership,
} from './checks/meshMembership';
import { effectiveMtls } from './checks/peerAuthentication';
import { podMetadataOf } from './checks/podMetadata';
import { KubeObject, workloadOf } from './kube';
import { ScoredResource } from './score';

/**
 * Where one workload stands in the zero-trust coverage of its cluster.
 *
 * @public
 */
export interface WorkloadMeshCoverage {
  resource: ScoredResource;
  /** Its pods run with an Istio sidecar (or will, once injected). */
  sidecar: boolean;
  /** The mTLS mode its sidecar enforces (port-level modes aside); absent without a sidecar. */
  mtls?: string;
  /** At least one AuthorizationPolicy that decides access applies to its pods. */
  authorized: boolean;
  /** `sidecar`, STRICT `mtls` and `authorized` together. */
  covered: boolean;
}

/**
 * The zero-trust coverage of every workload among the objects of one
 * cluster: whether each runs a sidecar enforcing STRICT mTLS (the effective
 * PeerAuthentication: workload selector over namespace over the mesh root
 * namespace) and at least one AuthorizationPolicy selects it.
 *
 * Counted are the workloads that serve traffic: Jobs and CronJobs run to
 * completion and take no calls, so the inbound policies this measures have
 * nothing to protect there (their missing sidecar is still a finding of
 * `mesh-sidecar-missing`). Ingress and egress gateways, and workloads of
 * Kubernetes' own namespaces and of istio-system, are not counted either.
 * Owned copies (ReplicaSets, Pods of a controller) count through their
 * controller, as in scoring.
 *
 * @public
 */
export function workloadMeshCoverage(
  objects: readonly KubeObject[],
  options: { cluster?: string } = {},
): WorkloadMeshCoverage[] {
  return meshCoverageWith(objects, buildClusterIndex(objects), options);
}

/** {@link workloadMeshCoverage} over an index already built of the objects. */
export function meshCoverageWith(
  objects: readonly KubeObject[],
  index: ClusterIndex,
  options: { cluster?: string } = {},
): WorkloadMeshCoverage[] {
  const result: WorkloadMeshCoverage[] = [];
  for (const object of objects) {
    if (!object?.metadata?.name) {
      continue;
    }
    const namespace = object.metadata.namespace ?? 'default';
    if (MESH_EXEMPT_NAMESPACES.has(namespace)) {
      continue;
    }
    const workload = workloadOf(object);
    if (!workload || workload.runsToCompletion) {
      continue;
    }
    const membership = meshMembership(
      workload,
      index.namespaces.get(namespace)?.metadata.labels,
      index.podSidecars.get(workloadKey(object)),
    );
    if (membership.status === 'gateway') {
      continue;
    }
    const { labels } = podMetadataOf(workload);
    const sidecar = membership.status === 'sidecar';
    const mtls = sidecar
      ? effectiveMtls(index, namespace, labels).base.mode
      : undefined;
    const authorized = hasAuthorizationPolicy(index, namespace, labels);
    result.push({
      resource: {
        ...(options.cluster !== undefined && { cluster: options.cluster }),
        kind: object.kind,
        ...(object.metadata.namespace !== undefined && {
          namespace: object.metadata.namespace,
        }),
        name: object.metadata.name,
      },
      sidecar,
      ...(mtls !== undefined && { mtls }),
      authorized,
      covered: sidecar && mtls === 'STRICT' && authorized,
    });
  }
  return result;
}

function coverage(covered: number, total: number): MeshCoverage {
  return { covered, total, ratio: total === 0 ? null : covered / total };
}

/**
 * Counts covered workloads: `ratio` is `covered / total`, null when nothing
 * was counted.
 *
 * @public
 */
export function summarizeMeshCoverage(
  workloads: ReadonlyArray<{ covered: boolean }>,
): MeshCoverage {
  return coverage(workloads.filter(w => w.covered).length, workloads.length);
}

/**
 * Adds up the coverage of disjoint groups (namespaces into a cluster,
 * clusters into a fleet): counts are summed, the ratio recomputed.
 *
 * @public
 */
export function combineMeshCoverage(
  parts: readonly MeshCoverage[],
): MeshCoverage {
  let covered = 0;
  let total = 0;
  for (const part of parts) {
    covered += part.covered;
    total += part.total;
  }
  return coverage(covered, total);
}
