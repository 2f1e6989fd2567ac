import { isScalable } from '@cloud-native-platform/plugin-cloud-native-common';
import { ContainerView, Workload, containerLabel } from '../kube';
import { Check } from './check';
import { ClusterIndex } from './clusterIndex';

/**
 * The tag of an image reference, or undefined when it has none. A digest pins
 * the image whatever its tag says, so it is reported as `@digest`.
 *
 * @public
 */
export function imageTag(image: string): string | undefined {
  if (image.includes('@')) {
    return '@digest';
  }
  const lastSlash = image.lastIndexOf('/');
  const lastColon = image.lastIndexOf(':');
  // A colon before the last slash is a registry port, not a tag.
  return lastColon > lastSlash ? image.slice(lastColon + 1) : undefined;
}

function floatingTag(image: string): boolean {
  const tag = imageTag(image);
  return tag === undefined || tag === 'latest';
}

// Ephemeral debug containers are transient by design and init containers
// exit before the pod serves, so the runtime hardening defaults apply to the
// long-running containers only; image and credential hygiene apply to all
// but ephemeral ones.
function longRunning(container: ContainerView): boolean {
  return container.kind === 'container';
}

function resourceCheck(
  kind: 'requests' | 'limits',
  resource: 'cpu' | 'memory',
): Check {
  const memory = resource === 'memory';
  return {
    definition: {
      id: `${resource}-${kind}-missing`,
      title: `${memory ? 'Memory' : 'CPU'} ${kind} missing`,
      severity: memory || kind === 'requests' ? 'medium' : 'low',
      category: 'efficiency',
      description:
        kind === 'requests'
          ? `Without a ${resource} request the scheduler cannot place the pod by what it needs, and the pod is first to be evicted.`
          : `Without a ${resource} limit one container can starve the others on its node${
              memory ? ' or get the node OOM-killed' : ''
            }.`,
      remediation: `Set resources.${kind}.${resource} on the container.`,
      references: {
        nsa: 'Network separation and hardening: resource policies',
        kubescape: memory ? 'C-0004' : 'C-0050',
        polaris: [
          `${resource}${kind === 'requests' ? 'Requests' : 'Limits'}Missing`,
        ],
      },
    },
    container(container) {
      if (!longRunning(container)) {
        return undefined;
      }
      const value = container.spec.resources?.[kind]?.[resource];
      return value === undefined || value === null || value === ''
        ? `${containerLabel(container)} has no ${resource} ${
            kind === 'requests' ? 'request' : 'limit'
          } (resources.${kind}.${resource} unset)`
        : undefined;
    },
  };
}

function probeCheck(probe: 'livenessProbe' | 'readinessProbe'): Check {
  const liveness = probe === 'livenessProbe';
  return {
    definition: {
      id: liveness ? 'liveness-probe-missing' : 'readiness-probe-missing',
      title: liveness ? 'Liveness probe missing' : 'Readiness probe missing',
      severity: 'low',
      category: 'reliability',
      description: liveness
        ? 'Without a liveness probe a hung container is never restarted.'
        : 'Without a readiness probe traffic reaches the container before it can serve and while it cannot.',
      remediation: `Add a ${probe} to the container.`,
      references: {
        kubescape: liveness ? 'C-0056' : 'C-0018',
        polaris: [liveness ? 'livenessProbeMissing' : 'readinessProbeMissing'],
      },
    },
    container(container, workload) {
      if (!longRunning(container) || workload.runsToCompletion) {
        return undefined;
      }
      return container.spec[probe]
        ? undefined
        : `${containerLabel(container)} has no ${
            liveness ? 'liveness' : 'readiness'
          } probe (${probe} unset)`;
    },
  };
}

const REPLICATED_KINDS = new Set(['Deployment', 'StatefulSet', 'Rollout']);

/**
 * Why the pod mounts its service account token, or undefined when it does
 * not: the pod's field wins, then its ServiceAccount's, as the kubelet decides.
 */
function tokenMount(
  workload: Workload,
  index: ClusterIndex,
): string | undefined {
  const own = workload.podSpec.automountServiceAccountToken;
  if (own === false) {
    return undefined;
  }
  if (own !== undefined && own !== null) {
    return `automountServiceAccountToken ${own}`;
  }
  const name = workload.podSpec.serviceAccountName || 'default';
  const namespace = workload.object.metadata.namespace ?? 'default';
  const account = index.serviceAccounts.get(`${namespace}/${name}`);
  if (account?.automountServiceAccountToken === false) {
    return undefined;
  }
  return account
    ? `automountServiceAccountToken unset, and ServiceAccount ${name} does not set it false`
    : 'automountServiceAccountToken unset';
}

/** Workload hardening defaults in the spirit of Polaris. */
export const hardeningChecks: Check[] = [
  resourceCheck('requests', 'cpu'),
  resourceCheck('requests', 'memory'),
  resourceCheck('limits', 'cpu'),
  resourceCheck('limits', 'memory'),
  probeCheck('livenessProbe'),
  probeCheck('readinessProbe'),
  {
    definition: {
      id: 'image-tag-latest',
      title: 'Image tag latest or missing',
      severity: 'medium',
      category: 'reliability',
      description:
        'A floating tag makes the running version unknowable and rollbacks impossible; nodes may run different images. Medium rather than the danger Polaris grades it: it harms reliability and auditability, not isolation.',
      remediation: 'Pin the image to a version tag or, better, a digest.',
      references: { polaris: ['tagNotSpecified'] },
    },
    container(container) {
      if (container.kind === 'ephemeralContainer') {
        return undefined;
      }
      const image = String(container.spec.image ?? '');
      if (!floatingTag(image)) {
        return undefined;
      }
      const tag = imageTag(image);
      return `${containerLabel(container)} uses image ${image} (${
        tag ? `tag ${tag}` : 'no tag'
      })`;
    },
  },
  {
    definition: {
      id: 'image-pull-policy',
      title: 'Floating tag not pulled Always',
      severity: 'low',
      category: 'reliability',
      description:
        'With a floating tag and a pull policy other than Always, each node runs whatever it pulled last. Polaris asks for Always on every image; a pinned tag or digest is the same everywhere whatever the policy, so only floating tags are reported here.',
      remediation:
        'Pin the image tag, or set imagePullPolicy: Always while the tag floats.',
      references: { kubescape: 'C-0075', polaris: ['pullPolicyNotAlways'] },
    },
    container(container) {
      if (container.kind === 'ephemeralContainer') {
        return undefined;
      }
      const policy = container.spec.imagePullPolicy;
      // Unset, Kubernetes defaults to Always for a floating tag.
      return floatingTag(String(container.spec.image ?? '')) &&
        policy !== undefined &&
        policy !== 'Always'
        ? `${containerLabel(
            container,
          )} pulls a floating tag with imagePullPolicy ${policy}`
        : undefined;
    },
  },
  {
    definition: {
      id: 'read-only-root-filesystem',
      title: 'Writable root file system',
      severity: 'medium',
      category: 'workload-hardening',
      description:
        'A writable root file system lets an attacker drop tools and persist changes in the container.',
      remediation:
        'Set securityContext.readOnlyRootFilesystem: true and mount emptyDir volumes where the application writes.',
      references: {
        nsa: 'Pod security: immutable container file systems',
        kubescape: 'C-0017',
        polaris: ['notReadOnlyRootFilesystem'],
      },
    },
    container(container) {
      if (!longRunning(container)) {
        return undefined;
      }
      const value = container.spec.securityContext?.readOnlyRootFilesystem;
      return value === true
        ? undefined
        : `${containerLabel(
            container,
          )} has a writable root file system (readOnlyRootFilesystem ${
            value ?? 'unset'
          })`;
    },
  },
  {
    definition: {
      id: 'automount-service-account-token',
      title: 'Service account token mounted',
      severity: 'low',
      category: 'workload-hardening',
      description:
        "A mounted service account token lets anyone who gets into the container call the Kubernetes API as the pod. The pod's automountServiceAccountToken decides; when the pod leaves it unset, its ServiceAccount's does (looked up among the objects of the call; one not among them counts as mounting).",
      remediation:
        'Set automountServiceAccountToken: false on the pod (or on its ServiceAccount) unless it calls the Kubernetes API.',
      references: {
        nsa: 'Pod security: protecting pod service account tokens',
        cis: '5.1.6',
        mitre: 'T1528',
        kubescape: 'C-0034',
        polaris: ['automountServiceAccountToken'],
      },
    },
    workload(workload, { index }) {
      const mounts = tokenMount(workload, index);
      return mounts ? [`pod mounts the service account token (${mounts})`] : [];
    },
  },
  {
    definition: {
      id: 'single-replica',
      title: 'Single replica in production',
      severity: 'medium',
      category: 'reliability',
      description:
        'One replica means downtime on every node drain, eviction or crash. Checked in production clusters only, on Deployments, StatefulSets and Argo Rollouts (Polaris checks Deployments, in every cluster).',
      remediation:
        'Run at least 2 replicas, spread across nodes, with a PodDisruptionBudget.',
      references: { polaris: ['deploymentMissingReplicas'] },
    },
    workload(workload, context) {
      const { object } = workload;
      if (
        context.clusterRole !== 'production' ||
        !REPLICATED_KINDS.has(object.kind)
      ) {
        return [];
      }
      const replicas =
        (isScalable(object) ? object.spec?.replicas : undefined) ?? 1;
      return replicas < 2 ? [`${object.kind} has ${replicas} replica(s)`] : [];
    },
  },
  {
    definition: {
      id: 'naked-pod',
      title: 'Pod without controller',
      severity: 'medium',
      category: 'reliability',
      description:
        'A pod no controller owns is not recreated when its node fails or it is evicted.',
      remediation:
        'Run the pod from a Deployment, StatefulSet, DaemonSet or Job.',
      references: { kubescape: 'C-0073' },
    },
    workload(workload: Workload) {
      // Only unowned pods become workloads, so every Pod here is naked.
      return workload.object.kind === 'Pod'
        ? ['pod has no owner (metadata.ownerReferences unset)']
        : [];
    },
  },
];
