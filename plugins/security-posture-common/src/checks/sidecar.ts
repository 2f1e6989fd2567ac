import { workloadOf } from '../kube';
import { Check, Hit } from './check';
import { workloadKey } from './clusterIndex';
import {
  MESH_EXEMPT_NAMESPACES,
  SidecarAbsence,
  meshMembership,
} from './meshMembership';

const NO_IDENTITY = 'its traffic has no mTLS and no SPIFFE identity';

function why(absence: SidecarAbsence, namespace: string): string {
  switch (absence.reason) {
    case 'host-network':
      return 'the pod uses the host network (hostNetwork true), where Istio cannot inject a sidecar';
    case 'injection-disabled':
      return `sidecar injection is turned off (${absence.by})`;
    case 'namespace-not-labelled':
      return `namespace ${namespace} is not labelled for injection (istio-injection=enabled or istio.io/rev) and the pods do not ask for a sidecar`;
    case 'pods-without-sidecar':
      return `injection is on but ${absence.pods.withoutSidecar} of ${
        absence.pods.withoutSidecar + absence.pods.withSidecar
      } pods run without istio-proxy (started before injection was turned on, or the webhook failed)`;
    default:
      return 'it has no sidecar';
  }
}

/**
 * Zero-trust coverage: where the mesh runs (see `ClusterIndex.meshRuns`),
 * every workload outside Kubernetes' namespaces and the mesh root
 * namespace is expected to have a sidecar.
 */
export const sidecarChecks: Check[] = [
  {
    definition: {
      id: 'mesh-sidecar-missing',
      title: 'Workload outside the mesh',
      severity: 'high',
      category: 'mesh',
      description:
        'In a cluster that runs Istio (istiod in istio-system, a namespace labelled for injection, or pods with sidecars), a workload without an istio-proxy sidecar neither encrypts nor authenticates its traffic: it has no SPIFFE identity, STRICT peers refuse it, PERMISSIVE ones take its plaintext, and AuthorizationPolicies cannot tell it from an attacker. The finding says why: host network, injection turned off, namespace not labelled, or pods started without the sidecar. High in production clusters, medium elsewhere; Kubernetes namespaces and istio-system are not expected in the mesh.',
      remediation:
        'Label the namespace istio-injection=enabled (or istio.io/rev=<revision>) and restart the workload so its pods get the sidecar; drop sidecar.istio.io/inject: "false" unless the workload must stay out, and then limit who reaches it with a NetworkPolicy. A host-network pod cannot join the mesh: take it off the host network, or firewall its ports.',
      references: {
        nsa: 'Network separation and hardening: encryption',
        mitre: 'T1040',
      },
    },
    object(object, context): Hit[] {
      const { index } = context;
      const namespace = object.metadata.namespace ?? 'default';
      if (!index.meshRuns || MESH_EXEMPT_NAMESPACES.has(namespace)) {
        return [];
      }
      const workload = workloadOf(object);
      if (!workload) {
        return [];
      }
      const pods = index.podSidecars.get(workloadKey(object));
      const membership = meshMembership(
        workload,
        index.namespaces.get(namespace)?.metadata.labels,
        pods,
      );
      const severity = context.clusterRole === 'production' ? 'high' : 'medium';
      if (membership.status === 'none') {
        return [
          {
            message: `${why(membership.absence, namespace)}: ${NO_IDENTITY}`,
            severity,
          },
        ];
      }
      // A rollout half done: some pods have the sidecar, others still not.
      if (membership.status === 'sidecar' && pods && pods.withoutSidecar > 0) {
        return [
          {
            message: `${why(
              { reason: 'pods-without-sidecar', pods },
              namespace,
            )}: for those pods ${NO_IDENTITY}`,
            severity,
          },
        ];
      }
      return [];
    },
  },
];
